import type { InvokeResponse } from 'botbuilder';
import { z } from 'zod';
import { ADAPTIVE_CARD_CONTENT_TYPE, adaptiveCard, textBlock, type AdaptiveCard } from './cards/elements.js';
import type { FlowReply } from './flows/flow.js';

/** The invoke Teams sends for an Action.Execute (and for a card's refresh). */
export const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

/**
 * The `value` of an `adaptiveCard/action` invoke (msteams-docs, universal-actions-for-adaptive-cards/
 * work-with-universal-actions-for-adaptive-cards.md, "adaptiveCard/action invoke activity"):
 * `{ action: { type: 'Action.Execute', id?, verb, data }, trigger: 'manual' | 'automatic' }`, where `data`
 * holds the action's data merged with the card's inputs. Only this envelope is checked here; the use case
 * validates the fields.
 */
export const executeInvokeValue = z.looseObject({
  action: z.looseObject({
    type: z.literal('Action.Execute'),
    verb: z.string().regex(/^[a-zA-Z]+\.[a-zA-Z]+$/),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
  trigger: z.enum(['manual', 'automatic']).optional(),
});
export type ExecuteInvokeValue = z.infer<typeof executeInvokeValue>;

/** The card-submit value a flow reads, from an Action.Execute: its data and inputs, with the verb as `action`. */
export function submitValueOf(value: ExecuteInvokeValue): Record<string, unknown> {
  return { ...(value.action.data ?? {}), action: value.action.verb };
}

/**
 * Collects what a flow answers to an Action.Execute. The last card answered is the response (a flow that
 * refuses answers the card with the refusal on it); texts answered without a card become a small card.
 */
export class InvokeReply implements FlowReply {
  private readonly texts: string[] = [];
  private answer: AdaptiveCard | undefined;

  async text(message: string): Promise<void> {
    this.texts.push(message);
  }

  async card(card: AdaptiveCard): Promise<void> {
    this.answer = card;
  }

  /**
   * `status 200` with the card (`application/vnd.microsoft.card.adaptive`). Teams also takes a message
   * (`application/vnd.microsoft.activity.message`), shown as a passing notice; a card is answered instead
   * because it stays where the person looked, and because the Agents Playground puts the response's value in
   * the card's place whatever its type.
   */
  response(): InvokeResponse {
    const card = this.answer ?? adaptiveCard({ body: this.texts.map((text) => textBlock(text)) });
    return { status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card } };
  }

  get answered(): boolean {
    return this.answer !== undefined || this.texts.length > 0;
  }
}

/** An invoke that is not one of ours: 400 with the documented error body, not a card. */
export function badActionResponse(message: string): InvokeResponse {
  return { status: 200, body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } } };
}
