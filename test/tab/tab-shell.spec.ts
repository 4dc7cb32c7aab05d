import assert from 'node:assert/strict';
import { salesManager } from '../support/teams-activities.js';
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
});
