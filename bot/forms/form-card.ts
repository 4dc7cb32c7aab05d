import { careHomeTitle } from '../../src/app/care-home-choices.js';
import { FIRST_PAGE } from '../../src/app/customer-choices.js';
import type { CareHome } from '../../src/domain/records/care-home.js';
import type { FieldError } from '../../src/domain/validation.js';
import { t, type Locale, type MessageKey } from '../../src/i18n/messages.js';
import {
  actionExecute,
  adaptiveCard,
  dataQuery,
  inputChoiceSet,
  inputDate,
  inputText,
  inputTime,
  inputToggle,
  textBlock,
  warningText,
  withFieldError,
  type AdaptiveCard,
  type CardElement,
  type InputElement,
} from '../cards/elements.js';
import type { SearchDataset } from '../search-invoke.js';

/**
 * One form machinery for every record a user types in: a field list becomes an Adaptive Card, and on a
 * validation error the same card comes back with the typed values and a message under each bad field.
 * The field ids are the use case's input names, which are the zod input schema's keys.
 */
export type FormField =
  /**
   * `search`: the choices are a first page and the others are found by typing (Data.Query, bot/search-invoke.ts),
   * e.g. the home-event form's attendees; the flow hands the chosen ones in the choices, so they stay selected.
   */
  | { kind: 'choice'; id: string; label: MessageKey; choices: { title: string; value: string }[]; required?: boolean; multiSelect?: boolean; search?: { dataset: SearchDataset; placeholder: MessageKey } }
  /**
   * A customer or a care home: a searchable choice whose static choices are a bounded first page
   * (src/app/customer-choices.ts, src/app/care-home-choices.ts; the chosen one kept) and whose others are
   * found by typing (Data.Query 'customers' or 'careHomes', answered by bot/search-invoke.ts). A card
   * listing every customer or, for a company-wide role, every home would be over Teams' 28 KB at 10×.
   */
  | { kind: SearchKind; id: string; label: MessageKey; choices: { title: string; value: string }[]; required?: boolean }
  | { kind: 'text'; id: string; label: MessageKey; required?: boolean; multiline?: boolean; maxLength?: number; placeholder?: MessageKey }
  | { kind: 'date'; id: string; label: MessageKey; required?: boolean; max?: string; min?: string; defaultValue?: string }
  /** A wall-clock time hh:mm (Input.Time); `errorMessage` is shown by Teams when a required one is empty. */
  | { kind: 'time'; id: string; label: MessageKey; required?: boolean; defaultValue?: string; errorMessage: MessageKey }
  | { kind: 'toggle'; id: string; label: MessageKey }
  | { kind: 'hint'; text: MessageKey; attention?: boolean };

/** A customer as a choice lists it (src/store/record-queries.ts CustomerName, or a whole customer). */
export interface CustomerChoice {
  id: string;
  name: string;
}

/** The searchable field kinds: the dataset Teams asks the bot for, and what the empty dropdown says. */
// `handedAll`: the flow hands the field every choice (a person's recordable homes), so the card knows when they
// all fit on the first page; customer choices arrive as a first page already (src/app/customer-choices.ts).
const searchKinds = {
  customer: { dataset: 'customers', placeholder: 'form.searchCustomer', handedAll: false },
  careHome: { dataset: 'careHomes', placeholder: 'form.searchCareHome', handedAll: true },
} as const satisfies Record<string, { dataset: SearchDataset; placeholder: MessageKey; handedAll: boolean }>;
type SearchKind = keyof typeof searchKinds;

/** A form's care-home choices: every one the flow was handed (src/app/care-home-choices.ts); the card bounds them. */
export function careHomeOptions(homes: readonly Pick<CareHome, 'id' | 'name' | 'city'>[]): { title: string; value: string }[] {
  return homes.map((h) => ({ title: careHomeTitle(h), value: h.id }));
}

export interface FormSpec {
  title: MessageKey;
  intro?: MessageKey;
  fields: FormField[];
  submitAction: string;
  /** Extra data the submit carries besides the action and request id (e.g. which place). */
  data?: Record<string, string>;
  /**
   * Edit mode (issue 11, `omat` → Muokkaa): the form corrects a stored entry. The submit names it and the
   * version the form showed; the use case refuses a stale version, naming who changed it first.
   */
  edit?: { recordId: string; version: number };
}

export interface FormState {
  /** The id of the request this form will make: a repeated submit of the same form does nothing twice. */
  requestId: string;
  values?: Record<string, unknown>;
  errors?: FieldError[];
  /** A refusal of the save, already in the reader's words (bot/forms/refusal.ts), shown on top of the typed values. */
  refusal?: string;
}

export function formCard(locale: Locale, spec: FormSpec, state: FormState): AdaptiveCard {
  const values = state.values ?? {};
  const errors = new Map((state.errors ?? []).map((e) => [e.field, t(locale, e.key, e.params)]));
  const body: CardElement[] = [textBlock(t(locale, spec.title), { size: 'large', weight: 'bolder' })];
  if (spec.intro) body.push(textBlock(t(locale, spec.intro), { isSubtle: true }));
  if (spec.edit) body.push(textBlock(t(locale, 'form.editing'), { weight: 'bolder' }));
  if (errors.size > 0) body.push(warningText(t(locale, 'form.fixErrors')));
  const formError = errors.get('_form');
  if (formError) body.push(warningText(formError));
  if (state.refusal) body.push(warningText(state.refusal));
  for (const field of spec.fields) {
    if (field.kind === 'hint') {
      body.push(field.attention ? warningText(t(locale, field.text), { size: 'small' }) : textBlock(t(locale, field.text), { size: 'small', isSubtle: true }));
      continue;
    }
    // A search choice's first page is empty only when there is nothing to choose (no customers at all, no
    // home one may record for): nothing to search either.
    if ('choices' in field && field.choices.length === 0) {
      // A choice set without choices is invalid in Adaptive Cards: say what is missing instead.
      body.push(warningText(`${t(locale, field.label)}: ${t(locale, 'form.noChoices')}`));
      continue;
    }
    body.push(...withFieldError(input(locale, field, values[field.id]), errors.get(field.id)));
  }
  const data = {
    requestId: state.requestId,
    ...spec.data,
    ...(spec.edit ? { recordId: spec.edit.recordId, expectedVersion: String(spec.edit.version) } : {}),
  };
  const title = t(locale, spec.edit ? 'form.saveChanges' : 'form.submit');
  return adaptiveCard({
    body,
    // Saved with Action.Execute: the answer (a receipt, or the form with what is wrong) replaces the form
    // for the one who saved it, so a used form is never left active (bot/card-actions.ts).
    actions: [actionExecute({ title, verb: spec.submitAction, data, style: 'positive' })],
  });
}

/** A text field without its own maximum echoes at most this much: the longest free text a schema takes. */
const defaultTextMax = 4000;
/**
 * Input.Date sends `YYYY-MM-DD`, Input.Time `HH:mm`; a client without the picker lets people type, and a
 * mistyped "kymmeneltä" is echoed so it can be fixed. Anything longer than this was not typed in the input.
 */
const echoMax = { date: 40, time: 40 } as const;

/**
 * What a returned form shows of a submitted value. A submit can be forged (a 100 kB "label"), and echoing
 * it as is makes a reply Teams refuses, so a text is cut to its field's maximum, a choice is echoed only
 * when it is one of the field's choices, and a date or time only when it is short enough to have been typed.
 */
export function echoedValue(field: Exclude<FormField, { kind: 'hint' }>, raw: unknown): string | undefined {
  const value = typeof raw === 'string' ? raw : typeof raw === 'boolean' ? String(raw) : undefined;
  if (value === undefined) return undefined;
  switch (field.kind) {
    case 'text':
      return cutTo(value, field.maxLength ?? defaultTextMax);
    // A customer or home found by search is echoed too: the flow hands the chosen one in the choices
    // (customerChoices adds it; careHomeChoices lists every home one may record for).
    case 'customer':
    case 'careHome':
      return field.choices.some((c) => c.value === value) ? value : undefined;
    case 'choice': {
      const offered = new Set(field.choices.map((c) => c.value));
      if (!field.multiSelect) return offered.has(value) ? value : undefined;
      const kept = value.split(',').filter((v) => offered.has(v));
      return kept.length > 0 ? kept.join(',') : undefined;
    }
    case 'date':
    case 'time':
      return value.length <= echoMax[field.kind] ? value : undefined;
    case 'toggle':
      return value;
  }
}

/** The first `max` UTF-16 units, without leaving half of a surrogate pair at the end. */
function cutTo(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function input(locale: Locale, field: Exclude<FormField, { kind: 'hint' }>, raw: unknown): InputElement {
  const value = echoedValue(field, raw);
  const label = t(locale, field.label);
  const required = 'required' in field && field.required ? { isRequired: true, errorMessage: t(locale, 'validation.required') } : {};
  switch (field.kind) {
    case 'choice':
      return inputChoiceSet({
        id: field.id,
        label,
        choices: field.choices,
        placeholder: t(locale, field.search?.placeholder ?? 'form.choose'),
        ...(field.multiSelect ? { isMultiSelect: true } : {}),
        ...(field.search ? { style: 'filtered' as const, 'choices.data': dataQuery(field.search.dataset) } : {}),
        ...(value !== undefined ? { value } : {}),
        ...required,
      });
    case 'customer':
    case 'careHome': {
      const { dataset, placeholder, handedAll } = searchKinds[field.kind];
      // A home director's one home, or the demo's nine: a plain list to pick from; typing is for when they do not fit.
      if (handedAll && field.choices.length <= FIRST_PAGE) {
        return inputChoiceSet({ id: field.id, label, choices: field.choices, placeholder: t(locale, 'form.choose'), ...(value !== undefined ? { value } : {}), ...required });
      }
      return searchChoiceSet({ dataset, id: field.id, label, choices: firstPageOf(field.choices, value), placeholder: t(locale, placeholder), value, ...required });
    }
    case 'text':
      return inputText({
        id: field.id,
        label,
        ...(value !== undefined ? { value } : {}),
        ...(field.multiline ? { isMultiline: true } : {}),
        ...(field.maxLength ? { maxLength: field.maxLength } : {}),
        ...(field.placeholder ? { placeholder: t(locale, field.placeholder) } : {}),
        ...required,
      });
    case 'date': {
      const date = value ?? field.defaultValue;
      return inputDate({
        id: field.id,
        label,
        ...(date !== undefined ? { value: date } : {}),
        ...(field.max ? { max: field.max } : {}),
        ...(field.min ? { min: field.min } : {}),
        ...(field.required ? { isRequired: true, errorMessage: t(locale, 'validation.invalidDate') } : {}),
      });
    }
    case 'time': {
      const time = value ?? field.defaultValue;
      return inputTime({
        id: field.id,
        label,
        ...(time !== undefined ? { value: time } : {}),
        ...(field.required ? { isRequired: true, errorMessage: t(locale, field.errorMessage) } : {}),
      });
    }
    case 'toggle':
      return inputToggle({ id: field.id, title: label, value: value === 'true' ? 'true' : 'false', valueOn: 'true', valueOff: 'false' });
  }
}

/**
 * Bounded here too, whatever a spec is handed: the first FIRST_PAGE choices, and the chosen one first when
 * it is further down, so a form stays within Teams' limit with every customer or home and keeps its selection.
 */
function firstPageOf(choices: { title: string; value: string }[], chosen: string | undefined): { title: string; value: string }[] {
  const page = choices.slice(0, FIRST_PAGE);
  const kept = chosen !== undefined && !page.some((c) => c.value === chosen) ? choices.find((c) => c.value === chosen) : undefined;
  return kept ? [kept, ...page] : page;
}

interface SearchChoiceOptions {
  id: string;
  label: string;
  choices: { title: string; value: string }[];
  placeholder: string;
  value?: string | undefined;
  isRequired?: boolean;
  errorMessage?: string;
}

/**
 * A searchable choice as every card asks it (the forms' customer and home fields, the place card's
 * Reserve): the given choices in a filtered dropdown, and the others from the bot as the user types.
 */
export function searchChoiceSet(opts: SearchChoiceOptions & { dataset: SearchDataset }): InputElement {
  const { value, dataset, ...rest } = opts;
  return inputChoiceSet({ ...rest, style: 'filtered', 'choices.data': dataQuery(dataset), ...(value !== undefined ? { value } : {}) });
}

/** A customer choice (the place card's Reserve asks one outside a form). */
export function customerChoiceSet(opts: SearchChoiceOptions): InputElement {
  return searchChoiceSet({ ...opts, dataset: 'customers' });
}

/**
 * Card inputs arrive as strings: a toggle as "true"/"false", a multi-select as "a,b". Turn them into the
 * types the use case's zod schema expects; everything else passes through as typed.
 */
export function coerceFormValues(spec: FormSpec, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  for (const field of spec.fields) {
    if (field.kind === 'toggle') out[field.id] = values[field.id] === 'true' || values[field.id] === true;
    if (field.kind === 'choice' && field.multiSelect) {
      const raw = values[field.id];
      out[field.id] = typeof raw === 'string' ? raw.split(',').filter(Boolean) : Array.isArray(raw) ? raw : [];
    }
  }
  return out;
}
