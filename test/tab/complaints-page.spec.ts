import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { advanceComplaint } from '../../src/app/advance-complaint.js';
import { receiveComplaint } from '../../src/app/receive-complaint.js';
import type { Complaint } from '../../src/domain/records/complaint.js';
import { stableIdFor } from '../../src/domain/stable-id.js';
import { homeDirector, qualityManager, salesManager } from '../support/teams-activities.js';
import { screenshot, seriousViolations, TabBrowser } from '../support/tab-browser.js';

/**
 * Reklamaatiot in a browser, local mode: complaints received through the bot's use case appear on the board in their
 * step with the next step and its date, a home director sees another home's complaint without its text and is told
 * why, and the quality manager's summary shows the counts and the median handling times.
 */
describe('complaints page (browser, local mode)', function () {
  this.timeout(90_000);
  let tb: TabBrowser;
  let merikoti: Complaint;
  const quality = { id: qualityManager.aadObjectId, name: qualityManager.name };

  before(async () => {
    tb = await new TabBrowser().start();
    const ctx = tb.h.app.app;
    const customerId = (await ctx.store.queries.customerNames()).find((c) => c.name.startsWith('Länsi-Uudenmaan'))!.id;
    // Merikoti's: serious, received on Friday, its actions due Sunday — overdue on the harness's Monday.
    const received = await receiveComplaint(ctx, quality, {
      requestId: randomUUID(),
      customerId,
      careHomeId: stableIdFor('home:Merikoti'),
      receivedDate: '2026-11-20',
      channel: 'puhelin',
      matter: 'Lääkelistan päivitys viivästyi kaksi viikkoa',
      severity: 'vakava',
    });
    assert.ok(received.ok);
    merikoti = received.value.complaint;
    // Koivukoti's: received ten days ago and corrected today.
    const other = await receiveComplaint(ctx, quality, { requestId: randomUUID(), customerId, careHomeId: stableIdFor('home:Koivukoti'), receivedDate: '2026-11-13', channel: 'sahkoposti', matter: 'Laskussa väärä hoitopäivien määrä', severity: 'vahainen' });
    assert.ok(other.ok);
    let current = other.value.complaint;
    for (const step of [{ step: 'toimenpiteet-sovittu', correctiveActions: 'Laskutus tarkistetaan.', correctionDue: '2026-11-30' }, { step: 'korjattu' }] as const) {
      const moved = await advanceComplaint(ctx, quality, { requestId: randomUUID(), complaintId: current.id, version: current.version, ...step });
      assert.ok(moved.ok && moved.value.advanced);
      current = moved.value.complaint;
    }
  });
  after(async () => {
    await tb.stop();
  });

  it('shows a complaint received through the bot in its step, with the next step, its date and the overdue mark; its details with the text', async () => {
    const { page, pageErrors } = await tb.open(qualityManager.aadObjectId, { hash: '#/complaints' });
    const received = page.getByTestId('column-vastaanotettu');
    await received.getByTestId('complaint-card').first().waitFor();
    assert.match(await received.getByRole('heading').innerText(), /^Vastaanotettu \(1\)$/);
    const card = received.getByTestId('complaint-card');
    const text = await card.innerText();
    assert.match(text, /Länsi-Uudenmaan/);
    assert.match(text, /Merikoti/);
    assert.match(text, /Vakavuus: Vakava/);
    assert.match(text, /Vastaanotettu 20\.11\.2026/);
    assert.equal(await card.getByTestId('next-step').innerText(), 'Toimenpiteet sovittava viimeistään 22.11.2026');
    assert.match(await card.getByTestId('overdue').innerText(), /⚠\s*Myöhässä/);
    // The corrected one is a step further on: the customer is to be told next.
    assert.match(await page.getByTestId('column-korjattu').getByTestId('next-step').innerText(), /^Asiakkaalle kerrottava viimeistään 26\.11\.2026$/);
    assert.match(await page.getByTestId('board-total').innerText(), /2 reklamaatiota/);

    await card.getByRole('link', { name: /Näytä tiedot: Merikoti/ }).click();
    const detail = page.getByTestId('complaint-detail');
    await detail.waitFor();
    assert.equal(await page.evaluate(() => window.location.hash), `#/complaints/${merikoti.id}`);
    assert.match(await detail.getByTestId('complaint-text').innerText(), /Lääkelistan päivitys viivästyi kaksi viikkoa/);
    assert.match(await detail.getByTestId('complaint-history').innerText(), /Vastaanotettu: Liisa Laaksonen/);
    assert.deepEqual(await seriousViolations(page), []);
    // Back to the board, filtered: Koivukoti has nothing received, one corrected.
    await page.getByRole('link', { name: 'Takaisin reklamaatioihin' }).click();
    // The home filter is a search (hundreds of homes at ten times the size): type, then choose.
    await page.getByTestId('filter-home').click();
    await page.getByTestId('filter-home').pressSequentially('koivu');
    await page.getByRole('option', { name: 'Koivukoti (Espoo)' }).click();
    await page.getByText('1 reklamaatio näillä rajauksilla.').waitFor();
    assert.match(await page.getByTestId('column-vastaanotettu').innerText(), /Ei reklamaatioita/);
    assert.deepEqual(pageErrors, []);
  });

  it('a home director sees another home\'s complaint without its text, and the page says why', async () => {
    const { page, pageErrors } = await tb.open(homeDirector.aadObjectId, { hash: '#/complaints' });
    const card = page.getByTestId('column-vastaanotettu').getByTestId('complaint-card');
    await card.waitFor();
    assert.match(await card.innerText(), /Teksti piilotettu roolillesi/);
    await card.getByRole('link').click();
    const hidden = page.getByTestId('text-hidden');
    await hidden.waitFor();
    assert.match(await hidden.innerText(), /Teksti piilotettu roolillesi/);
    assert.match(await hidden.innerText(), /johto, laatupäällikkö ja kyseisen palvelutalon johto/);
    assert.equal((await page.locator('body').innerText()).includes('Lääkelistan'), false, 'the text is nowhere on the page');
    assert.match(await page.getByTestId('detail-next-step').innerText(), /Toimenpiteet sovittava/);
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(pageErrors, []);
  });

  it('the quality manager\'s summary shows the counts and the medians per home and for the company; sales are told who may see it', async () => {
    const { page, pageErrors } = await tb.open(qualityManager.aadObjectId, { hash: '#/complaints' });
    const summary = page.getByTestId('complaint-summary');
    await summary.getByTestId('summary-total').first().waitFor();
    const rowOf = async (name: string) =>
      (await summary.getByTestId('summary-handling').getByRole('row').filter({ hasText: name }).first().getByRole('cell').allInnerTexts()).map((c) => c.trim());
    // Region, count, serious, moderate, minor, days to corrected, days to informed (the home's name is the row header).
    assert.deepEqual(await rowOf('Koivukoti'), ['Etelä-Suomi', '1', '0', '0', '1', '10 päivää (n = 1)', '–']);
    assert.deepEqual(await rowOf('Merikoti'), ['Etelä-Suomi', '1', '1', '0', '0', '–', '–']);
    assert.deepEqual(await rowOf('Koko yritys'), ['', '2', '1', '0', '1', '10 päivää (n = 1)', '–']);
    const november = (await summary.getByTestId('summary-total-months').getByRole('row').filter({ hasText: '11.2026' }).getByRole('cell').allInnerTexts()).map((c) => c.trim());
    assert.deepEqual(november, ['1', '0', '1', '2']);
    assert.match(await summary.innerText(), /Vastaanotetut 1\.12\.2025–23\.11\.2026 \(12 kk\)/);
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'complaints');
    assert.deepEqual(pageErrors, []);

    const sales = await tb.open(salesManager.aadObjectId, { hash: '#/complaints' });
    const refused = sales.page.getByTestId('summary-refused');
    await refused.waitFor();
    assert.match(await refused.innerText(), /yhteenvedon näkevät vain nämä: .*laatupäällikkö/);
    assert.deepEqual(sales.pageErrors, []);
  });

  it('has no serious accessibility violations in the dark and high-contrast themes, in English too', async () => {
    for (const theme of ['dark', 'contrast'] as const) {
      const { page, pageErrors } = await tb.open(qualityManager.aadObjectId, { hash: '#/complaints', theme, lang: 'en-US' });
      await page.getByTestId('summary-total').first().waitFor();
      await page.getByTestId('column-vastaanotettu').getByTestId('complaint-card').waitFor();
      assert.match(await page.getByTestId('column-vastaanotettu').getByTestId('next-step').innerText(), /^Actions to agree by 22 Nov 2026$/);
      assert.deepEqual(await seriousViolations(page), [], theme);
      await page.getByTestId('column-vastaanotettu').getByRole('link').click();
      await page.getByTestId('complaint-detail').waitFor();
      assert.deepEqual(await seriousViolations(page), [], `${theme}, the detail`);
      assert.deepEqual(pageErrors, []);
    }
  });
});
