import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { commandsOf } from '../../bot/flows/index.js';
import type { CommandSpec } from '../../bot/commands.js';
import {
  AppPackageError,
  MANIFEST_VERSION,
  MAX_COMMANDS_PER_LIST,
  MAX_DESCRIPTION,
  MAX_TITLE,
  appPackageDir,
  commandDescription,
  commandsByScope,
  iconProblems,
  packageApp,
  readPackageSettings,
  readPng,
  runPackageCli,
  validateAppPackage,
  type AppPackageFiles,
} from '../../scripts/package-app.js';
import { encodePng } from './png-writer.js';

const appId = '6f1c2a4e-8b3d-4c5e-9f7a-1b2c3d4e5f60';
const env = { MICROSOFT_APP_ID: appId, PUBLIC_HOSTNAME: 'hoivacrm.contoso.fi', APP_VERSION: '1.4.0' };

interface ManifestShape {
  manifestVersion: string;
  version: string;
  id: string;
  bots: { botId: string; scopes: string[]; supportsFiles: boolean; commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] }[];
  staticTabs: { entityId: string; contentUrl?: string; scopes: string[] }[];
  configurableTabs: { configurationUrl: string; scopes: string[] }[];
  webApplicationInfo: { id: string; resource: string; nestedAppAuthInfo: { redirectUri: string; scopes: string[] }[] };
  validDomains: string[];
  localizationInfo: { defaultLanguageTag: string; additionalLanguages: { languageTag: string; file: string }[] };
  permissions?: unknown;
}

describe('npm run package (the Teams app package)', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hoivacrm-apppkg-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** appPackage/ copied to a scratch folder, so a test can spoil a file without touching the real one. */
  function copyOfAppPackage(): string {
    for (const f of ['manifest.template.json', 'en-us.json', 'color.png', 'outline.png']) copyFileSync(join(appPackageDir, f), join(dir, f));
    return dir;
  }

  it('writes a zip holding manifest.json, color.png, outline.png and en-us.json at its root, and its manifest passes the bundled schema', async () => {
    const out = join(dir, 'hoivacrm.zip');
    const { zipPath } = await packageApp({ env, out });
    assert.equal(zipPath, out);
    const files = unzipSync(readFileSync(out));
    assert.deepEqual(Object.keys(files).sort(), ['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as ManifestShape & Record<string, unknown>;
    const localization = JSON.parse(strFromU8(files['en-us.json']!)) as Record<string, unknown>;
    assert.deepEqual(await validateAppPackage({ manifest, localization }), []);
    assert.deepEqual(files['color.png'], new Uint8Array(readFileSync(join(appPackageDir, 'color.png'))));
    assert.deepEqual(iconProblems('outline', files['outline.png']!), []);

    assert.equal(manifest.manifestVersion, MANIFEST_VERSION);
    assert.equal(manifest.version, '1.4.0');
    assert.equal(manifest.id, appId);
    assert.equal(manifest.permissions, undefined, 'the deprecated permissions are gone');
    assert.equal(JSON.stringify(manifest).includes('${'), false, 'every placeholder is filled');
    const [bot] = manifest.bots;
    assert.equal(bot?.botId, appId);
    assert.deepEqual(bot?.scopes, ['personal', 'team', 'groupChat']);
    assert.equal(bot?.supportsFiles, false);
    const tab = manifest.staticTabs.find((t) => t.entityId === 'hoivacrm');
    assert.equal(tab?.contentUrl, 'https://hoivacrm.contoso.fi/tab/');
    assert.deepEqual(tab?.scopes, ['personal']);
    assert.equal(manifest.configurableTabs[0]?.configurationUrl, 'https://hoivacrm.contoso.fi/tab/config.html');
    assert.deepEqual(manifest.configurableTabs[0]?.scopes, ['team', 'groupChat']);
    assert.equal(manifest.webApplicationInfo.id, appId);
    assert.equal(manifest.webApplicationInfo.resource, `api://hoivacrm.contoso.fi/${appId}`);
    assert.deepEqual(manifest.webApplicationInfo.nestedAppAuthInfo, [
      { redirectUri: 'brk-multihub://hoivacrm.contoso.fi', scopes: [`api://hoivacrm.contoso.fi/${appId}/access_as_user`] },
    ]);
    assert.deepEqual(manifest.validDomains, ['hoivacrm.contoso.fi']);
    assert.equal(manifest.localizationInfo.defaultLanguageTag, 'fi-fi');
    assert.deepEqual(manifest.localizationInfo.additionalLanguages, [{ languageTag: 'en-us', file: 'en-us.json' }]);
  });

  it('lists every bot command in commandLists, Finnish in the manifest and English in en-us.json, within Teams’ limits', async () => {
    const { files } = await packageApp({ env, out: join(dir, 'p.zip') });
    const manifest = files.manifest as unknown as ManifestShape;
    const lists = manifest.bots[0]!.commandLists;
    assert.deepEqual(lists.map((l) => l.scopes), [['personal'], ['team'], ['groupChat']]);
    const titles = new Set(lists.flatMap((l) => l.commands.map((c) => c.title)));
    const english = new Set(Object.entries(files.localization).filter(([k]) => k.endsWith('.title')).map(([, v]) => v));
    for (const c of commandsOf()) {
      assert.ok(titles.has(c.fi), `${c.fi} is in no commandList`);
      assert.ok(english.has(c.en), `${c.en} is in no commandList of en-us.json`);
    }
    lists.forEach((list, i) => {
      assert.ok(list.commands.length <= MAX_COMMANDS_PER_LIST, `${list.scopes[0]} lists ${list.commands.length}`);
      list.commands.forEach((c, j) => {
        assert.ok(c.title.length <= MAX_TITLE && c.description.length <= MAX_DESCRIPTION, c.title);
        assert.ok(c.description.length > 0, c.title);
        assert.equal(typeof files.localization[`bots[0].commandLists[${i}].commands[${j}].title`], 'string');
        const en = files.localization[`bots[0].commandLists[${i}].commands[${j}].description`] as string;
        assert.ok(en.length > 0 && en.length <= MAX_DESCRIPTION, en);
      });
    });
    // Binding a channel only works in one: not offered in a personal or group chat.
    for (const list of [lists[0]!, lists[2]!]) assert.equal(list.commands.some((c) => c.title.startsWith('kanava')), false);
    assert.ok(lists[1]!.commands.some((c) => c.title === 'kanava myynti'));
    // `ohje` leads the personal menu.
    assert.equal(lists[0]!.commands[0]?.title, 'ohje');
  });

  it('refuses a command set that fits in no scope’s ten, naming the commands, rather than dropping one', () => {
    const extra: CommandSpec[] = Array.from({ length: 12 }, (_, i) => ({ id: `extra${i}`, fi: `lisä ${i}`, en: `extra ${i}`, help: 'help.cmd.help' }));
    assert.throws(
      () => commandsByScope([...commandsOf(), ...extra]),
      (e: unknown) => e instanceof AppPackageError && e.subject === 'commandLists' && /extra\d/.test(e.message),
    );
  });

  it('cuts a long help text at a clause, not mid-word, and drops the Markdown', () => {
    const long = `kutsu \`kokous\` ${'pitkä sana '.repeat(10)}– ${'lisää '.repeat(20)}`;
    const cut = commandDescription(long);
    assert.ok(cut.length <= MAX_DESCRIPTION);
    assert.equal(cut, `Kutsu kokous ${'pitkä sana '.repeat(10).trim()}`);
    assert.ok(commandDescription('x'.repeat(200)).length <= MAX_DESCRIPTION);
  });

  for (const [name, value, pattern] of [
    ['MICROSOFT_APP_ID', 'not-a-guid', /^MICROSOFT_APP_ID: .*GUID/],
    ['MICROSOFT_APP_ID', undefined, /^MICROSOFT_APP_ID: is missing/],
    ['PUBLIC_HOSTNAME', 'https://hoivacrm.contoso.fi/', /^PUBLIC_HOSTNAME: must be a host name/],
    ['PUBLIC_HOSTNAME', 'hoivacrm.contoso.fi:8443', /^PUBLIC_HOSTNAME: must be a host name/],
    ['PUBLIC_HOSTNAME', '', /^PUBLIC_HOSTNAME: is missing/],
    ['APP_VERSION', '1.4', /^APP_VERSION: must be a version x\.y\.z/],
  ] as const) {
    it(`fails naming ${name} when it is ${value === undefined ? 'unset' : `"${value}"`}`, async () => {
      const bad: NodeJS.ProcessEnv = { ...env, [name]: value };
      if (value === undefined) delete bad[name];
      assert.throws(() => readPackageSettings(bad), (e: unknown) => e instanceof AppPackageError && e.subject === name && pattern.test(e.message));
      const lines: string[] = [];
      const code = await runPackageCli([], bad, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
      assert.equal(code, 1);
      assert.match(lines.join('\n'), pattern);
    });
  }

  it('defaults APP_VERSION to the package.json version', () => {
    const { version } = JSON.parse(readFileSync(join(appPackageDir, '..', 'package.json'), 'utf8')) as { version: string };
    assert.equal(readPackageSettings({ MICROSOFT_APP_ID: appId, PUBLIC_HOSTNAME: 'hoivacrm.contoso.fi' }).APP_VERSION, version);
  });

  it('as a command, exits non-zero and names the setting on stderr', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(appPackageDir, '..', 'scripts', 'package-app.ts')], {
      env: { ...process.env, MICROSOFT_APP_ID: appId, PUBLIC_HOSTNAME: 'http://hoivacrm.contoso.fi' },
      encoding: 'utf8',
    });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /PUBLIC_HOSTNAME: must be a host name/);
  });

  it('refuses a manifest the schema refuses, with the failing path', async () => {
    const copy = copyOfAppPackage();
    const template = JSON.parse(readFileSync(join(copy, 'manifest.template.json'), 'utf8')) as Record<string, unknown>;
    template.accentColor = 'green';
    template.permissions = ['identity'];
    writeFileSync(join(copy, 'manifest.template.json'), JSON.stringify(template));
    await assert.rejects(
      packageApp({ env, dir: copy, out: join(dir, 'x.zip') }),
      (e: unknown) => e instanceof AppPackageError && e.subject === 'schema' && /accentColor/.test(e.message),
    );
  });

  it('validates en-us.json too (a too long localized name)', async () => {
    const files: AppPackageFiles = (await packageApp({ env, out: join(dir, 'p.zip') })).files;
    const failures = await validateAppPackage({ ...files, localization: { ...files.localization, 'name.short': 'x'.repeat(31) } });
    assert.ok(failures.some((f) => f.startsWith('en-us.json') && f.includes('name.short')), failures.join('\n'));
  });

  describe('icons', () => {
    const white = () => [255, 255, 255, 255];
    const transparent = () => [0, 0, 0, 0];
    const ring = (x: number, y: number) => (x === 4 || y === 4 || x === 27 || y === 27 ? white() : transparent());

    it('the icons in appPackage/ pass: colour 192×192, outline 32×32 white on transparent', () => {
      const color = readPng(readFileSync(join(appPackageDir, 'color.png')));
      assert.deepEqual([color.width, color.height], [192, 192]);
      assert.deepEqual(iconProblems('color', readFileSync(join(appPackageDir, 'color.png'))), []);
      assert.deepEqual(iconProblems('outline', readFileSync(join(appPackageDir, 'outline.png'))), []);
    });

    it('refuses a wrong size', () => {
      assert.match(iconProblems('color', encodePng(96, 96, white)).join(), /is 96×96, Teams wants 192×192/);
      assert.match(iconProblems('outline', encodePng(32, 31, ring)).join(), /is 32×31, Teams wants 32×32/);
      assert.deepEqual(iconProblems('color', encodePng(192, 192, () => [46, 125, 107], 2)), []);
      assert.deepEqual(iconProblems('outline', encodePng(32, 32, ring)), []);
    });

    it('refuses an outline with colour, without transparency, or empty', () => {
      assert.match(iconProblems('outline', encodePng(32, 32, (x, y) => (x === 0 && y === 0 ? [46, 125, 107, 255] : ring(x, y)))).join(), /1 pixels that are neither white nor transparent/);
      assert.match(iconProblems('outline', encodePng(32, 32, () => [255, 255, 255], 2)).join(), /no transparency/);
      assert.match(iconProblems('outline', encodePng(32, 32, transparent)).join(), /is empty/);
    });

    it('refuses a file that is no PNG or is damaged', () => {
      assert.match(iconProblems('color', Buffer.from('GIF89a')).join(), /not a PNG/);
      const png = encodePng(32, 32, ring);
      png[40] = png[40]! ^ 0xff;
      assert.match(iconProblems('outline', png).join(), /damaged|cut short|IHDR/);
    });

    it('stops npm run package naming the icon that is wrong', async () => {
      const copy = copyOfAppPackage();
      writeFileSync(join(copy, 'outline.png'), encodePng(64, 64, white));
      await assert.rejects(
        packageApp({ env, dir: copy, out: join(dir, 'x.zip') }),
        (e: unknown) => e instanceof AppPackageError && e.subject === 'appPackage/outline.png' && /64×64/.test(e.message),
      );
    });
  });
});
