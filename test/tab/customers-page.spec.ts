import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { LOCAL_USER_HEADER } from '../../src/api/caller.js';
import { stableIdFor } from '../../src/domain/stable-id.js';
import { choice, openForm, savedText, submitForm } from '../support/record-form-session.js';
import { screenshot, seriousViolations, TabBrowser } from '../support/tab-browser.js';
import { homeDirector, installedInTeam, regionalDirector, salesManager } from '../support/teams-activities.js';

/**
 * Asiakkaat in a browser, local mode (issue 13): the search, the customer 360 with its contacts, agreements,
 * plan, places and the one timeline — where an entry made through the bot shows up — and changes through the
 * API: a contact edited, a 400 shown per field with the typed values kept, one's own entry withdrawn.
 */
describe('customers page (browser, local mode)', function () {
  this.timeout(90_000);
  let tb: TabBrowser;
  const lansi = stableIdFor('customer:Länsi-Uudenmaan hyvinvointialue');
  const hash = `#/customers/${lansi}`;
  const matter = 'Puhelu palveluohjaajan kanssa: kaksi sijoitusta tammikuussa';

  const api = async (path: string, as: string, method = 'GET', body?: unknown) => {
    const response = await fetch(`${tb.h.app.url}/api/v1${path}`, { method, headers: { [LOCAL_USER_HEADER]: as, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    assert.ok(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
    return (await response.json()) as any;
  };

  before(async () => {
    tb = await new TabBrowser().start();
    await tb.h.post(installedInTeam(tb.h.connector.url, homeDirector));
    // An agreement and a reserved place, so the page has them to show.
    await api(`/customers/${lansi}/agreements`, salesManager.aadObjectId, 'POST', {
      requestId: randomUUID(),
      kind: 'ostopalvelu',
      title: 'Ympärivuorokautinen palveluasuminen 2026–2028',
      serviceTypes: ['ymparivuorokautinen'],
      pricePerDay: '182,50',
      startDate: '2026-01-01',
      endDate: '2028-12-31',
      optionYears: '2029, 2030',
      paymentCommitment: true,
    });
    const koivukoti = stableIdFor('home:Koivukoti');
    const free = (await api(`/places?careHomeId=${koivukoti}`, salesManager.aadObjectId)).places.find((p: any) => p.effectiveStatus === 'vapaa');
    await api(`/places/${free.id}`, salesManager.aadObjectId, 'PATCH', { change: 'reserve', requestId: randomUUID(), version: free.version, customerId: lansi });
    // A contact logged through the bot: `kirjaa`, its form saved as Teams does.
    const { form } = await openForm(tb.h, salesManager, 'kirjaa');
    const [saved] = await submitForm(tb.h, form, { customerId: choice(form.card, 'customerId', /^Länsi-Uudenmaan/), date: '2026-11-23', type: 'puhelu', matter, nextContactDate: '2026-12-07', nextContactTopic: 'Sijoitusten vahvistus' });
    assert.match(savedText(saved!), /^Tallennettu: Puhelu, Länsi-Uudenmaan hyvinvointialue/);
  });
  after(async () => {
    await tb.stop();
  });

  const section = (page: Page, id: string) => page.getByTestId(id);

  it('the search finds a seeded customer as one types, and opens its page', async () => {
    const { page, pageErrors } = await tb.open(salesManager.aadObjectId, { hash: '#/customers' });
    await page.getByRole('heading', { level: 1, name: 'Asiakkaat' }).waitFor();
    await page.getByLabel('Asiakkaan nimi tai sen osa').fill('pirkan');
    const results = page.getByTestId('customer-results');
    await results.getByRole('link', { name: 'Pirkanmaan hyvinvointialue' }).waitFor();
    // The first page of every customer is there before the typing settles: wait for the search's answer.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=customer-results] a').length === 1);
    assert.deepEqual(await results.getByRole('link').allInnerTexts(), ['Pirkanmaan hyvinvointialue']);
    assert.match(await results.innerText(), /Sisä-Suomi/);
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'customers-search');
    await results.getByRole('link', { name: 'Pirkanmaan hyvinvointialue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pirkanmaan hyvinvointialue' }).waitFor();
    assert.match(page.url(), /#\/customers\/[0-9a-f-]{36}$/);
    assert.deepEqual(pageErrors, []);
  });

  it('the customer page shows contacts with roles, the agreement, the reserved place, the plan, and the entry made through the bot', async () => {
    const { page, pageErrors } = await tb.open(salesManager.aadObjectId, { hash });
    await page.getByRole('heading', { level: 1, name: 'Länsi-Uudenmaan hyvinvointialue' }).waitFor();
    const contacts = await section(page, 'customer-contacts').innerText();
    assert.match(contacts, /Sari Salminen\s+Palvelujohtaja/);
    assert.match(contacts, /Hanna Heikkilä\s+Sosiaalityöntekijä \/ palveluohjaaja/);
    const agreements = await section(page, 'customer-agreements').innerText();
    assert.match(agreements, /Ympärivuorokautinen palveluasuminen 2026–2028/);
    assert.match(agreements, /182,50/);
    assert.match(agreements, /2029, 2030/);
    const places = await section(page, 'customer-places').innerText();
    assert.match(places, /Varatut ja myydyt paikat \(1 varattu, 0 myyty\)/);
    assert.match(places, /Koivukoti/);
    await section(page, 'customer-plan').getByText('Vuoden 2026 suunnitelmaa ei ole vielä laadittu.').waitFor();
    assert.equal(await page.getByTestId('annual-clock').locator('li').count(), 12);

    const timeline = section(page, 'customer-timeline');
    const row = timeline.getByRole('row').filter({ hasText: matter });
    await row.waitFor();
    assert.match(await row.innerText(), /23\.11\.2026\s+Yhteydenotto/);
    assert.match(await row.innerText(), /Mikko Myyntipäällikkö\s+oma/);
    assert.match(await timeline.innerText(), /Seuraava yhteydenotto: 7\.12\.2026 · Sijoitusten vahvistus · Mikko Myyntipäällikkö/);
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'customer');
    assert.deepEqual(pageErrors, []);
  });

  it('renders without serious accessibility violations in the dark and high-contrast themes, and in English', async () => {
    for (const theme of ['dark', 'contrast'] as const) {
      const { page, pageErrors } = await tb.open(regionalDirector.aadObjectId, { hash, theme });
      await section(page, 'customer-timeline').waitFor();
      assert.deepEqual(await seriousViolations(page), [], theme);
      assert.deepEqual(pageErrors, []);
    }
    const { page } = await tb.open(salesManager.aadObjectId, { hash, lang: 'en-US' });
    await page.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    assert.match(await section(page, 'customer-timeline').innerText(), /Recorded by/);
  });

  it('the regional director edits the plan and its annual clock; sales only reads it', async () => {
    const helsinki = stableIdFor('customer:Helsingin kaupunki');
    const asSales = (await tb.open(salesManager.aadObjectId, { hash: `#/customers/${helsinki}` })).page;
    await section(asSales, 'customer-plan').getByText('2/4 kohtaamista pidetty').waitFor();
    assert.equal(await asSales.getByTestId('plan-edit').count(), 0);
    await section(asSales, 'customer-plan').getByText(/muokkaavat asiakkaan alueen aluejohtaja ja liiketoimintajohtaja/).waitFor();

    const { page, pageErrors } = await tb.open(regionalDirector.aadObjectId, { hash: `#/customers/${helsinki}` });
    const plan = section(page, 'customer-plan');
    await plan.getByText('2/4 kohtaamista pidetty').waitFor();
    await page.getByTestId('encounter-add').click();
    const form = page.getByTestId('encounter-form');
    await form.getByLabel('Kuukausi').selectOption('11');
    await form.getByLabel('Päivä (valinnainen)').fill('31');
    await form.getByRole('button', { name: 'Tallenna' }).click();
    // 31 November is no day: the API's message under the field, the typed day kept.
    await form.getByText('Tässä kuussa päivä on enintään 30.').first().waitFor();
    assert.equal(await form.getByLabel('Päivä (valinnainen)').inputValue(), '31');
    await form.getByLabel('Päivä (valinnainen)').fill('27');
    await form.getByRole('button', { name: 'Tallenna' }).click();
    await plan.getByText('2/5 kohtaamista pidetty').waitFor();
    assert.match(await plan.getByRole('table').innerText(), /27\.11\.2026\s+Kehityskokous/);
    assert.deepEqual(pageErrors, []);
  });

  it('sales changes the lifecycle phase; a home director only reads it', async () => {
    const { page, pageErrors } = await tb.open(salesManager.aadObjectId, { hash });
    const facts = section(page, 'customer-facts');
    await facts.getByLabel('Asiakkuuden vaihe').selectOption('kasvu');
    await facts.getByRole('button', { name: 'Tallenna segmentti ja vaihe' }).click();
    await facts.getByText('Tallennettu.').waitFor();
    const again = (await tb.open(homeDirector.aadObjectId, { hash })).page;
    assert.match(await section(again, 'customer-facts').innerText(), /Asiakkuuden vaihe\s+Kasvu/);
    assert.equal(await section(again, 'customer-facts').getByRole('combobox').count(), 0);
    assert.deepEqual(pageErrors, []);
  });

  it('editing a contact saves it and shows it', async () => {
    const { page, pageErrors } = await tb.open(salesManager.aadObjectId, { hash });
    const contacts = section(page, 'customer-contacts');
    await contacts.getByRole('button', { name: 'Muokkaa yhteyshenkilöä Sari Salminen' }).click();
    const form = page.getByTestId('contact-form');
    await form.getByLabel('Puhelin').fill('040 555 0101');
    await form.getByLabel('Nimike').fill('Palvelujohtaja, ikääntyneet');
    await form.getByRole('button', { name: 'Tallenna' }).click();
    await contacts.getByRole('row').filter({ hasText: '040 555 0101' }).waitFor();
    assert.match(await contacts.getByRole('row').filter({ hasText: 'Sari Salminen' }).innerText(), /Palvelujohtaja, ikääntyneet\s+040 555 0101/);
    assert.equal(await page.getByTestId('contact-form').count(), 0, 'the form closed');
    // Stored: a fresh page shows it too.
    const again = (await tb.open(salesManager.aadObjectId, { hash })).page;
    await section(again, 'customer-contacts').getByText('040 555 0101').waitFor();
    assert.deepEqual(pageErrors, []);
  });

  it('an API 400 shows the message under each field and keeps what was typed', async () => {
    const { page, pageErrors } = await tb.open(salesManager.aadObjectId, { hash });
    await page.getByTestId('contact-add').click();
    const form = page.getByTestId('contact-form');
    await form.getByRole('textbox', { name: 'Nimi', exact: true }).fill('Olli Ohjaaja');
    await form.getByLabel('Sähköposti').fill('olli(at)example');
    await form.getByRole('button', { name: 'Tallenna' }).click();
    await form.getByTestId('api-error').waitFor();
    assert.match(await form.getByTestId('api-error').innerText(), /Pyynnössä on virheellisiä tietoja\.[\s\S]*Arvo ei kelpaa\./);
    assert.equal(await form.getByRole('textbox', { name: 'Sähköposti' }).getAttribute('aria-invalid'), 'true');
    assert.equal(await form.getByLabel('Sähköposti').inputValue(), 'olli(at)example');
    assert.equal(await form.getByRole('textbox', { name: 'Nimi', exact: true }).inputValue(), 'Olli Ohjaaja');
    assert.deepEqual(await seriousViolations(page), []);

    await page.getByTestId('agreement-add').click();
    const agreement = page.getByTestId('agreement-form');
    await agreement.getByLabel('Sisältö').fill('Lyhytaikainen asuminen');
    await agreement.getByLabel('Hinta €/vrk').fill('kallis');
    await agreement.getByLabel('Alkaa').fill('2027-01-01');
    await agreement.getByRole('button', { name: 'Tallenna' }).click();
    await agreement.getByText('Anna hinta euroina, esim. 182,50.').first().waitFor();
    assert.equal(await agreement.getByLabel('Hinta €/vrk').inputValue(), 'kallis');
    assert.equal(await agreement.getByLabel('Sisältö').inputValue(), 'Lyhytaikainen asuminen');
    assert.deepEqual(pageErrors, []);
  });

  it('one\'s own entry is corrected from the timeline through the same use case as `omat`', async () => {
    const { page, pageErrors } = await tb.open(salesManager.aadObjectId, { hash });
    const timeline = section(page, 'customer-timeline');
    await timeline.getByRole('row').filter({ hasText: matter }).getByRole('button', { name: /^Muokkaa kirjausta Yhteydenotto/ }).click();
    const form = page.getByTestId('entry-form');
    await form.getByLabel('Asia').fill(`${matter} (vahvistettu)`);
    await form.getByRole('button', { name: 'Tallenna' }).click();
    await timeline.getByRole('row').filter({ hasText: `${matter} (vahvistettu)` }).waitFor();
    const [stored] = (await tb.h.app.store.records.list('contactLogEntry')).filter((e) => e.matter.startsWith(matter));
    assert.deepEqual([stored!.version, stored!.nextContactTopic, stored!.recordedBy.name], [2, 'Sijoitusten vahvistus', salesManager.name]);
    assert.deepEqual(pageErrors, []);
  });

  it('withdrawing one\'s own entry takes it off the timeline; someone else gets no button for it', async () => {
    const other = (await tb.open(homeDirector.aadObjectId, { hash })).page;
    const theirRow = section(other, 'customer-timeline').getByRole('row').filter({ hasText: matter });
    await theirRow.waitFor();
    assert.equal(await theirRow.getByRole('button').count(), 0, 'not hers to edit or withdraw');

    const { page, pageErrors } = await tb.open(salesManager.aadObjectId, { hash });
    const timeline = section(page, 'customer-timeline');
    const row = timeline.getByRole('row').filter({ hasText: matter });
    await row.getByRole('button', { name: /^Peru kirjaus Yhteydenotto/ }).click();
    await page.getByTestId('withdraw-confirm').getByRole('button', { name: 'Kyllä, peru' }).click();
    await timeline.getByText('Peruttu: Yhteydenotto 23.11.2026.').waitFor();
    await row.waitFor({ state: 'detached' });
    assert.match(await timeline.innerText(), /Seuraavaa yhteydenottoa ei ole sovittu\./);
    assert.deepEqual(pageErrors, []);
  });
});
