/**
 * `node --import tsx scripts/screenshot-playground.ts`: starts HoivaCRM and the Microsoft 365 Agents
 * Playground, records a freed place from the personal chat and saves the Myynti channel with the
 * card to docs/screenshot-playground.png (the README shows it). Needs Chromium (see test/e2e).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PlaygroundSession, isoDateInDays, projectRoot, runPlaceFreedFlow } from '../test/support/playground.js';

const output = join(projectRoot, 'docs', 'screenshot-playground.png');

async function main(): Promise<void> {
  const session = new PlaygroundSession();
  let failed = false;
  try {
    const ui = await session.start();
    const { salesCard } = await runPlaceFreedFlow(
      ui,
      {
        careHome: 'Koivukoti',
        serviceType: 'ymparivuorokautinen',
        customerGroup: 'ikaantyneet',
        label: 'A12',
        freeFrom: isoDateInDays(7),
        note: 'Huone vapautuu ensi viikolla',
      },
      (line) => console.log(`- ${line}`),
    );
    // The log panel is already closed (openPlaygroundPage); keep the card in view.
    await salesCard.scrollIntoViewIfNeeded();
    await ui.page.waitForTimeout(500);
    mkdirSync(join(projectRoot, 'docs'), { recursive: true });
    await ui.page.screenshot({ path: output });
    console.log(`saved ${output}`);
  } catch (error) {
    failed = true;
    console.error(error);
    console.error(session.logs());
  } finally {
    await session.stop();
  }
  process.exit(failed ? 1 : 0);
}

void main();
