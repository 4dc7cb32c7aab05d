import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { LOCAL_USER_HEADER } from '../../src/api/caller.js';
import { stableIdFor } from '../../src/domain/stable-id.js';
import { eventually } from '../support/bot-harness.js';
import { cardOf, textsOf } from '../support/cards.js';
import { homeDirector, installedInTeam, MYYNTI, salesManager } from '../support/teams-activities.js';
import { screenshot, seriousViolations, TabBrowser } from '../support/tab-browser.js';

/**
 * Käyttöaste / Occupancy in a browser, local mode (issue 13): the board shows what the API counts, a place's
 * status changed on the page goes through the bot's use case (the sales channel's card updates in place), a
 * refusal reads as a message, and the themes render without serious accessibility violations.
 */
describe('tab occupancy page (browser, local mode)', function () {
  this.timeout(90_000);
  let tb: TabBrowser;
  before(async () => {
    tb = await new TabBrowser().start();
    // The sales channel is bound when the app is installed in the team (as Teams does).
    await tb.h.post(installedInTeam(tb.h.connector.url, homeDirector));
  });
  after(async () => {
    await tb.stop();
  });

  const koivukoti = stableIdFor('home:Koivukoti');
  const api = async (path: string, as: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await fetch(`${tb.h.app.url}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: { [LOCAL_USER_HEADER]: as, 'accept-language': 'fi', ...(init.body ? { 'content-type': 'application/json' } : {}) },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    return (await response.json()) as any;
  };
  const percent = (rate: number | null) => (rate === null ? 'ei paikkoja' : new Intl.NumberFormat('fi-FI', { style: 'percent', maximumFractionDigits: 1 }).format(rate));
  const cellOf = (page: Page, home: string, column: string) => page.locator(`[data-testid="home-row"][data-home="${home}"] [data-column="${column}"]`);
  const placeRow = (page: Page, label: string) => page.locator(`[data-testid="place-row"][data-label="${label}"]`);
  const openPlaces = async (page: Page, home: string) => {
    await page.getByRole('button', { name: `Näytä paikat: ${home}` }).click();
    await page.getByRole('heading', { name: `${home}: paikat` }).waitFor();
    await page.getByTestId('places-table').waitFor();
  };

  it('shows every seeded home with the rates the API counts, the company and the regions, sortable by rate', async () => {
    const { page, pageErrors } = await tb.open(salesManager.aadObjectId, { hash: '#/occupancy' });
    await page.getByRole('heading', { level: 1, name: 'Käyttöaste' }).waitFor();
    // A company-wide role opens on the first region.
    await page.getByTestId('homes-grid').waitFor();
    assert.equal(await page.getByTestId('filter-region').inputValue(), 'etela-suomi');
    assert.deepEqual(await page.getByTestId('home-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-home'))), ['Koivukoti', 'Lehmuskoti', 'Merikoti']);

    await page.getByTestId('filter-region').selectOption('');
    const board = await api('/occupancy', salesManager.aadObjectId);
    assert.equal(board.homes.length, 9);
    await eventually(async () => (await page.getByTestId('home-row').count()) === 9);
    for (const home of board.homes) {
      assert.equal(await cellOf(page, home.name, 'rate').innerText(), percent(home.totals.rate), home.name);
      assert.equal(await cellOf(page, home.name, 'free').innerText(), String(home.totals.free), home.name);
      assert.equal(await cellOf(page, home.name, 'places').innerText(), String(home.totals.places), home.name);
    }
    assert.equal(await page.getByTestId('totals-company').getByTestId('rate').innerText(), percent(board.company.rate));
    for (const region of board.regions) assert.equal(await page.getByTestId(`totals-${region.region}`).getByTestId('rate').innerText(), percent(region.rate));
    assert.match(await page.getByTestId('homes-range').innerText(), /Kodit 1–9, yhteensä 9/);

    // Sorting by the rate is the server's, over every matching home.
    const byRate = await api('/occupancy?sort=rate&order=desc', salesManager.aadObjectId);
    await page.getByRole('columnheader', { name: 'Käyttöaste' }).click(); // ascending
    await page.getByRole('columnheader', { name: 'Käyttöaste' }).click(); // descending
    const expected = byRate.homes.map((h: any) => h.name);
    await eventually(async () => JSON.stringify(await page.getByTestId('home-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-home')))) === JSON.stringify(expected));
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'occupancy');

    // "Only homes with free places" and the text search narrow the homes.
    await page.getByTestId('filter-q').fill('koivu');
    await eventually(async () => (await page.getByTestId('home-row').count()) === 1);
    assert.equal(await page.getByTestId('home-row').getAttribute('data-home'), 'Koivukoti');
    await page.getByTestId('filter-q').fill('');
    await page.getByTestId('filter-only-free').check();
    const withFree = board.homes.filter((h: any) => h.totals.free > 0).length;
    await eventually(async () => (await page.getByTestId('home-row').count()) === withFree);
    assert.deepEqual(pageErrors, []);
  });

  it('a home director reserves a place of their home from the page: the sales channel\'s card of it updates in place (PUT)', async () => {
    // A freed place whose card is in the sales channel, as a home director records one with the bot.
    const places = (await api(`/places?careHomeId=${koivukoti}`, homeDirector.aadObjectId)).places as any[];
    const occupied = places.find((p) => p.effectiveStatus === 'kaytossa')!;
    const postedBefore = tb.h.connector.posted(MYYNTI.id).length;
    const freed = await api(`/places/${occupied.id}`, homeDirector.aadObjectId, { method: 'PATCH', body: { change: 'free', requestId: randomUUID(), version: occupied.version, freeFrom: '2026-11-20' } });
    assert.equal(freed.place.effectiveStatus, 'vapaa', JSON.stringify(freed));
    const card = await eventually(() => tb.h.connector.posted(MYYNTI.id).slice(postedBefore).find((c) => textsOf(cardOf(c)).join('\n').includes(occupied.label)));

    const { page, pageErrors } = await tb.open(homeDirector.aadObjectId, { hash: '#/occupancy' });
    await openPlaces(page, 'Koivukoti');
    const row = placeRow(page, occupied.label);
    assert.equal(await row.getByTestId('place-status').innerText(), 'vapaa');
    assert.match(await row.innerText(), /vapaana 3 päivää/);
    await row.getByTestId('action-reserve').click();
    await page.getByTestId('customer-picker').click();
    await page.getByTestId('customer-picker').pressSequentially('Länsi');
    await page.getByRole('option', { name: /Länsi-Uudenmaan/ }).click();
    await page.getByTestId('place-dialog-submit').click();
    await page.getByTestId('place-changed').waitFor();
    // The places are read again after the change: the row shows the reservation once they are.
    await row.getByTestId('place-status').filter({ hasText: 'alustavasti varattu' }).waitFor();
    assert.match(await row.innerText(), /Länsi-Uudenmaan hyvinvointialue \(varasi Kaisa Kotijohtaja/);

    const update = await eventually(() => tb.h.connector.updates(MYYNTI.id).find((u) => u.activityId === card.activityIdAssigned && /Länsi-Uudenmaan/.test(textsOf(cardOf(u)).join('\n'))));
    assert.match(textsOf(cardOf(update)).join('\n'), /Kaisa Kotijohtaja/);

    // Another home of the region: its places are shown, but a home director changes only their own home's.
    await openPlaces(page, 'Merikoti');
    assert.equal(await page.getByTestId('places-table').locator('button').count(), 0);
    await page.getByText('Voit katsoa tämän kodin paikkoja, mutta et muuttaa niiden tilaa.').waitFor();
    assert.deepEqual(pageErrors, []);
  });

  it('a refused change (a free-from date over a year back) reads as a message in the dialog, with the date kept', async () => {
    const { page, pageErrors } = await tb.open(homeDirector.aadObjectId, { hash: '#/occupancy' });
    await openPlaces(page, 'Koivukoti');
    const occupied = page.locator('[data-testid="place-row"]', { has: page.getByTestId('action-free') }).first();
    const label = await occupied.getAttribute('data-label');
    await occupied.getByTestId('action-free').click();
    await page.getByTestId('free-from').fill('2025-01-01');
    await page.getByTestId('place-dialog-submit').click();
    const error = page.getByTestId('place-dialog').getByTestId('api-error');
    await error.waitFor();
    assert.match(await error.innerText(), /Päivämäärä voi olla enintään vuoden takaa\./);
    assert.equal(await page.getByTestId('free-from').inputValue(), '2025-01-01');
    // Nothing changed.
    await page.getByRole('button', { name: 'Peru' }).click();
    assert.equal(await placeRow(page, label!).getByTestId('place-status').innerText(), 'käytössä');
    assert.deepEqual(pageErrors, []);
  });

  it('someone else changing the place first: the page says who and shows the place as it is now', async () => {
    const { page } = await tb.open(homeDirector.aadObjectId, { hash: '#/occupancy' });
    await openPlaces(page, 'Koivukoti');
    const place = ((await api(`/places?careHomeId=${koivukoti}`, salesManager.aadObjectId)).places as any[]).filter((p) => p.effectiveStatus === 'kaytossa').at(-1);
    const label = place.label as string;
    await placeRow(page, label).getByTestId('action-freeing').click();
    await page.getByTestId('free-from').fill('2026-12-15');
    // Meanwhile sales records the same place free.
    await api(`/places/${place.id}`, salesManager.aadObjectId, { method: 'PATCH', body: { change: 'free', requestId: randomUUID(), version: place.version, freeFrom: '2026-11-23' } });
    await page.getByTestId('place-dialog-submit').click();
    const warning = page.getByTestId('home-places').getByTestId('api-error');
    await warning.waitFor();
    assert.match(await warning.innerText(), /Mikko Myyntipäällikkö muutti paikkaa .* ensin/);
    await eventually(async () => (await placeRow(page, label).getByTestId('place-status').innerText()) === 'vapaa');
  });

  it('renders in the dark and high-contrast themes without serious accessibility violations', async () => {
    const { page, pageErrors } = await tb.open(homeDirector.aadObjectId, { hash: '#/occupancy', theme: 'dark' });
    await page.getByTestId('homes-grid').waitFor();
    await openPlaces(page, 'Koivukoti');
    const color = await page.locator('[data-theme]').evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.notEqual(color, 'rgb(255, 255, 255)');
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'occupancy-dark');
    await page.getByTestId('local-theme').selectOption('contrast');
    assert.equal(await page.locator('[data-theme]').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(0, 0, 0)');
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(pageErrors, []);
  });
});
