import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { recordPlaceFreed } from '../../src/app/record-place-freed.js';
import type { BotHarness } from './bot-harness.js';
import type { OpenForm } from './record-form-session.js';
import { cardOf, inputsOf, submitDataOf, type Json } from './cards.js';
import type { RecordedCall } from './connector-double.js';
import { cardSubmit, homeDirector, personalConversationId, personalMessage, type TeamsUser } from './teams-activities.js';

/** Drives the "vapaa paikka" form as a user would: ask for it, fill it, submit it. */
export type { OpenForm };

export async function openPlaceForm(h: BotHarness, user: TeamsUser = homeDirector): Promise<OpenForm> {
  const before = h.connector.posted(personalConversationId(user)).length;
  await h.post(personalMessage(h.connector.url, user, user.locale === 'en-US' ? 'free place' : 'vapaa paikka'));
  const call = h.connector.posted(personalConversationId(user))[before];
  assert.ok(call, 'the bot answered in the personal chat');
  const card = cardOf(call);
  assert.ok(card, 'the answer is an Adaptive Card');
  return { card, activityId: call.activityIdAssigned!, user };
}

export function choiceValue(card: Json, inputId: string, title: RegExp): string {
  const choices = inputsOf(card).get(inputId)?.choices as { title: string; value: string }[];
  const choice = choices.find((c) => title.test(c.title));
  assert.ok(choice, `${inputId} offers ${title}`);
  return choice.value;
}

/** Submits the form with these values; returns what the bot answered in the personal chat. */
export async function submitPlaceForm(h: BotHarness, form: OpenForm, values: Json): Promise<RecordedCall[]> {
  const before = h.connector.posted(personalConversationId(form.user)).length;
  await h.post(cardSubmit(h.connector.url, form.user, form.activityId, { ...submitDataOf(form.card), ...values }));
  return h.connector.posted(personalConversationId(form.user)).slice(before);
}

export function validPlaceValues(card: Json, overrides: Json = {}): Json {
  return {
    careHomeId: choiceValue(card, 'careHomeId', /^Koivukoti/),
    serviceType: 'ymparivuorokautinen',
    customerGroup: 'ikaantyneet',
    label: 'A12',
    freeFrom: '2026-12-01',
    note: 'Huone maalataan ensin',
    ...overrides,
  };
}

/** One form, submitted once per label (each a new request): many freed places in a row. */
export async function recordPlaces(h: BotHarness, labels: string[], pauseMs = 0): Promise<void> {
  const form = await openPlaceForm(h);
  for (const label of labels) {
    await submitPlaceForm(h, form, { ...validPlaceValues(form.card, { label }), requestId: randomUUID() });
    if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
  }
}

/**
 * Many freed places at once, through the use case the form calls (no chat round trips in between): a burst
 * as fast as the store takes it, e.g. several home directors in the same second.
 */
export async function commitPlaces(h: BotHarness, labels: string[], user: TeamsUser = homeDirector): Promise<void> {
  const home = (await h.app.store.records.list('careHome')).find((x) => x.name === 'Koivukoti')!;
  for (const label of labels) {
    const input = { requestId: randomUUID(), careHomeId: home.id, serviceType: 'ymparivuorokautinen', customerGroup: 'ikaantyneet', label, freeFrom: '2026-12-01' };
    const result = await recordPlaceFreed(h.app.app, { id: user.aadObjectId, name: user.name }, input);
    assert.ok(result.ok, `place ${label} recorded`);
  }
}
