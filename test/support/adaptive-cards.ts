/**
 * Adaptive Card validation for tests, using the real `adaptivecards` library.
 *
 * Loading the library in Node:
 *  - The package's `main` (`lib/adaptivecards.js`) is ES-module syntax with
 *    extensionless relative imports (`export * from "./strings"`) in a package
 *    without `"type": "module"`, so Node cannot load it (ERR_MODULE_NOT_FOUND).
 *  - `dist/adaptivecards.js` is a self-contained webpack UMD bundle. Loaded with
 *    `createRequire` it takes the CommonJS branch and needs no `document`/
 *    `window` for parsing and `validateProperties()` (only rendering touches the
 *    DOM), so no global shims are installed.
 *  - Types come from `lib/adaptivecards.d.ts` via `typeof import('adaptivecards')`.
 *
 * What the library reports (checked against adaptivecards 3.0.6):
 *  - parse events (`SerializationContext.eventCount/getEventAt`):
 *    unknown element types / action types (incl. types newer than the target
 *    version, e.g. Carousel under 1.5), invalid enum values (`color: 'red'`,
 *    `size: 'huge'`, container `style: 'purple'`; matching is case-insensitive),
 *    properties newer than the target version ("Property "labelPosition" is
 *    supported in version 1.6, but you are using version 1.5"), bad version
 *    strings;
 *  - `card.validateProperties()`: duplicate ids (across ShowCard sub-cards
 *    too), inputs without id, choices without title/value, required inputs
 *    without label/errorMessage, missing `url` on Action.OpenUrl, card version
 *    above the library's latest (1.6), missing/wrong card `type`.
 *  - It does NOT report: unknown properties (silently dropped), a card version
 *    of 1.6 (the library's own latest; Teams supports 1.5), a missing `version`
 *    (defaults to 1.0), Action.Submit without data / with non-object data,
 *    TextBlock without text, non-object input.
 *
 * Teams' dynamic typeahead, `choices.data` (a Data.Query) on Input.ChoiceSet: the library (3.0.6) knows it
 * but dates it 1.6 (`ChoiceSetInput.choicesDataProperty`) and reports it on a 1.5 card. Teams renders it
 * on the cards it renders — its documentation's own example is a 1.2 card (msteams-docs,
 * task-modules-and-cards/cards/dynamic-search.md) — so that one report is replaced by a check of our own
 * (`checkDataQuery`): a Data.Query with a dataset and only the documented keys, on a 'filtered' ChoiceSet.
 * Any other property newer than 1.5 is still reported.
 *
 * Unknown properties: comparing the input with `card.toJSON()` is NOT reliable,
 * because toJSON also drops default values (`wrap: false`, `isRequired: false`,
 * `valueOn: 'true'`, empty `items`), re-cases enums ('small' -> 'Small') and
 * drops the Teams `msteams` extension. Instead each typed object's keys are
 * compared with the property names in the library's own schema for that type
 * (`getSchema()` of a registry instance) plus the structural keys the library
 * parses by hand (`body`, `items`, `columns`, `actions`, `card`, `fallback`...).
 */
import { AssertionError } from 'node:assert';
import { createRequire } from 'node:module';

type AdaptiveCardsModule = typeof import('adaptivecards');
type SerializableObject = import('adaptivecards').SerializableObject;
type IValidationEvent = import('adaptivecards').IValidationEvent;

const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;

/** Highest card version Microsoft Teams renders. */
export const TEAMS_MAX_CARD_VERSION = '1.5';
const TARGET_VERSION = AC.Versions.v1_5;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------
// Known property names per type, from the library's schema
// ---------------------------------------------------------------------------

/** Keys the library parses outside the property schema. */
const STRUCTURAL_KEYS: Record<string, readonly string[]> = {
  AdaptiveCard: ['body', 'actions', 'msteams' /* Teams extension */],
  Container: ['items'],
  Column: ['items'],
  ColumnSet: ['columns'],
  ActionSet: ['actions'],
  RichTextBlock: ['inlines'],
  Table: ['rows'],
  TableRow: ['cells'],
  TableCell: ['items'],
  'Action.ShowCard': ['card'],
};

const knownKeysCache = new Map<string, ReadonlySet<string> | null>();

function schemaKeys(obj: SerializableObject): string[] {
  const schema = obj.getSchema();
  const keys: string[] = [];
  for (let i = 0; i < schema.getCount(); i++) keys.push(schema.getItemAt(i).name);
  return keys;
}

/** Property names allowed on an object of `typeName`, or null if the type is unknown. */
function knownKeys(typeName: string, kind: 'card' | 'element' | 'action'): ReadonlySet<string> | null {
  const cacheKey = `${kind}:${typeName}`;
  const cached = knownKeysCache.get(cacheKey);
  if (cached !== undefined) return cached;
  let instance: SerializableObject | undefined;
  if (kind === 'card') instance = new AC.AdaptiveCard();
  else if (typeName === 'Column') instance = new AC.Column();
  else if (typeName === 'TableRow') instance = new AC.TableRow();
  else if (typeName === 'TableCell') instance = new AC.TableCell();
  else {
    const registry = kind === 'element' ? AC.GlobalRegistry.elements : AC.GlobalRegistry.actions;
    const registration = registry.findByName(typeName);
    instance = registration ? new registration.objectType() : undefined;
  }
  const result = instance
    ? new Set([...schemaKeys(instance), 'fallback', ...(STRUCTURAL_KEYS[kind === 'card' ? 'AdaptiveCard' : typeName] ?? [])])
    : null;
  knownKeysCache.set(cacheKey, result);
  return result;
}

// ---------------------------------------------------------------------------
// Own walk over the JSON: unknown props, inputs, Action.Submit data, ...
// ---------------------------------------------------------------------------

interface WalkState {
  problems: string[];
  inputIds: Map<string, string[]>; // id -> paths
  submits: { path: string; data: Json }[];
}

function checkKeys(json: Json, allowed: ReadonlySet<string>, path: string, label: string, state: WalkState): void {
  for (const key of Object.keys(json)) {
    if (!allowed.has(key)) state.problems.push(`${path} (${label}): unknown property "${key}"`);
  }
}

const PLAIN_PAIR_KEYS = new Set(['title', 'value']);
/** The Data.Query keys Teams documents (dynamic-search.md, "Data.Query"). */
const DATA_QUERY_KEYS = new Set(['type', 'dataset', 'value', 'count', 'skip', 'associatedInputs']);

function checkDataQuery(choiceSet: Json, path: string, state: WalkState): void {
  const query = choiceSet['choices.data'];
  if (query === undefined) return;
  if (!isObject(query)) {
    state.problems.push(`${path}.choices.data: must be an object`);
    return;
  }
  checkKeys(query, DATA_QUERY_KEYS, `${path}.choices.data`, 'Data.Query', state);
  if (query.type !== 'Data.Query') state.problems.push(`${path}.choices.data: "type" must be "Data.Query"`);
  if (typeof query.dataset !== 'string' || query.dataset === '') state.problems.push(`${path}.choices.data: "dataset" is required`);
  if (choiceSet.style !== 'filtered') state.problems.push(`${path} (Input.ChoiceSet): a Data.Query needs style "filtered" (a searchable dropdown)`);
}

/** The library's report of `choices.data` on a 1.5 card, which Teams renders (see the file comment). */
function isTeamsTypeaheadReport(event: IValidationEvent): boolean {
  return event.event === AC.ValidationEvent.UnsupportedProperty && event.source instanceof AC.ChoiceSetInput && /"choices\.data"/.test(event.message);
}

function walkList(value: unknown, path: string, kind: 'element' | 'action', state: WalkState): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    state.problems.push(`${path}: must be an array`);
    return;
  }
  value.forEach((item, i) => walkObject(item, `${path}[${i}]`, kind, state));
}

function walkObject(json: unknown, path: string, kind: 'card' | 'element' | 'action', state: WalkState): void {
  if (!isObject(json)) {
    if (kind === 'element' && typeof json === 'string') return; // e.g. fallback: "drop"
    state.problems.push(`${path}: must be an object`);
    return;
  }
  const type = typeof json.type === 'string' ? json.type : kind === 'card' ? 'AdaptiveCard' : undefined;
  if (type === undefined) {
    state.problems.push(`${path}: missing "type"`);
    return;
  }
  const allowed = knownKeys(type, kind);
  // Unknown types are reported by the library's parser; their contents are opaque.
  if (!allowed) return;
  checkKeys(json, allowed, path, type, state);

  if (kind === 'card') {
    walkList(json.body, `${path}.body`, 'element', state);
    walkList(json.actions, `${path}.actions`, 'action', state);
    if (isObject(json.refresh)) {
      const refresh = json.refresh;
      if (!isObject(refresh.action) || refresh.action.type !== 'Action.Execute') state.problems.push(`${path}.refresh: "action" must be an Action.Execute`);
      else walkObject(refresh.action, `${path}.refresh.action`, 'action', state);
      if (refresh.userIds !== undefined && (!Array.isArray(refresh.userIds) || refresh.userIds.length > 60)) {
        state.problems.push(`${path}.refresh: "userIds" must be an array of at most 60 Teams user ids`);
      }
    }
  } else if (kind === 'element') {
    if (type.startsWith('Input.') && typeof json.id === 'string') {
      const paths = state.inputIds.get(json.id) ?? [];
      paths.push(path);
      state.inputIds.set(json.id, paths);
    }
    if (type === 'TextBlock' && (typeof json.text !== 'string' || json.text === '')) {
      state.problems.push(`${path} (TextBlock): "text" is required`);
    }
    if (type === 'Input.ChoiceSet') checkDataQuery(json, path, state);
    if (type === 'FactSet' || type === 'Input.ChoiceSet') {
      const listKey = type === 'FactSet' ? 'facts' : 'choices';
      const list = json[listKey];
      if (Array.isArray(list)) {
        list.forEach((pair, i) => {
          if (isObject(pair)) checkKeys(pair, PLAIN_PAIR_KEYS, `${path}.${listKey}[${i}]`, listKey, state);
        });
      }
    }
    for (const key of ['items', 'inlines', 'cells']) walkList(json[key], `${path}.${key}`, 'element', state);
    if (type === 'ColumnSet') walkList(json.columns, `${path}.columns`, 'element', state);
    if (type === 'Table') walkList(json.rows, `${path}.rows`, 'element', state);
    if (type === 'ActionSet') walkList(json.actions, `${path}.actions`, 'action', state);
    if (json.selectAction !== undefined) walkObject(json.selectAction, `${path}.selectAction`, 'action', state);
    if (json.fallback !== undefined) walkObject(json.fallback, `${path}.fallback`, 'element', state);
  } else {
    if (type === 'Action.Execute' && (typeof json.verb !== 'string' || json.verb === '')) {
      state.problems.push(`${path} (Action.Execute): "verb" is required (the bot dispatches on it)`);
    }
    if (type === 'Action.Submit' || type === 'Action.Execute') {
      if (!isObject(json.data)) {
        state.problems.push(`${path} (${type}): "data" must be an object (Teams merges the inputs into it)`);
      } else {
        state.submits.push({ path, data: json.data });
      }
    }
    if (type === 'Action.ShowCard') walkObject(json.card, `${path}.card`, 'card', state);
    if (isObject(json.fallback)) walkObject(json.fallback, `${path}.fallback`, 'action', state);
  }
}

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

function describeSource(source: SerializableObject | undefined): string {
  if (!source) return 'card';
  const typeName = source instanceof AC.CardObject ? source.getJsonTypeName() : source.constructor.name;
  const id = source instanceof AC.CardObject && source.id ? `#${source.id}` : '';
  return `${typeName}${id}`;
}

function describeEvent(event: IValidationEvent): string {
  const phase = AC.ValidationPhase[event.phase] ?? String(event.phase);
  const kind = AC.ValidationEvent[event.event] ?? String(event.event);
  return `[${phase} ${kind}] ${describeSource(event.source)}: ${event.message}`;
}

function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

/**
 * Validates an Adaptive Card (the attachment `content`) for Teams / schema 1.5.
 * Returns human-readable problems; an empty array means the card is valid.
 */
export function validateCard(cardJson: unknown): string[] {
  let json: unknown;
  try {
    // Validate what actually goes over the wire.
    json = JSON.parse(JSON.stringify(cardJson)) as unknown;
  } catch (error) {
    return [`card is not JSON-serializable: ${(error as Error).message}`];
  }
  if (!isObject(json)) return ['card must be a JSON object'];

  const problems: string[] = [];

  // Version: the library accepts anything up to its own latest (1.6).
  if (json.version === undefined) {
    problems.push(`card: "version" is missing (use '${TEAMS_MAX_CARD_VERSION}')`);
  } else if (typeof json.version !== 'string' || !/^\d+\.\d+$/.test(json.version)) {
    problems.push(`card: "version" must be a "major.minor" string, got ${JSON.stringify(json.version)}`);
  } else if (compareVersions(json.version, TEAMS_MAX_CARD_VERSION) > 0) {
    problems.push(`card: version ${json.version} is above ${TEAMS_MAX_CARD_VERSION}, the highest Teams supports`);
  }

  // The library's parser and validator.
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(TARGET_VERSION);
  card.parse(json, context);
  const libraryEvents: IValidationEvent[] = [];
  for (let i = 0; i < context.eventCount; i++) libraryEvents.push(context.getEventAt(i));
  libraryEvents.push(...card.validateProperties().validationEvents);

  // Own checks.
  const state: WalkState = { problems: [], inputIds: new Map(), submits: [] };
  walkObject(json, 'card', 'card', state);

  const duplicateInputIds = new Set<string>();
  for (const [id, paths] of state.inputIds) {
    if (paths.length > 1) {
      duplicateInputIds.add(id);
      state.problems.push(`input id "${id}" is used ${paths.length} times: ${paths.join(', ')}`);
    }
  }
  for (const { path, data } of state.submits) {
    for (const key of Object.keys(data)) {
      if (state.inputIds.has(key)) {
        state.problems.push(`${path} (submit): data key "${key}" clashes with an input id; the input value would overwrite it`);
      }
    }
  }

  for (const event of libraryEvents) {
    if (isTeamsTypeaheadReport(event)) continue;
    // Our duplicate-input message carries paths; skip the library's duplicate of it.
    if (
      event.event === AC.ValidationEvent.DuplicateId &&
      event.source instanceof AC.CardObject &&
      duplicateInputIds.has(event.source.id ?? '')
    ) {
      continue;
    }
    problems.push(describeEvent(event));
  }
  problems.push(...state.problems);
  return [...new Set(problems)];
}

/** Throws an AssertionError listing every problem `validateCard` finds. */
export function assertValidCard(card: unknown, message = 'Invalid Adaptive Card'): void {
  const problems = validateCard(card);
  if (problems.length > 0) {
    throw new AssertionError({
      message: `${message}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      actual: problems,
      expected: [],
      operator: 'validateCard',
    });
  }
}
