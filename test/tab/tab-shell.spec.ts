import assert from 'node:assert/strict';
import { homeDirector, salesManager } from '../support/teams-activities.js';
import { screenshot, seriousViolations, TabBrowser } from '../support/tab-browser.js';

/** The tab's frame in a browser, local mode: who is signed in, the navigation, the themes, the language. */
describe('tab shell (browser, local mode)', function () {
  this.timeout(60_000);
  let tb: TabBrowser;
  before(async () => {
    tb = await new TabBrowser().start();
  });
  after(async () => {
    await tb.stop();
  });

  it('shows the local-mode bar with the chosen person, and the four views in Finnish', async () => {
    const { page, pageErrors } = await tb.open(salesManager.aadObjectId);
    await page.getByText('Kirjautuneena: ').waitFor();
    assert.match(await page.getByTestId('local-mode').innerText(), /Paikallinen tila \/ local mode/);
    assert.deepEqual(await page.getByRole('tab').allInnerTexts(), ['Käyttöaste', 'Asiakkaat', 'Reklamaatiot', 'Luvut']);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fi');
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'shell');
    assert.deepEqual(pageErrors, []);
  });

  it('speaks English for an English locale and renders the dark and high-contrast themes', async () => {
    const { page } = await tb.open(salesManager.aadObjectId, { lang: 'en-US', theme: 'dark' });
    await page.getByText('Signed in as ').waitFor();
    assert.deepEqual(await page.getByRole('tab').allInnerTexts(), ['Occupancy', 'Customers', 'Complaints', 'Figures']);
    const background = await page.locator('[data-theme]').evaluate((el) => ({ theme: el.getAttribute('data-theme'), color: getComputedStyle(el).backgroundColor }));
    assert.equal(background.theme, 'dark');
    assert.notEqual(background.color, 'rgb(255, 255, 255)');
    await page.getByTestId('local-theme').selectOption('contrast');
    const contrast = await page.locator('[data-theme]').evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(contrast, 'rgb(0, 0, 0)');
    assert.deepEqual(await seriousViolations(page), []);
  });

  it('the channel tab configuration page offers the four views (saved as the entityId of the tab in Teams)', async () => {
    const context = await tb.browser.newContext({ locale: 'fi-FI' });
    const page = await context.newPage();
    await page.goto(`${tb.h.app.url}/tab/config.html`);
    await page.getByRole('heading', { name: 'HoivaCRM-välilehti' }).waitFor();
    assert.deepEqual(await page.getByTestId('config-page').locator('option').allInnerTexts(), ['Käyttöaste', 'Asiakkaat', 'Reklamaatiot', 'Luvut']);
    assert.deepEqual(await seriousViolations(page), []);
    await context.close();
  });

  it('a channel tab configured for a view opens on it (?page= from the saved content URL)', async () => {
    const { page } = await tb.open(salesManager.aadObjectId, { page: 'complaints' });
    await page.getByText('Kirjautuneena: ').waitFor();
    assert.equal(await page.getByRole('tab', { selected: true }).innerText(), 'Reklamaatiot');
  });

  it('choosing another person in the local-mode bar signs in as them (the API answers as that person)', async () => {
    const { page } = await tb.open(salesManager.aadObjectId);
    await page.getByText('Kirjautuneena: Mikko').waitFor();
    await page.getByTestId('local-user').selectOption(homeDirector.aadObjectId);
    await page.getByText(`Kirjautuneena: ${homeDirector.name}`).waitFor();
    // The choice is remembered for the next visit without ?user=.
    await page.goto(`${tb.h.app.url}/tab/`);
    await page.getByText(`Kirjautuneena: ${homeDirector.name}`).waitFor();
    assert.equal(await page.getByTestId('local-user').inputValue(), homeDirector.aadObjectId);
  });
});
