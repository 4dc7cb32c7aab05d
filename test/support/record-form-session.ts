import type { BotHarness } from './bot-harness.js';
import { cardOf, executeActionsOf, inputsOf, shown, submitDataOf, textsOf, walk, type ExecuteAnswer, type Json } from './cards.js';
import type { RecordedCall } from './connector-double.js';
import { cardSubmit, GENERAL, MYYNTI, personalConversationId, personalMessage, type TeamsUser } from './teams-activities.js';

/**
 * What the protocol specs of the record flows (tilaisuus, tieto, kokous) share: open a form by its
 * command, submit it as Teams does, read the cards the channels got.
 */
export interface OpenForm {
  card: Json;
  activityId: string;
  user: TeamsUser;
}

export async function openForm(h: BotHarness, user: TeamsUser, command: string): Promise<{ form: OpenForm; reply: RecordedCall }> {
  const before = h.connector.posted(personalConversationId(user)).length;
  await h.post(personalMessage(h.connector.url, user, command));
  const reply = h.connector.posted(personalConversationId(user))[before]!;
  return { form: { card: cardOf(reply)!, activityId: reply.activityIdAssigned!, user }, reply };
}

/**
 * Saves a form as Teams does: a form saved with Action.Execute (issue 11) is an invoke whose answer — the
 * receipt, or the form again — replaces the form for the one who saved it; it is returned first, as the call
 * a posted reply would be, followed by anything the bot posted to the chat (nothing, for an Execute).
 */
export async function submitForm(h: BotHarness, form: OpenForm, values: Json): Promise<RecordedCall[]> {
  const me = personalConversationId(form.user);
  const before = h.connector.posted(me).length;
  const execute = executeActionsOf(form.card)[0];
  if (execute) {
    const answer = await h.execute(form.user, form.activityId, { verb: execute.verb, data: execute.data }, values);
    return [answerAsCall(answer, me), ...h.connector.posted(me).slice(before)];
  }
  await h.post(cardSubmit(h.connector.url, form.user, form.activityId, { ...submitDataOf(form.card), ...values }));
  return h.connector.posted(me).slice(before);
}

/** An Action.Execute's answer in the shape of a recorded reply, so the specs read what the person sees the same way. */
export function answerAsCall(answer: ExecuteAnswer, conversationId: string): RecordedCall {
  return {
    method: 'POST',
    conversationId,
    body: { type: 'invokeResponse', attachments: answer.card ? [{ contentType: 'application/vnd.microsoft.card.adaptive', content: answer.card }] : [] },
    status: answer.status,
    at: Date.now(),
  };
}

export function choice(card: Json, id: string, title: RegExp): string {
  const found = (inputsOf(card).get(id)!.choices as { title: string; value: string }[]).find((c) => title.test(c.title));
  if (!found) throw new Error(`no choice matching ${title} in ${id}`);
  return found.value;
}

export const cardsIn = (h: BotHarness, conversationId: string) => h.connector.posted(conversationId).filter((c) => cardOf(c));

/** Lets the outbox worker run a few polls (50 ms each in the harness), so a missing post is not just late. */
export const outboxSettles = () => new Promise((r) => setTimeout(r, 250));

/** Cards posted anywhere but the allowed conversations (the user's own chat is always allowed). */
export function cardsOutside(h: BotHarness, allowed: string[], user: TeamsUser): RecordedCall[] {
  return h.connector.posted().filter((c) => cardOf(c) && ![...allowed, personalConversationId(user)].includes(c.conversationId));
}

export const channels = { management: GENERAL.id, sales: MYYNTI.id };

/** The text shown right under an input: the field's error message (small and bold, bot/cards/elements.ts fieldError), if the bot put one there. */
export function messageUnder(card: Json, inputId: string): string | undefined {
  let found: string | undefined;
  walk(card, (n) => {
    const items = (n.body ?? n.items) as Json[] | undefined;
    if (!Array.isArray(items)) return;
    const at = items.findIndex((e) => e.id === inputId && typeof e.type === 'string' && e.type.startsWith('Input.'));
    const next = at >= 0 ? items[at + 1] : undefined;
    if (next && next.type === 'TextBlock' && next.weight === 'bolder') found = shown(next.text as string);
  });
  return found;
}

/**
 * The sentence of the receipt a saved form turned into (issue 11): its title says "Tallennettu" / "Saved",
 * and it offers Muokkaa and Kirjaa uusi instead of the form's Save; throws if the answer is no receipt.
 */
export function savedText(call: RecordedCall): string {
  const card = cardOf(call);
  const [title, sentence] = textsOf(card);
  if (!['✓ Tallennettu', '✓ Saved'].includes(title ?? '')) throw new Error(`not a receipt: ${textsOf(card).join(' | ')}`);
  const verbs = executeActionsOf(card).map((a) => a.verb);
  if (!verbs.includes('mine.new') || verbs.some((v) => v.endsWith('.submit'))) throw new Error(`a receipt offers Record another and no Save: ${verbs.join(', ')}`);
  return sentence ?? '';
}
