import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { LOCAL_USER_HEADER } from '../../src/api/caller.js';
import { stableIdFor } from '../../src/domain/stable-id.js';
import { agreementOf, complaintOf, contactOn, placeHistory } from '../support/figures-history.js';
import { screenshot, seriousViolations, TabBrowser } from '../support/tab-browser.js';
import { businessDirector, homeDirector } from '../support/teams-activities.js';

/**
 * Luvut / Figures in a browser (issue 13): the customer report and the process measures of the demo data with a
 * known history (a sale with its prices, contacts of known days, complaints), each number as the API answered it;
 * a customer silent past 14 days marked in words, not by colour alone; each table's CSV the table's rows; axe
 * clean in the three themes. The server's today is 2026-11-23.
 */
describe('figures page (browser, local mode)', function () {
  this.timeout(90_000);
  let tb: TabBrowser;
  const koivukoti = stableIdFor('home:Koivukoti');
  const lansiUusimaa = stableIdFor('customer:Länsi-Uudenmaan hyvinvointialue');
  const helsinki = stableIdFor('customer:Helsingin kaupunki');

  before(async () => {
    tb = await new TabBrowser().start();
    const store = tb.h.app.store;
    await agreementOf(store, { customerId: lansiUusimaa, serviceTypes: ['ymparivuorokautinen'], startDate: '2026-01-01', pricePerDay: 210.5 });
    // Free from 1.3., reserved 11.3. (10 days free), sold 1.4. and occupied since: 237 days at 210,50 € to today.
    await placeHistory(
      store,
      { careHomeId: koivukoti, label: 'L9', serviceType: 'ymparivuorokautinen', createdAt: '2026-03-01T08:00:00.000Z', freeFrom: '2026-03-01' },
      { reserveFor: { customerId: lansiUusimaa, at: '2026-03-11T10:00:00.000Z' }, sellAt: '2026-04-01T10:00:00.000Z' },
    );
    await complaintOf(store, { customerId: lansiUusimaa, careHomeId: koivukoti, receivedDate: '2026-10-05', actionsAgreedAt: '2026-10-08T09:00:00.000Z', informedAt: '2026-10-12T09:00:00.000Z' });
    await contactOn(store, lansiUusimaa, '2026-11-20');
    await contactOn(store, helsinki, '2026-11-01');
  });
  after(async () => {
    await tb.stop();
  });

  const api = async (path: string, as = businessDirector) =>
    (await (await fetch(`${tb.h.app.url}/api/v1${path}`, { headers: { [LOCAL_USER_HEADER]: as.aadObjectId, 'accept-language': 'fi-FI' } })).json()) as any;
  const rowsOf = async (page: Page, testId: string) =>
    page.getByTestId(testId).locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => (td as HTMLElement).innerText.trim())));
  const fi = (n: number, digits = 2) => new Intl.NumberFormat('fi-FI', { maximumFractionDigits: digits }).format(n);

  it('shows the customer report and the process measures as the API answers them, each chart beside its table', async () => {
    const { page, pageErrors } = await tb.open(businessDirector.aadObjectId, { hash: '#/figures' });
    await page.getByRole('heading', { level: 1, name: 'Luvut' }).waitFor();
    await page.getByTestId('figures-customers-table').waitFor();
    await page.getByTestId('figures-contacts-table').waitFor();

    const report = await api('/figures/customers?top=25');
    const rows = await rowsOf(page, 'figures-customers-table');
    assert.equal(rows.length, report.customers.length + 1, 'each customer of the page and the totals');
    const first = report.customers[0];
    assert.equal(first.name, 'Länsi-Uudenmaan hyvinvointialue');
    assert.equal(first.revenue, 237 * 210.5);
    assert.deepEqual(rows[0], [first.name, 'Etelä-Suomi', '1', 'Ympärivuorokautinen palveluasuminen: 1 asukas, 237 päivää', fi(237), '0', fi(237 * 210.5), 'ei kirjattu']);
    assert.deepEqual(rows.at(-1)!.slice(0, 3), ['Yhteensä', '', '1']);
    assert.match(await page.getByTestId('figures-revenue-rule').innerText(), /hinta päivässä × käyttöpäivät/);
    assert.equal(await page.getByTestId('figures-scope').innerText(), 'Luvut koko yrityksestä.');

    const process = await api('/figures/process?top=25');
    const contacts = await rowsOf(page, 'figures-contacts-table');
    assert.deepEqual(contacts.map((r) => r[0]), process.contacts.customers.map((c: any) => c.name));
    assert.equal(await page.getByTestId('figures-overdue-count').innerText(), `${process.contacts.overdue} asiakasta myöhässä (${process.contacts.total} asiakkaasta).`);
    assert.deepEqual(await rowsOf(page, 'figures-free-table'), [['Koivukoti', 'Etelä-Suomi', '1', '10'], ['Kaikki kodit', '', '1', '10']]);
    const q4 = (await rowsOf(page, 'figures-complaints-table')).at(-1);
    assert.deepEqual(q4, ['4. nelj. 2026', '1', '1', '3', '1', '7']);

    for (const chart of ['figures-customers-chart', 'figures-contacts-chart', 'figures-free-chart', 'figures-complaints-chart']) {
      const label = await page.getByTestId(chart).getAttribute('aria-label');
      assert.match(label ?? '', /^Kaavio: .*Sama tieto on viereisessä taulukossa\.$/, chart);
      assert.equal(await page.getByTestId(chart).evaluate((el) => el.tagName), 'FIGURE');
    }
    assert.deepEqual(pageErrors, []);
  });

  it('marks a customer silent past 14 days in red with a text and a mark, not by colour alone', async () => {
    const { page } = await tb.open(businessDirector.aadObjectId, { hash: '#/figures' });
    await page.getByTestId('figures-contacts-table').waitFor();
    const row = (name: string) => page.getByTestId('figures-contacts-table').locator('tbody tr', { hasText: name });
    const helsinkiRow = row('Helsingin kaupunki');
    assert.deepEqual((await helsinkiRow.locator('td').allInnerTexts()).slice(2, 4), ['1.11.2026', '22']);
    assert.equal(await helsinkiRow.getByTestId('figures-overdue').innerText(), '!\nYli 14 päivää', 'a mark and the words');
    const red = await helsinkiRow.locator('td').nth(3).locator('span').evaluate((el) => getComputedStyle(el).color);
    const plain = await row('Länsi-Uudenmaan').locator('td').nth(3).evaluate((el) => getComputedStyle(el).color);
    assert.notEqual(red, plain, 'the days are red');
    const recent = row('Länsi-Uudenmaan');
    assert.deepEqual((await recent.locator('td').allInnerTexts()).slice(3, 5), ['3', 'Ajan tasalla']);
    assert.equal(await recent.getByTestId('figures-overdue').count(), 0);
    // Never contacted: marked the same way.
    assert.equal(await row('Pirkanmaan hyvinvointialue').getByText('Ei kirjauksia').count(), 1);
  });

  it('downloads each table as CSV for Finnish Excel: the table\'s rows, ";" and a decimal comma, UTF-8 with a BOM', async () => {
    const { page } = await tb.open(businessDirector.aadObjectId, { hash: '#/figures' });
    await page.getByTestId('figures-customers-table').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('figures-customers-table-csv').click()]);
    assert.equal(download.suggestedFilename(), 'asiakasraportti-2026.csv');
    const bytes = readFileSync((await download.path())!);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    const rows = await rowsOf(page, 'figures-customers-table');
    assert.equal(lines.length, rows.length + 1, 'a header and each row of the table');
    assert.equal(lines[0], 'Asiakas;Alue;Asukkaita;Ostetut palvelut;Käyttöpäiviä;Ilman hintaa (pv);Liikevaihto (€);Tyytyväisyys');
    assert.equal(lines[1], `Länsi-Uudenmaan hyvinvointialue;Etelä-Suomi;1;Ympärivuorokautinen palveluasuminen: 1 asukas, 237 päivää;237;0;${String(237 * 210.5).replace('.', ',')};`);
    assert.deepEqual(lines.slice(1).map((l) => l.split(';')[0]), rows.map((r) => r[0]));

    const [contacts] = await Promise.all([page.waitForEvent('download'), page.getByTestId('figures-contacts-table-csv').click()]);
    const contactLines = readFileSync((await contacts.path())!, 'utf8').slice(1).trimEnd().split('\r\n');
    assert.equal(contactLines[0], 'Asiakas;Alue;Viimeisin kirjaus;Päivää siitä;Tila;1. nelj. 2026;2. nelj. 2026;3. nelj. 2026;4. nelj. 2026');
    assert.ok(contactLines.includes('Helsingin kaupunki;Etelä-Suomi;1.11.2026;22;Yli 14 päivää;0;0;0;1'));
  });

  it('a home director sees their own home\'s figures; axe finds nothing serious in the light, dark and high-contrast themes', async () => {
    const own = await tb.open(homeDirector.aadObjectId, { hash: '#/figures' });
    await own.page.getByTestId('figures-customers-table').waitFor();
    assert.match(await own.page.getByTestId('figures-scope').innerText(), /Koivukoti/);
    assert.equal(await own.page.getByTestId('figures-region').count(), 0, 'one region: nothing to choose');

    for (const theme of ['default', 'dark', 'contrast'] as const) {
      const { page, pageErrors } = await tb.open(businessDirector.aadObjectId, { hash: '#/figures', theme });
      await page.getByTestId('figures-complaints-chart').waitFor();
      assert.deepEqual(await seriousViolations(page), [], theme);
      if (theme === 'default') await screenshot(page, 'figures');
      assert.deepEqual(pageErrors, [], theme);
    }
  });
});
