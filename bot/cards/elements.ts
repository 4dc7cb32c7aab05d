/**
 * Typed builders for the Adaptive Card elements HoivaCRM's bot sends.
 *
 * Constrained to Adaptive Card schema 1.5 *as Microsoft Teams renders it*:
 *  - every card is `version: '1.5'` (Teams does not render 1.6 features such as
 *    Carousel, `labelPosition`, `Action.role`; cards above the host's version are
 *    replaced by their `fallbackText`);
 *  - the only Teams-specific card extension modelled is the card-level `msteams`
 *    object (`width: 'Full'` and `<at>` mention entities);
 *  - enum values are written in the schema's lower-camel spelling ('attention',
 *    'extraLarge', ...). Clients parse them case-insensitively.
 *
 * Builders are plain object factories: they return JSON-ready objects with no
 * `undefined` values, so the result can be sent as-is and compared with
 * `deepStrictEqual` in tests. Validate built cards in tests with
 * `assertValidCard` from `test/support/adaptive-cards.ts`, which runs them through
 * the real `adaptivecards` parser.
 *
 * Submitting forms in Teams: `Action.Submit` sends a message activity whose
 * `activity.value` is the action's `data` object merged with the current values
 * of all inputs, keyed by input `id` (input values overwrite `data` keys with the
 * same name). Input values always arrive as strings: Input.Date as 'YYYY-MM-DD',
 * Input.Toggle as its valueOn/valueOff, multi-select ChoiceSets comma-joined.
 * Keep `data` a plain object (a string `data` prevents the inputs from being
 * merged) and use keys that cannot clash with input ids, e.g.
 * `{ action: 'customer.save', customerId: 'c-42' }`.
 *
 * Field-level errors: `isRequired`/`errorMessage` are only shown by the client
 * when *its own* validation fails (empty required input, `maxLength`, `regex`...).
 * Errors found by the bot (unknown customer, end date before start date, ...)
 * must be rendered by the card itself: re-send/update the card with the user's
 * values prefilled and put `fieldError(message)` directly under the offending
 * input, e.g.
 *
 *   body: [
 *     inputDate({ id: 'startDate', label: 'Alkupäivä', value: submitted.startDate }),
 *     ...(errors.startDate ? [fieldError(errors.startDate)] : []),
 *   ]
 *
 * or, equivalently, `...withFieldError(inputDate({...}), errors.startDate)`.
 */

// ---------------------------------------------------------------------------
// Enumerations (schema 1.5, values Teams renders)
// ---------------------------------------------------------------------------

export type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large' | 'extraLarge' | 'padding';
export type TextSize = 'small' | 'default' | 'medium' | 'large' | 'extraLarge';
export type TextWeight = 'lighter' | 'default' | 'bolder';
export type TextColor = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
export type HorizontalAlignment = 'left' | 'center' | 'right';
export type VerticalContentAlignment = 'top' | 'center' | 'bottom';
export type ActionStyle = 'default' | 'positive' | 'destructive';
/** 'auto', 'stretch', a relative weight (number) or a pixel width ('80px'). */
export type ColumnWidth = 'auto' | 'stretch' | number | `${number}px`;
export type TextInputStyle = 'text' | 'tel' | 'url' | 'email';
/** 'filtered': a searchable dropdown (schema 1.5), the typeahead of a long choice list. */
export type ChoiceSetStyle = 'compact' | 'expanded' | 'filtered';

// ---------------------------------------------------------------------------
// Element types
// ---------------------------------------------------------------------------

/** Properties common to every element. */
export interface ElementBase {
  id?: string;
  spacing?: Spacing;
  separator?: boolean;
  isVisible?: boolean;
}

export interface TextBlock extends ElementBase {
  type: 'TextBlock';
  text: string;
  size?: TextSize;
  weight?: TextWeight;
  color?: TextColor;
  wrap?: boolean;
  isSubtle?: boolean;
  maxLines?: number;
  horizontalAlignment?: HorizontalAlignment;
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet extends ElementBase {
  type: 'FactSet';
  facts: Fact[];
}

export interface Container extends ElementBase {
  type: 'Container';
  items: CardElement[];
  style?: ContainerStyle;
  bleed?: boolean;
  verticalContentAlignment?: VerticalContentAlignment;
  minHeight?: `${number}px`;
  selectAction?: SelectAction;
}

/** A column; only valid inside a ColumnSet, so not part of `CardElement`. */
export interface Column extends ElementBase {
  type: 'Column';
  items: CardElement[];
  width?: ColumnWidth;
  style?: ContainerStyle;
  bleed?: boolean;
  verticalContentAlignment?: VerticalContentAlignment;
  selectAction?: SelectAction;
}

export interface ColumnSet extends ElementBase {
  type: 'ColumnSet';
  columns: Column[];
  style?: ContainerStyle;
  bleed?: boolean;
  horizontalAlignment?: HorizontalAlignment;
  selectAction?: SelectAction;
}

export interface ActionSet extends ElementBase {
  type: 'ActionSet';
  actions: CardAction[];
}

/** Properties common to every input. */
export interface InputBase extends ElementBase {
  id: string;
  /** Shown above the input (and read by screen readers). Required except on toggles. */
  label?: string;
  isRequired?: boolean;
  /** Shown by the client only when its own validation fails; see `fieldError`. */
  errorMessage?: string;
}

export interface InputText extends InputBase {
  type: 'Input.Text';
  label: string;
  value?: string;
  placeholder?: string;
  isMultiline?: boolean;
  maxLength?: number;
  regex?: string;
  style?: TextInputStyle;
}

export interface InputDate extends InputBase {
  type: 'Input.Date';
  label: string;
  /** 'YYYY-MM-DD' */
  value?: string;
  /** 'YYYY-MM-DD' */
  min?: string;
  /** 'YYYY-MM-DD' */
  max?: string;
  placeholder?: string;
}

export interface Choice {
  title: string;
  value: string;
}

/**
 * Dynamic typeahead: Teams sends the bot an `application/search` invoke with what was typed and this
 * dataset, and lists the results the bot answers under the static choices (msteams-docs,
 * task-modules-and-cards/cards/dynamic-search.md, "Data.Query" and "Invoke request"; answered in
 * bot/search-invoke.ts). The adaptivecards library dates `choices.data` 1.6; Teams renders it on the
 * cards it renders (its own example is a 1.2 card), see test/support/adaptive-cards.ts.
 */
export interface DataQuery {
  type: 'Data.Query';
  dataset: string;
}

export interface InputChoiceSet extends InputBase {
  type: 'Input.ChoiceSet';
  label: string;
  choices: Choice[];
  /** The choices beyond the static ones, asked from the bot as the user types; use with style 'filtered'. */
  'choices.data'?: DataQuery;
  /** For multi-select: comma-separated values. */
  value?: string;
  style?: ChoiceSetStyle;
  isMultiSelect?: boolean;
  placeholder?: string;
  wrap?: boolean;
}

export interface InputToggle extends InputBase {
  type: 'Input.Toggle';
  title: string;
  value?: string;
  valueOn?: string;
  valueOff?: string;
  wrap?: boolean;
}

export type InputElement = InputText | InputDate | InputChoiceSet | InputToggle | InputTime;

/** Any element that may appear in a card body, Container or Column. */
export type CardElement = TextBlock | FactSet | Container | ColumnSet | ActionSet | InputElement;

// ---------------------------------------------------------------------------
// Action types
// ---------------------------------------------------------------------------

export interface ActionBase {
  title: string;
  id?: string;
  style?: ActionStyle;
  iconUrl?: string;
  tooltip?: string;
}

/**
 * Data sent back with an Action.Submit. In Teams it arrives as
 * `activity.value`, merged with the input values (inputs win on key clashes).
 * May contain an `msteams` object (e.g. `{ type: 'messageBack', ... }`).
 */
export type SubmitData = Record<string, unknown>;

export interface ActionSubmit extends ActionBase {
  type: 'Action.Submit';
  data: SubmitData;
  /** 'none' submits without collecting (or validating) inputs, e.g. for "Peruuta". */
  associatedInputs?: 'auto' | 'none';
}

export interface ActionOpenUrl extends ActionBase {
  type: 'Action.OpenUrl';
  url: string;
}

/** The card revealed by Action.ShowCard (no `$schema`/`version` of its own). */
export interface ShowCardContent {
  type: 'AdaptiveCard';
  body: CardElement[];
  actions?: CardAction[];
}

export interface ActionShowCard extends ActionBase {
  type: 'Action.ShowCard';
  card: ShowCardContent;
}

/**
 * Universal Actions (schema 1.4+, Teams up to 1.5): Teams sends an `adaptiveCard/action` invoke with
 * `{ action: { type, verb, data }, trigger }`, `data` merged with the inputs as for Action.Submit, and shows
 * the card the bot answers in the invoke response *to the person who pressed* (msteams-docs,
 * universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards.md). Our cards are
 * version 1.5, which Teams clients without Universal Actions do not render at all, so no Action.Submit
 * fallback is carried: a fallback would only be reached by a client that never shows the card.
 * Build with `actionExecute`, which also puts the verb in `data.action` (the envelope bot/card-submits.ts reads).
 */
export interface ActionExecute extends ActionBase {
  type: 'Action.Execute';
  verb: string;
  data: SubmitData;
  associatedInputs?: 'auto' | 'none';
}

export type CardAction = ActionSubmit | ActionExecute | ActionOpenUrl | ActionShowCard;
/** Actions allowed as a `selectAction` (ShowCard is not). */
export type SelectAction = ActionSubmit | ActionExecute | ActionOpenUrl;

/**
 * User-specific views: each listed Teams user (their MRI, `29:…`; at most 60) has the card refreshed by an
 * `adaptiveCard/action` invoke with `trigger: 'automatic'` when they see it, and sees the card the bot
 * answers; everybody else sees the card as posted (and may refresh it by hand from the message menu).
 */
export interface RefreshDefinition {
  action: ActionExecute;
  userIds?: string[];
}

/** Teams shows at most 60 user-specific views of one card. */
export const MAX_REFRESH_USERS = 60;

// ---------------------------------------------------------------------------
// Card and attachment
// ---------------------------------------------------------------------------

/** A Teams `<at>` mention; `text` must occur verbatim in some TextBlock. */
export interface MentionEntity {
  type: 'mention';
  /** e.g. '<at>Maija Meikäläinen</at>' */
  text: string;
  mentioned: { id: string; name: string };
}

/** Teams-only card extension. */
export interface TeamsCardProperties {
  width?: 'Full';
  entities?: MentionEntity[];
}

export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json' as const;
export const ADAPTIVE_CARD_VERSION = '1.5' as const;
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive' as const;

export interface AdaptiveCard {
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  type: 'AdaptiveCard';
  version: typeof ADAPTIVE_CARD_VERSION;
  body: CardElement[];
  actions?: CardAction[];
  /** Shown by clients that cannot render the card (and in notifications). */
  fallbackText?: string;
  msteams?: TeamsCardProperties;
  refresh?: RefreshDefinition;
}

/** Structurally compatible with botbuilder's `Attachment`. */
export interface Attachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: AdaptiveCard;
}

// ---------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------

/** Drops keys whose value is `undefined`, so output is JSON-exact. */
function compact<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}

type Props<T, K extends keyof T = never> = Omit<T, 'type' | K>;

export function adaptiveCard(opts: {
  body: CardElement[];
  actions?: CardAction[];
  msteams?: TeamsCardProperties;
  fallbackText?: string;
  refresh?: RefreshDefinition;
}): AdaptiveCard {
  return compact({
    $schema: ADAPTIVE_CARD_SCHEMA,
    type: 'AdaptiveCard',
    version: ADAPTIVE_CARD_VERSION,
    refresh: opts.refresh,
    body: opts.body,
    actions: opts.actions,
    fallbackText: opts.fallbackText,
    msteams: opts.msteams,
  });
}

export function cardAttachment(card: AdaptiveCard): Attachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

/**
 * The characters Teams' card markdown could read as markup: emphasis, links and images, headings, lists,
 * quotes, code, strike-through, and `<` (an `<at>` typed by a user would otherwise become a mention, any
 * other tag may be read as HTML) and `&` (an entity). CommonMark lets any ASCII punctuation be
 * backslash-escaped, so an escaped text shows exactly as written.
 */
const markdownSpecials = /[\\*_[\]()#+\-.!>~`<&]/g;

/**
 * Text as written, never as markdown. Every TextBlock and Fact goes through this (see `textBlock`,
 * `factSet`): what a user typed in a card (`[klikkaa](https://…)`, `<at>Name</at>`, `**`) is shown, not
 * interpreted, and a card built later cannot forget it. The catalog's texts hold no markdown, so they show
 * the same escaped.
 */
export function plainText(text: string): string {
  return text.replace(markdownSpecials, '\\$&');
}

/** A TextBlock showing `text` as written (escaped, see `plainText`); `wrap` defaults to true (Teams truncates unwrapped text). */
export function textBlock(text: string, opts: Props<TextBlock, 'text'> = {}): TextBlock {
  return markdownTextBlock(plainText(text), opts);
}

/**
 * A TextBlock whose text is markdown the bot wrote itself: only for the `<at>` mentions the bot makes
 * (special-mention.ts), whose text must reach Teams verbatim, and the mailto:/tel: links of `linkText`.
 * Never pass user text here unescaped.
 */
export function markdownTextBlock(markdown: string, opts: Props<TextBlock, 'text'> = {}): TextBlock {
  return compact({ type: 'TextBlock', text: markdown, ...opts, wrap: opts.wrap ?? true });
}

/** The sign in front of every warning and error: what colour alone would have said (WCAG 1.4.1). */
export const WARNING_SIGN = '⚠';

/**
 * A warning or an error: the sign and bold text in the default colour. Teams' attention red measures 3.2:1 on
 * its dark theme and its warning yellow 1.5:1 on the light one, below WCAG AA's 4.5:1
 * (test/bot/cards/contrast.spec.ts), so the meaning is in the sign and the words, never in a colour.
 */
export function warningText(text: string, opts: Props<TextBlock, 'text'> = {}): TextBlock {
  return textBlock(`${WARNING_SIGN} ${text}`, { weight: 'bolder', ...opts });
}

/**
 * An address as a link, for a `markdownTextBlock`: `[shown text](mailto:…)` or `[shown text](tel:…)`, the
 * only links the bot makes from stored values (a contact's e-mail and phone). The shown text is escaped as
 * `plainText` does. The address is a typed value too, so it must not be able to end the link early, add
 * markdown or name another scheme (`javascript:`, `https:`): an e-mail must be a plain address of letters,
 * digits and `._%+-` (no brackets, spaces or `:`), a phone number digits with an optional leading `+` and
 * the spaces, hyphens and brackets people write (the link keeps the `+` and digits only). Anything else is
 * shown as plain text, without a link.
 */
export function linkText(text: string, address: { mailto: string } | { tel: string }): string {
  const href =
    'mailto' in address
      ? SAFE_EMAIL.test(address.mailto)
        ? `mailto:${address.mailto}`
        : undefined
      : SAFE_PHONE.test(address.tel) && /\d/.test(address.tel)
        ? `tel:${address.tel.replace(/[^+\d]/g, '')}`
        : undefined;
  return href ? `[${plainText(text)}](${href})` : plainText(text);
}

/** A dot-atom address with a dotted domain: nothing markdown or a URL could read as anything but the address. */
const SAFE_EMAIL = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
/** "+358 40 123 4567", "(09) 816 000", "040-123 4567": a `+` only first, at most 30 characters. */
const SAFE_PHONE = /^\+?[0-9 ()-]{3,30}$/;

/**
 * A small bold text meant to be placed directly under an input to show an error
 * the bot found (see the file comment). Not red (3.2:1 on Teams dark, see
 * `warningText`): the message's words say what is wrong, and the form's
 * "⚠ Tarkista merkityt kentät." above says there is something to fix. Empty-string
 * messages are allowed but pointless; callers normally include it only when there is an error.
 */
export function fieldError(message: string): TextBlock {
  return textBlock(message, { weight: 'bolder', size: 'small', spacing: 'none' });
}

/** `[input]`, or `[input, fieldError(error)]` when `error` is a non-empty string. */
export function withFieldError(input: InputElement, error?: string): CardElement[] {
  return error ? [input, fieldError(error)] : [input];
}

/** A FactSet from `[title, value]` pairs, shown as written (Teams reads facts as markdown too). */
export function factSet(facts: ReadonlyArray<readonly [string, string]>, opts: Props<FactSet, 'facts'> = {}): FactSet {
  return compact({ type: 'FactSet', facts: facts.map(([title, value]) => ({ title: plainText(title), value: plainText(value) })), ...opts });
}

export function container(opts: Props<Container>): Container {
  return compact({ type: 'Container', ...opts });
}

export function column(opts: Props<Column>): Column {
  return compact({ type: 'Column', ...opts });
}

export function columnSet(opts: Props<ColumnSet>): ColumnSet {
  return compact({ type: 'ColumnSet', ...opts });
}

export function actionSet(opts: Props<ActionSet>): ActionSet {
  return compact({ type: 'ActionSet', ...opts });
}

export function inputText(opts: Props<InputText>): InputText {
  return compact({ type: 'Input.Text', ...opts });
}

export function inputDate(opts: Props<InputDate>): InputDate {
  return compact({ type: 'Input.Date', ...opts });
}

export function inputChoiceSet(opts: Props<InputChoiceSet>): InputChoiceSet {
  return compact({ type: 'Input.ChoiceSet', ...opts });
}

/** A Data.Query for `choices.data`: the dataset names what the bot searches (bot/search-invoke.ts). */
export function dataQuery(dataset: string): DataQuery {
  return { type: 'Data.Query', dataset };
}

export function inputToggle(opts: Props<InputToggle>): InputToggle {
  return compact({ type: 'Input.Toggle', ...opts });
}

export function actionSubmit(opts: Props<ActionSubmit>): ActionSubmit {
  return compact({ type: 'Action.Submit', ...opts });
}

/**
 * An Action.Execute whose verb is one of a flow's actions (e.g. 'place.reserve'); `data` carries the request
 * id and whatever else the action needs, and the verb is repeated as `data.action`.
 */
export function actionExecute(opts: Omit<Props<ActionExecute>, 'data'> & { data?: SubmitData }): ActionExecute {
  const { data, ...rest } = opts;
  return compact({ type: 'Action.Execute', ...rest, data: { ...data, action: opts.verb } });
}

/** A refresh clause: `verb` answers the person's own view of the card; at most MAX_REFRESH_USERS users. */
export function refreshWith(action: ActionExecute, userIds: readonly string[]): RefreshDefinition {
  return { action, userIds: userIds.slice(0, MAX_REFRESH_USERS) };
}

export function actionOpenUrl(opts: Props<ActionOpenUrl>): ActionOpenUrl {
  return compact({ type: 'Action.OpenUrl', ...opts });
}

export function actionShowCard(
  opts: Props<ActionShowCard, 'card'> & { card: { body: CardElement[]; actions?: CardAction[] } },
): ActionShowCard {
  const { card, ...rest } = opts;
  return compact({
    type: 'Action.ShowCard',
    ...rest,
    card: compact({ type: 'AdaptiveCard', body: card.body, actions: card.actions }),
  });
}

// ---------------------------------------------------------------------------
// Appended: Input.Time (development-meeting start and end)
// ---------------------------------------------------------------------------

export interface InputTime extends InputBase {
  type: 'Input.Time';
  label: string;
  /** 'HH:mm', 24-hour; Teams sends the value back in the same form. */
  value?: string;
  /** 'HH:mm' */
  min?: string;
  /** 'HH:mm' */
  max?: string;
  placeholder?: string;
}

export function inputTime(opts: Props<InputTime>): InputTime {
  return compact({ type: 'Input.Time', ...opts });
}
