/**
 * `npm run package`: the Teams app package. Fills appPackage/manifest.template.json and appPackage/en-us.json
 * from the settings (MICROSOFT_APP_ID, PUBLIC_HOSTNAME, optional APP_VERSION; environment first, then .env),
 * adds the bot's commands from the flows' CommandSpecs (bot/flows), validates both files offline against the
 * JSON schemas bundled in @microsoft/app-manifest, checks the two icons and writes appPackage/build/hoivacrm.zip
 * with manifest.json, color.png, outline.png and en-us.json at its root — the file to upload to Teams.
 * Exit code 0 when the zip is written, 1 when a setting, the schema or an icon is wrong (the message names it),
 * 2 for a wrong option.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inflateSync, crc32 } from 'node:zlib';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { strToU8, zipSync } from 'fflate';
import { z } from 'zod';
import { commandsOf } from '../bot/flows/index.js';
import type { CommandSpec } from '../bot/commands.js';
import { loadDotEnv } from '../src/env-file.js';
import { t, type MessageKey } from '../src/i18n/messages.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const appPackageDir = join(projectRoot, 'appPackage');

/**
 * The newest manifest version @microsoft/app-manifest bundles a schema for (devPreview aside: it is not for
 * production tenants). Raise it together with the template's `manifestVersion` and `$schema`.
 */
export const MANIFEST_VERSION = '1.30';

/** A wrong setting, schema failure or icon: `subject` is what to fix (a setting's name, a file). */
export class AppPackageError extends Error {
  constructor(
    readonly subject: string,
    message: string,
  ) {
    super(`${subject}: ${message}`);
    this.name = 'AppPackageError';
  }
}

// --- Settings ---------------------------------------------------------------------------------------------

/**
 * One DNS name: the tab, the bot's domain and the API's resource URI are all https://{PUBLIC_HOSTNAME}/…, so a
 * scheme, a port or a path here would make every one of them wrong.
 */
const hostname = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;

export const packageSettingsSchema = z.object({
  MICROSOFT_APP_ID: z.guid({ message: "must be the bot registration's app (client) id, a GUID" }),
  PUBLIC_HOSTNAME: z
    .string({ message: 'is missing: the public host name the server answers at, e.g. hoivacrm.contoso.fi' })
    .trim()
    .regex(hostname, { message: 'must be a host name such as hoivacrm.contoso.fi, without https://, a port or a path' }),
  /** Teams accepts only x.y.z; raise it for every upload of a changed package, or Teams keeps the old one. */
  APP_VERSION: z
    .string()
    .trim()
    .regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/, { message: 'must be a version x.y.z, e.g. 1.4.0' })
    .optional(),
});
export type PackageSettings = Required<z.infer<typeof packageSettingsSchema>>;

/** The settings from the environment; an empty variable counts as unset, the first wrong one is named. */
export function readPackageSettings(env: NodeJS.ProcessEnv, defaultVersion = packageVersion()): PackageSettings {
  const given = Object.fromEntries(
    Object.keys(packageSettingsSchema.shape).flatMap((k) => (env[k]?.trim() ? [[k, env[k]]] : [])),
  );
  const parsed = packageSettingsSchema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'settings');
    throw new AppPackageError(name, given[name] === undefined ? `is missing (${issue.message})` : issue.message);
  }
  return { ...parsed.data, APP_VERSION: parsed.data.APP_VERSION ?? defaultVersion };
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Replaces `${NAME}` in every string of the parsed template (never in the JSON text: a value cannot break it). */
export function fillTemplate<T>(template: T, settings: Readonly<Record<string, string>>): T {
  const fill = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.replace(/\$\{([A-Z0-9_]+)\}/g, (_, name: string) => {
        const v = settings[name];
        if (v === undefined) throw new AppPackageError('appPackage/manifest.template.json', `\${${name}} is no setting of npm run package`);
        return v;
      });
    }
    if (Array.isArray(value)) return value.map(fill);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
    return value;
  };
  return fill(template) as T;
}

// --- Bot commands -----------------------------------------------------------------------------------------

export type BotScope = 'personal' | 'team' | 'groupChat';
export const botScopes: readonly BotScope[] = ['personal', 'team', 'groupChat'];

/**
 * Teams shows at most 10 commands per scope in the compose box's menu (the 1.30 schema allows 12, the menu and
 * older clients show 10), and the bot has more (16 with `ohje`). So each scope lists the most used there, in
 * this order; the rest are still typed and listed by `ohje`. A command ranked nowhere (a flow added later)
 * comes after these, and if that leaves it in no list at all, `npm run package` stops and says so — rank it here.
 */
export const MAX_COMMANDS_PER_LIST = 10;
const mostUsed: Readonly<Record<BotScope, readonly string[]>> = {
  // Home directors and sales record in their own chat with the bot: places first, then the day's entries.
  personal: ['help', 'freePlace', 'places', 'log', 'visit', 'complaint', 'customer', 'mine', 'note', 'homeEvent', 'meeting', 'plan', 'history', 'status'],
  // In a channel: binding the channel (only there), then what a channel looks at together, and the admins' `tila`.
  team: ['channelSales', 'channelManagement', 'help', 'places', 'customer', 'meeting', 'plan', 'history', 'status', 'freePlace', 'complaint', 'log'],
  groupChat: ['help', 'freePlace', 'places', 'log', 'visit', 'complaint', 'customer', 'mine', 'note', 'homeEvent', 'meeting', 'plan', 'history', 'status'],
};
/** `kanava myynti` / `kanava johto` bind the channel they are typed in: offered only in a team. */
const teamOnly = new Set(['channelSales', 'channelManagement']);

/** Teams' limits for a bot command in the menu (title 32, description 128 characters). */
export const MAX_TITLE = 32;
export const MAX_DESCRIPTION = 128;

export interface ManifestCommand {
  title: string;
  description: string;
}

export interface CommandLists {
  /** The manifest's commandLists, in Finnish (the default language). */
  lists: { scopes: [BotScope]; commands: ManifestCommand[] }[];
  /** The en-us.json keys of the same commands in English. */
  english: Record<string, string>;
}

/** The commands each scope offers, most used first, at most MAX_COMMANDS_PER_LIST. */
export function commandsByScope(commands: readonly CommandSpec[]): Record<BotScope, CommandSpec[]> {
  const rankOf = (scope: BotScope, c: CommandSpec) => {
    const i = mostUsed[scope].indexOf(c.id);
    return i < 0 ? mostUsed[scope].length + commands.indexOf(c) : i;
  };
  const chosen = Object.fromEntries(
    botScopes.map((scope) => [
      scope,
      commands
        .filter((c) => scope === 'team' || !teamOnly.has(c.id))
        .sort((a, b) => rankOf(scope, a) - rankOf(scope, b))
        .slice(0, MAX_COMMANDS_PER_LIST),
    ]),
  ) as Record<BotScope, CommandSpec[]>;
  const listed = new Set(botScopes.flatMap((s) => chosen[s].map((c) => c.id)));
  const missing = commands.filter((c) => !listed.has(c.id)).map((c) => c.id);
  if (missing.length) {
    throw new AppPackageError('commandLists', `${missing.join(', ')} fit in no scope's ${MAX_COMMANDS_PER_LIST}: rank them in mostUsed (scripts/package-app.ts)`);
  }
  return chosen;
}

export function commandLists(commands: readonly CommandSpec[] = commandsOf()): CommandLists {
  const byScope = commandsByScope(commands);
  const lists = botScopes.map((scope) => ({
    scopes: [scope] as [BotScope],
    commands: byScope[scope].map((c) => ({ title: commandTitle(c.fi), description: commandDescription(t('fi', c.help as MessageKey)) })),
  }));
  const english: Record<string, string> = {};
  botScopes.forEach((scope, i) =>
    byScope[scope].forEach((c, j) => {
      english[`bots[0].commandLists[${i}].commands[${j}].title`] = commandTitle(c.en);
      english[`bots[0].commandLists[${i}].commands[${j}].description`] = commandDescription(t('en', c.help as MessageKey));
    }),
  );
  return { lists, english };
}

/** The title is what Teams puts in the compose box when the command is picked: the typed word itself. */
function commandTitle(word: string): string {
  if (word.length > MAX_TITLE) throw new AppPackageError('commandLists', `the command "${word}" is longer than ${MAX_TITLE} characters`);
  return word;
}

/**
 * The help card's text as plain text (the menu shows no Markdown), capitalised, cut to Teams' 128 characters at the last
 * clause that fits (" – ", "; ", " (") rather than mid-word, with an ellipsis only when no clause fits.
 */
export function commandDescription(help: string): string {
  const text = help.replaceAll('`', '').replace(/\s+/g, ' ').trim();
  // The help card's texts follow a command on the same line and start small; in the menu they stand alone.
  const plain = text.charAt(0).toLocaleUpperCase() + text.slice(1);
  if (plain.length <= MAX_DESCRIPTION) return plain;
  const head = plain.slice(0, MAX_DESCRIPTION + 1);
  const clause = Math.max(head.lastIndexOf(' – '), head.lastIndexOf('; '), head.lastIndexOf(' ('));
  if (clause > 0) return plain.slice(0, clause);
  const word = head.lastIndexOf(' ', MAX_DESCRIPTION - 1);
  return `${plain.slice(0, word > 0 ? word : MAX_DESCRIPTION - 1)}…`;
}

// --- The manifest -----------------------------------------------------------------------------------------

type Json = Record<string, unknown>;

export interface AppPackageFiles {
  manifest: Json;
  localization: Json;
}

/** manifest.json and en-us.json: the templates filled from the settings, with the bot's command lists. */
export function buildManifest(settings: PackageSettings, commands: readonly CommandSpec[] = commandsOf(), dir = appPackageDir): AppPackageFiles {
  const readJson = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Json;
  const manifest = fillTemplate(readJson('manifest.template.json'), settings);
  const localization = fillTemplate(readJson('en-us.json'), settings);
  const { lists, english } = commandLists(commands);
  const bots = manifest.bots as Json[];
  if (!bots?.[0]) throw new AppPackageError('appPackage/manifest.template.json', 'has no bot');
  bots[0] = { ...bots[0], commandLists: lists };
  return { manifest, localization: { ...localization, ...english } };
}

const schemaDir = join(dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest')), 'json-schemas', 'teams', `v${MANIFEST_VERSION}`);

/** The bundled schema, read from disk: validation never fetches anything (the library would, for an unknown URL). */
function bundledSchema(file: 'MicrosoftTeams.schema.json' | 'MicrosoftTeams.Localization.schema.json'): Json {
  // The library reads these files the same way: Microsoft's schemas hold \a and \v escapes JSON does not know.
  const raw = readFileSync(join(schemaDir, file), 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return JSON.parse(raw) as Json;
}

/** Schema failures of both files, as "manifest.json /path message" lines; empty when both are valid. */
export async function validateAppPackage(files: AppPackageFiles): Promise<string[]> {
  if (files.manifest.manifestVersion !== MANIFEST_VERSION) {
    return [`manifest.json manifestVersion is ${String(files.manifest.manifestVersion)}, npm run package validates ${MANIFEST_VERSION}`];
  }
  // The library's types name one manifest type per version; the schema decides here, so the casts are harmless.
  const validate = AppManifestUtils.validateAgainstSchema as unknown as (m: Json, s: Json) => Promise<string[]>;
  const manifest = await validate(files.manifest, bundledSchema('MicrosoftTeams.schema.json'));
  const localization = validateLocalization(files.localization);
  return [...manifest.map((e) => `manifest.json ${e}`), ...localization.map((e) => `en-us.json ${e}`)];
}

/**
 * The localization schema's key patterns (`activities.activityTypes\[\b…\b]`) are no valid Unicode regular
 * expressions, and the library compiles with Ajv's default `u` flag, so its validateAgainstSchema throws on
 * them. The same Ajv (draft-04, the library's own dependency) without the flag reads them as Teams means them.
 */
function validateLocalization(localization: Json): string[] {
  const fromLibrary = createRequire(createRequire(import.meta.url).resolve('@microsoft/app-manifest'));
  const Ajv = (fromLibrary('ajv-draft-04') as { default: new (o: object) => AjvLike }).default;
  const addFormats = (fromLibrary('ajv-formats') as { default: (ajv: AjvLike, formats: string[]) => void }).default;
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(bundledSchema('MicrosoftTeams.Localization.schema.json'));
  if (validate(localization)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}. Details: ${JSON.stringify(e.params)}`);
}

interface AjvLike {
  compile(schema: object): { (data: unknown): boolean; errors?: { instancePath: string; message?: string; params: unknown }[] | null };
}

// --- Icons ------------------------------------------------------------------------------------------------

export interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  /** Whether the image can be transparent at all (an alpha channel or a tRNS chunk). */
  hasAlpha: boolean;
  /** RGBA, 4 bytes a pixel, row by row. */
  rgba: Uint8Array;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A small PNG reader, enough to check an icon: 8-bit greyscale, RGB, palette, grey+alpha and RGBA, not
 * interlaced (what every image editor writes for an icon). Anything else is refused with a reason.
 */
export function readPng(data: Uint8Array): Png {
  const buf = Buffer.from(data);
  if (buf.length < 8 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('is not a PNG file');
  let pos = 8;
  let ihdr: Buffer | undefined;
  let palette: Buffer | undefined;
  let trns: Buffer | undefined;
  const idat: Buffer[] = [];
  while (pos + 12 <= buf.length) {
    const length = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    if (pos + 12 + length > buf.length) throw new Error(`its ${type} chunk is cut short`);
    const body = buf.subarray(pos + 8, pos + 8 + length);
    if (crc32(buf.subarray(pos + 4, pos + 8 + length)) !== buf.readUInt32BE(pos + 8 + length)) throw new Error(`its ${type} chunk is damaged (CRC)`);
    if (type === 'IHDR') ihdr = body;
    else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') trns = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    pos += 12 + length;
  }
  if (!ihdr || ihdr.length !== 13) throw new Error('has no IHDR header');
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const bitDepth = ihdr[8]!;
  const colorType = ihdr[9]!;
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[colorType];
  if (channels === undefined) throw new Error(`has an unknown colour type ${colorType}`);
  if (bitDepth !== 8) throw new Error(`has ${bitDepth}-bit channels; save it with 8 bits per channel`);
  if (ihdr[12] !== 0) throw new Error('is interlaced; save it without interlacing');
  if (colorType === 3 && !palette) throw new Error('has a palette colour type but no palette');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new Error('has less image data than its size says');
  const pixels = unfilter(raw, width, height, channels);
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const p = pixels.subarray(i * channels, i * channels + channels);
    const [r, g, b, a] =
      colorType === 0 ? [p[0]!, p[0]!, p[0]!, trns && trns.readUInt16BE(0) === p[0] ? 0 : 255]
      : colorType === 2 ? [p[0]!, p[1]!, p[2]!, trns && trns.readUInt16BE(0) === p[0] && trns.readUInt16BE(2) === p[1] && trns.readUInt16BE(4) === p[2] ? 0 : 255]
      : colorType === 3 ? [palette![p[0]! * 3] ?? 0, palette![p[0]! * 3 + 1] ?? 0, palette![p[0]! * 3 + 2] ?? 0, trns?.[p[0]!] ?? 255]
      : colorType === 4 ? [p[0]!, p[0]!, p[0]!, p[1]!]
      : [p[0]!, p[1]!, p[2]!, p[3]!];
    rgba.set([r, g, b, a], i * 4);
  }
  return { width, height, bitDepth, colorType, hasAlpha: colorType === 4 || colorType === 6 || trns !== undefined, rgba };
}

/** Undoes the five PNG row filters (None, Sub, Up, Average, Paeth), one byte a sample at 8 bits. */
function unfilter(raw: Buffer, width: number, height: number, bpp: number): Uint8Array {
  const stride = width * bpp;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[row + x - bpp]! : 0;
      const b = y > 0 ? out[row - stride + x]! : 0;
      const c = x >= bpp && y > 0 ? out[row - stride + x - bpp]! : 0;
      const v = line[x]!;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else throw new Error(`has an unknown row filter ${filter}`);
      out[row + x] = (v + predicted) & 0xff;
    }
  }
  return out;
}

/**
 * What Teams asks of the icons: the colour icon 192×192, the outline 32×32 with a transparent background and
 * only white drawn on it (Teams tints it; any other colour shows as a smudge). Problems as sentences; empty
 * when the icon is right.
 */
export function iconProblems(kind: 'color' | 'outline', data: Uint8Array): string[] {
  let png: Png;
  try {
    png = readPng(data);
  } catch (e) {
    return [(e as Error).message];
  }
  const size = kind === 'color' ? 192 : 32;
  const problems: string[] = [];
  if (png.width !== size || png.height !== size) problems.push(`is ${png.width}×${png.height}, Teams wants ${size}×${size}`);
  if (kind === 'outline') {
    if (!png.hasAlpha) problems.push('has no transparency: the background must be transparent');
    let coloured = 0;
    let drawn = 0;
    for (let i = 0; i < png.rgba.length; i += 4) {
      if (png.rgba[i + 3] === 0) continue;
      drawn++;
      if (png.rgba[i] !== 255 || png.rgba[i + 1] !== 255 || png.rgba[i + 2] !== 255) coloured++;
    }
    if (coloured) problems.push(`has ${coloured} pixels that are neither white nor transparent`);
    if (!drawn) problems.push('is empty: every pixel is transparent');
  }
  return problems;
}

// --- The zip ----------------------------------------------------------------------------------------------

export interface PackageResult {
  zipPath: string;
  files: AppPackageFiles;
}

/** Builds, validates and writes the package; throws AppPackageError naming what is wrong. */
export async function packageApp(options: { env: NodeJS.ProcessEnv; dir?: string; out?: string; commands?: readonly CommandSpec[] }): Promise<PackageResult> {
  const dir = options.dir ?? appPackageDir;
  const settings = readPackageSettings(options.env);
  const files = buildManifest(settings, options.commands ?? commandsOf(), dir);
  const failures = await validateAppPackage(files);
  if (failures.length) throw new AppPackageError('schema', `the manifest fails the ${MANIFEST_VERSION} schema:\n  ${failures.join('\n  ')}`);
  const icons = files.manifest.icons as { color: string; outline: string };
  const images = {} as Record<'color' | 'outline', Uint8Array>;
  for (const kind of ['color', 'outline'] as const) {
    images[kind] = readFileSync(join(dir, icons[kind]));
    const problems = iconProblems(kind, images[kind]);
    if (problems.length) throw new AppPackageError(`appPackage/${icons[kind]}`, problems.join('; '));
  }
  const zip = zipSync({
    'manifest.json': strToU8(`${JSON.stringify(files.manifest, null, 2)}\n`),
    [icons.color]: images.color,
    [icons.outline]: images.outline,
    'en-us.json': strToU8(`${JSON.stringify(files.localization, null, 2)}\n`),
  });
  const zipPath = options.out ?? join(dir, 'build', 'hoivacrm.zip');
  mkdirSync(dirname(zipPath), { recursive: true });
  writeFileSync(zipPath, zip);
  return { zipPath, files };
}

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const usage = `Usage: npm run package
Writes appPackage/build/hoivacrm.zip, the Teams app package to upload, from appPackage/ and the settings
MICROSOFT_APP_ID (the bot's app id), PUBLIC_HOSTNAME (e.g. hoivacrm.contoso.fi) and APP_VERSION (optional,
x.y.z; default the package.json version), read from the environment or .env.`;

export async function runPackageCli(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  if (argv.length) {
    const unknown = argv.filter((a) => a !== '--help' && a !== '-h');
    if (unknown.length) io.err(`Unknown option(s): ${unknown.join(' ')}`);
    io.out(usage);
    return unknown.length ? 2 : 0;
  }
  try {
    const { zipPath, files } = await packageApp({ env });
    const lists = (files.manifest.bots as { commandLists: { commands: unknown[] }[] }[])[0]!.commandLists;
    io.out(`Wrote ${zipPath} (manifest ${MANIFEST_VERSION}, version ${String(files.manifest.version)}, ${lists.map((l) => l.commands.length).join('/')} commands personal/team/groupChat)`);
    return 0;
  } catch (e) {
    if (!(e instanceof AppPackageError)) throw e;
    io.err(e.message);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  loadDotEnv();
  process.exitCode = await runPackageCli(process.argv.slice(2), process.env, {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
}
