import { cardOf, textsOf } from '../../test/support/cards.js';
import type { ConnectorDouble } from '../../test/support/connector-double.js';
import { personalConversationId, personalMessage, type TeamsUser } from '../../test/support/teams-activities.js';
import { summarize, type Summary } from './stats.js';

export interface CommandTiming {
  /** Request → the reply at the connector, over the measured requests (the warm-up left out). */
  latency: Summary;
  /** The largest card of a reply, as JSON (UTF-8 bytes), and the whole activity the bot posted. */
  cardBytes: number;
  activityBytes: number;
  /** The texts of the last reply's card, to check that the right card came back. */
  texts: string[];
  /** Why fewer than the wanted requests were measured, if so. */
  cutShort?: string | undefined;
}

/**
 * Sends `text` in the user's personal chat `count` times in a row (plus one warm-up) over /api/messages and
 * times each from the POST to the reply's arrival at the connector double. Bounded: stops after `maxMs`, or
 * when one request takes over `requestTimeoutMs` (the server is then still busy with it: nothing after it
 * would measure the command alone).
 */
export async function timeCommand(
  serverUrl: string,
  connector: ConnectorDouble,
  user: TeamsUser,
  text: string,
  bounds: { count: number; maxMs: number; requestTimeoutMs: number },
): Promise<CommandTiming> {
  const conversation = personalConversationId(user);
  const samples: number[] = [];
  let cardBytes = 0;
  let activityBytes = 0;
  let texts: string[] = [];
  let cutShort: string | undefined;
  const deadline = Date.now() + bounds.maxMs;
  for (let i = 0; i <= bounds.count; i++) {
    if (Date.now() > deadline) {
      cutShort = `time budget of ${bounds.maxMs / 1000} s used up after ${samples.length} requests`;
      break;
    }
    const before = connector.posted(conversation).length;
    const started = Date.now();
    try {
      const response = await fetch(`${serverUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(personalMessage(connector.url, user, text)),
        signal: AbortSignal.timeout(bounds.requestTimeoutMs),
      });
      if (!response.ok) throw new Error(`/api/messages answered ${response.status}`);
    } catch (error) {
      cutShort = `request ${i + 1} failed after ${Date.now() - started} ms: ${(error as Error).message}`;
      break;
    }
    // A reply normally arrives within the turn, before the POST returns; wait a little in case it comes after.
    while (connector.posted(conversation).length === before && Date.now() - started < bounds.requestTimeoutMs) await new Promise((r) => setTimeout(r, 5));
    const replies = connector.posted(conversation).slice(before);
    const last = replies.at(-1);
    if (!last) {
      cutShort = `request ${i + 1}: no reply reached the connector`;
      break;
    }
    if (i > 0) samples.push(last.at - started);
    for (const reply of replies) {
      cardBytes = Math.max(cardBytes, Buffer.byteLength(JSON.stringify(cardOf(reply) ?? null)));
      activityBytes = Math.max(activityBytes, Buffer.byteLength(JSON.stringify(reply.body)));
    }
    texts = textsOf(cardOf(last));
  }
  return { latency: summarize(samples), cardBytes, activityBytes, texts, cutShort };
}
