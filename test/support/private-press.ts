import assert from 'node:assert/strict';
import { assertValidCard } from './adaptive-cards.js';
import type { BotHarness } from './bot-harness.js';
import { cardOf, type ExecuteAnswer, type Json } from './cards.js';
import { personalConversationId, personalMessage, type TeamsUser } from './teams-activities.js';

/**
 * Presses an Action.Execute and requires what Universal Actions promise the presser: a 200 with a valid card in
 * the invoke response, and nothing posted anywhere (no chat message, no channel reply).
 */
export async function pressPrivately(h: BotHarness, user: TeamsUser, activityId: string, action: { verb: string; data: Json }, inputs: Json = {}): Promise<ExecuteAnswer & { card: Json }> {
  const posts = h.connector.posted().length;
  const answer = await h.execute(user, activityId, action, inputs);
  assert.equal(answer.status, 200);
  assert.ok(answer.card, `the invoke answers with a card: ${JSON.stringify(answer.body)}`);
  assertValidCard(answer.card, action.verb);
  assert.equal(h.connector.posted().length, posts, 'an Action.Execute posts nothing in the chat or the channels');
  return answer as ExecuteAnswer & { card: Json };
}

/** Types a command in the user's personal chat and returns the card the bot answered with. */
export async function cardAnswering(h: BotHarness, user: TeamsUser, typed: string): Promise<{ card: Json; activityId: string }> {
  const before = h.connector.posted(personalConversationId(user)).length;
  await h.post(personalMessage(h.connector.url, user, typed));
  const call = h.connector.posted(personalConversationId(user))[before];
  assert.ok(call && cardOf(call), `a card answers "${typed}"`);
  assertValidCard(cardOf(call)!, typed);
  return { card: cardOf(call)!, activityId: call.activityIdAssigned! };
}
