import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { BotHarness } from './bot-harness.js';
import { launchBrowser, projectRoot } from './playground.js';

/** Where the browser tests leave their screenshots (a CI artifact; one of them is in the README). */
export const screenshotDir = join(projectRoot, 'test-results', 'tab');

/**
 * The tab in a real Chromium against the real server in local mode (BotHarness: a fresh SQLite file with the demo
 * data, the connector double standing in for Teams), as a person picked in the local-mode bar.
 */
export class TabBrowser {
  h = new BotHarness();
  browser!: Browser;

  async start(env: Record<string, string> = {}): Promise<this> {
    if (!existsSync(join(projectRoot, 'tab', 'dist', 'index.html'))) {
      throw new Error('tab/dist is missing: run `npm run build` first (npm test does it)');
    }
    await this.h.start(env);
    this.browser = await launchBrowser();
    mkdirSync(screenshotDir, { recursive: true });
    return this;
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.h.stop();
  }

  /**
   * A new page at the tab as `userId` (the local picker's choice, passed as ?user=), in a theme and language.
   * Any script error in the page fails the test that opened it (pageErrors).
   */
  async open(userId: string, options: { hash?: string; page?: string; theme?: 'default' | 'dark' | 'contrast'; lang?: string; width?: number } = {}): Promise<{ page: Page; pageErrors: string[] }> {
    const context = await this.browser.newContext({ viewport: { width: options.width ?? 1366, height: 900 }, locale: options.lang ?? 'fi-FI' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const query = new URLSearchParams({ user: userId, ...(options.theme ? { theme: options.theme } : {}), ...(options.lang ? { lang: options.lang } : {}), ...(options.page ? { page: options.page } : {}) });
    await page.goto(`${this.h.app.url}/tab/?${query.toString()}${options.hash ?? ''}`);
    return { page, pageErrors };
  }
}

/**
 * The axe-core scan's serious and critical violations (rule id and the first offending elements), for a readable
 * failure. One documented false positive is left out, as Microsoft's Accessibility Insights does
 * (microsoft/accessibility-insights-web#7598, PR #7605): Fluent UI's Tabster focus sentinels
 * (`<i data-tabster-dummy aria-hidden tabindex=0>`), which pass focus on the moment they get it.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !(v.id === 'aria-hidden-focus' && n.html.includes('data-tabster-dummy'))) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
