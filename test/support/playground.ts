/**
 * Drives the real Microsoft 365 Agents Playground (the local Teams stand-in) with Playwright against
 * the real HoivaCRM server. Used by test/e2e/playground.spec.ts and scripts/screenshot-playground.ts.
 *
 * What the Playground (0.2.x) does, learnt by trying it (see the selectors below):
 * - It reads `.m365agentsplayground.yml` from its working directory (the repo root): the team "Hoiva"
 *   with General (its conversation id is the team id) and Myynti.
 * - Opening the page sends the personal chat's installationUpdate + conversationUpdate; opening the
 *   first team channel in a page session sends installationUpdate + conversationUpdate
 *   (`channelData.eventType: "teamMemberAdded"`, the bot in `membersAdded`) in that channel. That is
 *   how the app learns the team; it then binds channels by name with TeamsInfo.getTeamChannels.
 * - Every activity carries `locale: "en-US"`, whatever the browser's language, so the bot's personal
 *   chat replies follow its English catalogue; channel cards use the server's DEFAULT_LOCALE.
 * - The conversation history lives in the page: a reload starts with empty chats.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { catalogs, t, type Locale } from '../../src/i18n/messages.js';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Names in `.m365agentsplayground.yml`. */
export const playgroundTeam = { name: 'Hoiva', salesChannel: 'Myynti', generalChannel: 'General', botName: 'HoivaCRM' };

// ---------------------------------------------------------------------------------------------
// Child processes
// ---------------------------------------------------------------------------------------------

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** The last lines the process printed (stdout and stderr), for failure reports. */
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Whatever happens to the test runner, no server is left behind. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
}

function launch(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ManagedProcess {
  installExitHook();
  const child = spawn(command, args, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.on('exit', () => running.delete(child));
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter((l) => l.trim() !== ''));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return {
    name,
    child,
    output: () => lines.join('\n'),
    stop: () => stopProcess(child),
  };
}

/** SIGINT (both servers exit cleanly on it), then SIGKILL if still running after `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Resolves with the first match of `pattern` in the process's output; rejects on exit or timeout. */
function waitForOutput(proc: ManagedProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolveMatch, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const match = buffer.match(pattern);
      if (match) finish(() => resolveMatch(match));
    };
    const onExit = (code: number | null, signal: string | null) =>
      finish(() => reject(new Error(`${proc.name} exited (code ${code}, signal ${signal}) before printing ${pattern}:\n${proc.output()}`)));
    const timer = setTimeout(
      () => finish(() => reject(new Error(`${proc.name} did not print ${pattern} within ${timeoutMs} ms:\n${proc.output()}`))),
      timeoutMs,
    );
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      proc.child.stdout?.off('data', onData);
      proc.child.stderr?.off('data', onData);
      proc.child.off('exit', onExit);
      settle();
    };
    proc.child.stdout?.on('data', onData);
    proc.child.stderr?.on('data', onData);
    proc.child.on('exit', onExit);
  });
}

export interface StartedApp {
  process: ManagedProcess;
  port: number;
  dataDir: string;
}

/** `node --import tsx src/main.ts` in local mode on a free port with a fresh data folder. */
export async function startHoivaApp(options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<StartedApp> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'hoivacrm-e2e-'));
  const proc = launch('HoivaCRM', process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    MODE: 'local',
    OUTBOX_POLL_MS: '250',
    ...options.env,
  });
  try {
    await waitForOutput(proc, /HoivaCRM listening/, options.timeoutMs ?? 30_000);
  } catch (error) {
    await proc.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return { process: proc, port, dataDir };
}

export interface StartedPlayground {
  process: ManagedProcess;
  port: number;
  url: string;
}

/**
 * `agentsplayground -e http://127.0.0.1:<botPort>/api/messages -c msteams -p <port>`, run from the repo
 * root so it reads `.m365agentsplayground.yml`. An invalid config file makes it exit with code 1
 * without a word; it prints `Listening on <port>` when ready (another port if the asked one is taken).
 */
export async function startPlayground(botPort: number, options: { timeoutMs?: number } = {}): Promise<StartedPlayground> {
  const bin = realpathSync(join(projectRoot, 'node_modules', '.bin', 'agentsplayground'));
  const proc = launch(
    'Agents Playground',
    process.execPath,
    [bin, '-e', `http://127.0.0.1:${botPort}/api/messages`, '-c', 'msteams', '-p', String(await freePort()), '--disable-telemetry'],
    { ...process.env, TZ: process.env.TZ ?? 'Europe/Helsinki' },
  );
  try {
    const match = await waitForOutput(proc, /Listening on (\d+)/, options.timeoutMs ?? 30_000);
    const port = Number(match[1]);
    return { process: proc, port, url: `http://127.0.0.1:${port}/` };
  } catch (error) {
    await proc.stop();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Browser
// ---------------------------------------------------------------------------------------------

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  return path;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
}

/** A page with a fixed size and an English browser locale (the Card date field parses `YYYY-MM-DD` typed into it). */
export async function openPlaygroundPage(browser: Browser, url: string): Promise<PlaygroundPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(url, { timeout: 30_000 });
  await page.getByRole('treeitem', { name: 'Personal Chat' }).waitFor({ timeout: 30_000 });
  // The log panel repeats every message's text: close it so text look-ups find the conversation only.
  if ((await page.getByText('Log Panel', { exact: true }).count()) > 0) {
    await page.getByRole('button', { name: 'Toggle Log Panel' }).click();
    await page.getByText('Log Panel', { exact: true }).waitFor({ state: 'detached' });
  }
  return new PlaygroundPage(page);
}

export async function screenshotOnFailure(page: Page | undefined, name: string): Promise<string | undefined> {
  if (!page || page.isClosed()) return undefined;
  const dir = join(projectRoot, 'test-results');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name.replace(/[^\w.-]+/g, '-').slice(0, 100)}.png`);
  await page.screenshot({ path, fullPage: true, timeout: 10_000 }).catch(() => undefined);
  return path;
}

// ---------------------------------------------------------------------------------------------
// The Playground's UI
// ---------------------------------------------------------------------------------------------

/**
 * The Playground's UI (Fluent UI 9, Adaptive Cards rendered with Fluent inputs). Card inputs have no
 * DOM id of their own, so they are found by role and the label text (their accessible name).
 */
export class PlaygroundPage {
  constructor(readonly page: Page) {}

  async openPersonalChat(): Promise<void> {
    await this.page.getByRole('treeitem', { name: 'Personal Chat' }).click();
  }

  /** Team channels are tree items named "<team> - <channel>", e.g. "Hoiva - Myynti". */
  async openChannel(channel: string, team = playgroundTeam.name): Promise<void> {
    await this.page.getByRole('treeitem', { name: `${team} - ${channel}`, exact: true }).click();
    await this.page.getByRole('button', { name: 'Post', exact: true }).waitFor();
  }

  /** The chat composer is a Lexical editor; Enter sends. */
  async sendChatMessage(text: string): Promise<void> {
    const editor = this.page.locator('[data-lexical-editor="true"]').last();
    await editor.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /**
   * A new post in the open channel. Teams gives a channel message to the bot only when it is
   * @mentioned: type "@" and the bot's name, pick it from the typeahead, then the text.
   */
  async postInChannel(text: string, options: { mentionBot?: boolean } = {}): Promise<void> {
    const editor = this.page.locator('[data-lexical-editor="true"]').first();
    await editor.click();
    if (options.mentionBot ?? true) {
      await this.page.keyboard.type(`@${playgroundTeam.botName.slice(0, 5)}`);
      await this.page.locator('#typeahead-menu').getByRole('menuitem', { name: playgroundTeam.botName }).click();
      await this.page.keyboard.type(' ');
    }
    await this.page.keyboard.type(text);
    await this.page.getByRole('button', { name: 'Post', exact: true }).click();
  }

  /** Every rendered Adaptive Card (chat messages and channel posts). */
  cards(): Locator {
    return this.page.locator('.ac-adaptiveCard');
  }

  /** The last card that has an action button with this title. */
  cardWithAction(title: string | RegExp): Locator {
    return this.cards().filter({ has: this.page.getByRole('button', { name: title }) }).last();
  }

  /** The last card containing all these texts. */
  cardWithText(...texts: (string | RegExp)[]): Locator {
    let cards = this.cards();
    for (const text of texts) cards = cards.filter({ hasText: text });
    return cards.last();
  }

  /** The last plain text message (or card) matching `text`. */
  textMessage(text: string | RegExp): Locator {
    return this.page.getByText(text).last();
  }
}

/** Input.ChoiceSet, compact style: a Fluent combobox; click it, then the option. */
export async function chooseOption(card: Locator, label: string | RegExp, option: string | RegExp): Promise<void> {
  const combobox = card.getByRole('combobox', { name: label }).first();
  await combobox.click();
  // The listbox is rendered in a portal outside the card.
  await card.page().getByRole('option', { name: option }).first().click();
}

/** Input.ChoiceSet, expanded style (radio buttons). */
export async function chooseRadio(card: Locator, option: string | RegExp): Promise<void> {
  await card.getByRole('radio', { name: option }).first().check();
}

/** Input.Text (single line or multiline). */
export async function fillText(card: Locator, label: string | RegExp, value: string): Promise<void> {
  await card.getByRole('textbox', { name: label }).first().fill(value);
}

/** Input.Date: a Fluent DatePicker (role combobox) that accepts typed text; Enter commits it. */
export async function fillDate(card: Locator, label: string | RegExp, isoDate: string): Promise<void> {
  const input = card.getByRole('combobox', { name: label }).first();
  await input.fill(isoDate);
  await input.press('Enter');
  await card.page().keyboard.press('Escape');
}

/** Input.Toggle: a checkbox named by its title. */
export async function setToggle(card: Locator, title: string | RegExp, on: boolean): Promise<void> {
  await card.getByRole('checkbox', { name: title }).first().setChecked(on);
}

/** Action.Submit: a button named by its title. */
export async function clickAction(card: Locator, title: string | RegExp): Promise<void> {
  await card.getByRole('button', { name: title }).first().click();
}

// ---------------------------------------------------------------------------------------------
// The "vapaa paikka" flow
// ---------------------------------------------------------------------------------------------

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A key's text in every locale, as one pattern (the bot answers in the activity's locale). */
export function anyLocale(key: keyof (typeof catalogs)['fi'], prefixOnly = false): RegExp {
  const texts = (Object.keys(catalogs) as Locale[]).map((locale) => {
    const text = catalogs[locale][key];
    return prefixOnly ? text.split('{')[0]!.trim() : text;
  });
  return new RegExp(texts.map(escape).join('|'));
}

function localeOfText(key: keyof (typeof catalogs)['fi'], text: string): Locale {
  const found = (Object.keys(catalogs) as Locale[]).find((locale) => text.includes(catalogs[locale][key].split('{')[0]!.trim()));
  if (!found) throw new Error(`"${text}" is not ${key} in any locale`);
  return found;
}

export interface PlaceFreedInput {
  careHome: string;
  serviceType: 'ymparivuorokautinen' | 'yhteisollinen' | 'lyhytaikainen';
  customerGroup: 'ikaantyneet' | 'mielenterveys';
  label: string;
  freeFrom: string;
  note?: string;
}

export interface PlaceFreedResult {
  /** The locale the bot answered the personal chat in. */
  locale: Locale;
  confirmation: string;
  salesCard: Locator;
}

/**
 * What a home director does: open the team's Myynti channel (the Playground then "installs" the app
 * in the team and the app binds Myynti as the sales channel), type "vapaa paikka" in the personal
 * chat, fill and save the form, and see the card in Myynti.
 */
export async function runPlaceFreedFlow(ui: PlaygroundPage, input: PlaceFreedInput, log: (line: string) => void = () => {}): Promise<PlaceFreedResult> {
  const { page } = ui;

  log('open the Myynti channel: the team install event binds it');
  await ui.openChannel(playgroundTeam.salesChannel);
  const installed = ui.textMessage(anyLocale('channel.installed', true));
  await installed.waitFor({ timeout: 20_000 });
  const installText = await installed.innerText();
  const installLocale = localeOfText('channel.installed', installText);
  const salesBinding = t(installLocale, 'channel.installedBinding', {
    channel: playgroundTeam.salesChannel,
    audience: t(installLocale, 'audience.sales'),
  });
  if (!installText.includes(salesBinding)) {
    throw new Error(`the app did not bind ${playgroundTeam.salesChannel} as the sales channel: "${installText}"`);
  }

  log('personal chat: "vapaa paikka"');
  await ui.openPersonalChat();
  await ui.sendChatMessage('vapaa paikka');
  const form = ui.cardWithAction(anyLocale('form.submit'));
  await form.waitFor({ timeout: 20_000 });
  const submitTitle = (await form.getByRole('button', { name: anyLocale('form.submit') }).first().getAttribute('title')) ?? '';
  const locale = localeOfText('form.submit', submitTitle);
  const label = (key: Parameters<typeof t>[1]) => t(locale, key);

  log(`fill the form (bot locale ${locale})`);
  await chooseOption(form, label('form.placeFreed.careHome'), new RegExp(`^${escape(input.careHome)}\\b`));
  await chooseOption(form, label('form.placeFreed.serviceType'), new RegExp(`^${escape(label(`serviceType.${input.serviceType}`))}$`));
  await chooseOption(form, label('form.placeFreed.customerGroup'), new RegExp(`^${escape(label(`customerGroup.${input.customerGroup}`))}$`));
  await fillText(form, label('form.placeFreed.label'), input.label);
  await fillDate(form, label('form.placeFreed.freeFrom'), input.freeFrom);
  if (input.note) await fillText(form, label('form.placeFreed.note'), input.note);

  log('save');
  await clickAction(form, submitTitle);
  const savedPrefix = t(locale, 'placeFreed.saved').split('{')[0]!.trim();
  const confirmation = page.getByText(new RegExp(`${escape(savedPrefix)}.*${escape(input.label)}`)).last();
  await confirmation.waitFor({ timeout: 20_000 });
  const confirmationText = await confirmation.innerText();

  log('the card in Myynti');
  await ui.openChannel(playgroundTeam.salesChannel);
  const titles = new RegExp(
    (Object.keys(catalogs) as Locale[])
      .flatMap((l) => [catalogs[l]['card.placeFreed.title.vapaa'], catalogs[l]['card.placeFreed.title.vapautuu']])
      .map(escape)
      .join('|'),
  );
  const salesCard = ui.cardWithText(input.label, titles);
  await salesCard.waitFor({ timeout: 30_000 });
  await salesCard.scrollIntoViewIfNeeded();
  return { locale, confirmation: confirmationText, salesCard };
}

/** A date `days` from today as YYYY-MM-DD (Helsinki calendar day). */
export function isoDateInDays(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** Everything the flow needs, started and stopped together. */
export class PlaygroundSession {
  app?: StartedApp;
  playground?: StartedPlayground;
  browser?: Browser;
  ui?: PlaygroundPage;

  async start(): Promise<PlaygroundPage> {
    chromiumPath();
    this.app = await startHoivaApp();
    this.playground = await startPlayground(this.app.port);
    this.browser = await launchBrowser();
    this.ui = await openPlaygroundPage(this.browser, this.playground.url);
    return this.ui;
  }

  /** The servers' last output, for a failure report. */
  logs(): string {
    return [this.app?.process, this.playground?.process]
      .filter((p): p is ManagedProcess => p !== undefined)
      .map((p) => `--- ${p.name} ---\n${p.output()}`)
      .join('\n');
  }

  async stop(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    await Promise.all([this.playground?.process.stop(), this.app?.process.stop()]);
    if (this.app) rmSync(this.app.dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Reserve on the place card (Action.Execute)
// ---------------------------------------------------------------------------------------------

export interface ReserveResult {
  customer: string;
  /** The card as the Playground shows it after the bot's invoke response replaced it. */
  card: Locator;
}

/**
 * "Varaa alustavasti" on the place card in Myynti: open the ShowCard, take the first customer offered, press
 * "Varaa". The button is an Action.Execute: the Playground sends an `adaptiveCard/action` invoke and puts the
 * card of the invoke response in the card's place (its InvokeManager); the outbox's update of the posted
 * card follows. Either shows the place reserved, which is what this waits for.
 */
export async function reservePlaceOnCard(ui: PlaygroundPage, card: Locator, locale: Locale, label: string): Promise<ReserveResult> {
  await clickAction(card, t(locale, 'reserve.action'));
  const combobox = card.getByRole('combobox', { name: t(locale, 'reserve.customer') }).first();
  await combobox.click();
  const option = ui.page.getByRole('option').first();
  const customer = (await option.innerText()).trim();
  await option.click();
  await card.getByRole('button', { name: t(locale, 'reserve.submit'), exact: true }).first().click();
  const answered = ui.cardWithText(label, t(locale, 'card.placeFreed.title.alustavasti-varattu'));
  await answered.waitFor({ timeout: 20_000 });
  return { customer, card: answered };
}
