import type { RecordedCall } from './connector-double.js';

/** Helpers to read what the bot sent: the Adaptive Card of an activity, its inputs, its texts. */
export type Json = Record<string, unknown>;

export function cardOf(call: RecordedCall | undefined): Json | undefined {
  const attachments = call?.body.attachments as { contentType: string; content: Json }[] | undefined;
  return attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

export function walk(node: unknown, visit: (n: Json) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Json);
    for (const value of Object.values(node)) walk(value, visit);
  }
}

export function inputsOf(card: Json | undefined): Map<string, Json> {
  const inputs = new Map<string, Json>();
  walk(card, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string') inputs.set(n.id, n);
  });
  return inputs;
}

/**
 * What Teams shows for a TextBlock's or a Fact's markdown: CommonMark drops the backslash before an escaped
 * ASCII punctuation character (the cards escape all text, bot/cards/elements.ts `plainText`).
 */
export function shown(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** The texts of a card as a person reads them (unescaped, see `shown`). */
export function textsOf(card: Json | undefined): string[] {
  const texts: string[] = [];
  walk(card, (n) => {
    if (n.type === 'TextBlock' && typeof n.text === 'string') texts.push(shown(n.text));
    if (typeof n.title === 'string' && typeof n.value === 'string' && !n.type) texts.push(`${shown(n.title)}: ${shown(n.value)}`);
  });
  return texts;
}

/**
 * The data a card's submit button sends: its Action.Submit's, or (a form saved with Action.Execute, issue 11)
 * its Action.Execute's, whose data carries the verb as `action` too — sent as a message, it is the path a card
 * posted before Universal Actions takes.
 */
export function submitDataOf(card: Json | undefined): Json | undefined {
  const actions = card?.actions as { type: string; data?: Json }[] | undefined;
  return (actions?.find((a) => a.type === 'Action.Submit') ?? actions?.find((a) => a.type === 'Action.Execute'))?.data;
}

/** The text message or the card texts of a call, as one string to search. */
export function visibleText(call: RecordedCall): string {
  return [typeof call.body.text === 'string' ? call.body.text : '', ...textsOf(cardOf(call))].join('\n');
}

/** Every Action.Execute of a card (in its actions, ActionSets, ShowCards and selectActions), in order. */
export function executeActionsOf(card: Json | undefined): { title: string; verb: string; data: Json }[] {
  const found: { title: string; verb: string; data: Json }[] = [];
  walk(card, (n) => {
    if (n.type === 'Action.Execute' && typeof n.verb === 'string') found.push({ title: String(n.title ?? ''), verb: n.verb, data: (n.data as Json) ?? {} });
  });
  return found;
}

/** The Action.Execute with this verb (and the title, when given); throws naming what the card offers. */
export function executeAction(card: Json | undefined, verb: string, title?: string): { title: string; verb: string; data: Json } {
  const all = executeActionsOf(card);
  const match = all.find((a) => a.verb === verb && (title === undefined || a.title === title));
  if (!match) throw new Error(`no Action.Execute "${verb}"${title ? ` titled "${title}"` : ''}; the card offers ${all.map((a) => `${a.verb} "${a.title}"`).join(', ') || 'none'}`);
  return match;
}

/** What the bot answered an `adaptiveCard/action` invoke: the HTTP status, the response body, and its card. */
export interface ExecuteAnswer {
  status: number;
  body: { statusCode: number; type: string; value: unknown };
  card: Json | undefined;
}

export async function executeAnswerOf(response: Response): Promise<ExecuteAnswer> {
  const body = (await response.json()) as ExecuteAnswer['body'];
  const card = body.type === 'application/vnd.microsoft.card.adaptive' ? (body.value as Json) : undefined;
  return { status: response.status, body, card };
}
