import { randomUUID } from 'node:crypto';
import type { CustomerPlanView, ShownEncounter } from '../../src/app/show-customer-plan.js';
import { encounterKinds } from '../../src/domain/records/customer-plan.js';
import { formatDate, t, tn, type Locale } from '../../src/i18n/messages.js';
import { formCard, type FormSpec, type FormState } from '../forms/form-card.js';
import { actionExecute, actionSet, adaptiveCard, container, factSet, textBlock, type AdaptiveCard, type CardAction, type CardElement } from './elements.js';

/**
 * The plan card of `suunnitelma` (issue 12; thesis 6.4.2): the year's goal, targets, responsibilities and
 * actions, the annual clock as a strip of the twelve months with each encounter (kind, owner, held or
 * planned), and how many were held. To an editor: *Muokkaa suunnitelmaa*, *Lisää kohtaaminen* and a
 * *Muokkaa* per encounter, all Action.Execute, so each form replaces the card for the one who pressed.
 * Bounded: at most 36 encounters (customer-plan.ts) and every text shortened, well within 28 KB.
 */

/** How much of a plan text the card shows; the form holds it whole. */
const PLAN_TEXT_SHOWN = 300;
const NOTE_SHOWN = 80;

function shortened(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** "15.3.2026" when the day was planned, "maaliskuu 2026" when only the month. */
export function encounterWhen(locale: Locale, e: Pick<ShownEncounter, 'date'> & { dayKnown: boolean }): string {
  if (e.dayKnown) return formatDate(locale, e.date);
  return `${t(locale, `plan.month.${Number(e.date.slice(5, 7))}`)} ${e.date.slice(0, 4)}`;
}

/**
 * The plan reference the card's buttons carry: which customer and year. They open forms, which read the plan
 * then and carry the version they showed; the card itself saves nothing (and so stays small with 36 encounters).
 */
function planData(view: CustomerPlanView): Record<string, string> {
  return { customerId: view.customer.id, year: String(view.year) };
}

export function customerPlanCard(locale: Locale, view: CustomerPlanView, notice?: string): AdaptiveCard {
  const body: CardElement[] = [];
  if (notice) body.push(textBlock(notice, { weight: 'bolder' }));
  body.push(
    textBlock(t(locale, 'plan.card.title', { year: String(view.year) }), { size: 'large', weight: 'bolder' }),
    textBlock(view.customer.name, { weight: 'bolder', spacing: 'none' }),
  );
  const actions: CardAction[] = [];
  if (!view.plan) {
    body.push(textBlock(t(locale, 'plan.card.none', { year: String(view.year) })));
    if (view.mayEdit) actions.push(actionExecute({ title: t(locale, 'plan.create'), verb: 'plan.edit', data: { requestId: randomUUID(), ...planData(view) }, style: 'positive' }));
    return adaptiveCard({ body, actions });
  }
  const plan = view.plan;
  body.push(textBlock(tn(locale, 'plan.card.status', view.status.total, { done: view.status.done }), { isSubtle: true, spacing: 'none' }));
  const texts: [string, string][] = [[t(locale, 'plan.card.goal'), shortened(plan.goal, PLAN_TEXT_SHOWN)]];
  if (plan.targets) texts.push([t(locale, 'plan.card.targets'), shortened(plan.targets, PLAN_TEXT_SHOWN)]);
  if (plan.responsibilities) texts.push([t(locale, 'plan.card.responsibilities'), shortened(plan.responsibilities, PLAN_TEXT_SHOWN)]);
  if (plan.actions) texts.push([t(locale, 'plan.card.actions'), shortened(plan.actions, PLAN_TEXT_SHOWN)]);
  body.push(factSet(texts));
  body.push(textBlock(t(locale, 'plan.card.clock'), { weight: 'bolder', size: 'medium', spacing: 'medium' }));
  if (view.encounters.length === 0) body.push(textBlock(t(locale, 'plan.card.noEncounters'), { isSubtle: true }));
  else body.push(...monthStrip(locale, view));
  if (view.mayEdit) {
    actions.push(
      actionExecute({ title: t(locale, 'plan.edit'), verb: 'plan.edit', data: { requestId: randomUUID(), ...planData(view) } }),
      actionExecute({ title: t(locale, 'plan.addEncounter'), verb: 'plan.openEncounter', data: { requestId: randomUUID(), ...planData(view) } }),
    );
  }
  return adaptiveCard({ body, actions });
}

/** The twelve months, each with its encounters; an empty month is a dash, so the year reads as a clock. */
function monthStrip(locale: Locale, view: CustomerPlanView): CardElement[] {
  const elements: CardElement[] = [];
  for (let month = 1; month <= 12; month++) {
    const inMonth = view.encounters.filter((e) => Number(e.date.slice(5, 7)) === month);
    const name = t(locale, `plan.month.${month}`);
    if (inMonth.length === 0) {
      elements.push(textBlock(`${name} –`, { isSubtle: true, size: 'small', spacing: 'none' }));
      continue;
    }
    const items: CardElement[] = [textBlock(name, { weight: 'bolder', spacing: 'small' })];
    for (const shown of inMonth) {
      const e = shown.encounter;
      const when = e.day !== undefined ? `${formatDate(locale, shown.date)} · ` : '';
      const state = shown.done ? t(locale, 'plan.card.done') : t(locale, 'plan.card.planned');
      const owner = shown.ownerName ?? t(locale, 'plan.card.noOwner');
      items.push(textBlock(`${when}${t(locale, `plan.kind.${e.kind}`)} · ${owner} · ${state}`, { spacing: 'none' }));
      if (e.note) items.push(textBlock(shortened(e.note, NOTE_SHOWN), { isSubtle: true, size: 'small', spacing: 'none' }));
      if (view.mayEdit) {
        items.push(
          actionSet({
            spacing: 'none',
            actions: [actionExecute({ title: t(locale, 'plan.editEncounter'), verb: 'plan.openEncounter', data: { requestId: randomUUID(), ...planData(view), encounterId: e.id } })],
          }),
        );
      }
    }
    elements.push(container({ items, spacing: 'small' }));
  }
  return elements;
}

/** The plan's texts as a form (goal required); saving it answers with the plan card. */
export function planFormSpec(view: Pick<CustomerPlanView, 'customer' | 'year' | 'plan'>): FormSpec {
  return {
    title: 'plan.form.title',
    intro: 'plan.form.intro',
    submitAction: 'plan.submit',
    data: { customerId: view.customer.id, year: String(view.year), ...(view.plan ? { expectedVersion: String(view.plan.version) } : {}) },
    fields: [
      { kind: 'text', id: 'goal', label: 'plan.form.goal', required: true, multiline: true, maxLength: 4000 },
      { kind: 'text', id: 'targets', label: 'plan.form.targets', multiline: true, maxLength: 4000 },
      { kind: 'text', id: 'responsibilities', label: 'plan.form.responsibilities', multiline: true, maxLength: 4000 },
      { kind: 'text', id: 'actions', label: 'plan.form.actions', multiline: true, maxLength: 4000 },
      { kind: 'hint', text: 'form.privacyHint', attention: true },
    ],
  };
}

export function planFormCard(locale: Locale, view: Pick<CustomerPlanView, 'customer' | 'year' | 'plan'>, state: FormState): AdaptiveCard {
  const plan = view.plan;
  const stored = plan ? { goal: plan.goal, targets: plan.targets, responsibilities: plan.responsibilities, actions: plan.actions } : {};
  const card = formCard(locale, planFormSpec(view), { ...state, values: state.values ?? stored });
  return withTitle(card, locale, 'plan.form.title', view);
}

/** One encounter as a form: month, day, kind, owner, note, held. Editing one also offers *Poista*. */
export function encounterFormSpec(locale: Locale, view: Pick<CustomerPlanView, 'customer' | 'year' | 'plan' | 'owners'>, encounterId?: string): FormSpec {
  return {
    title: 'plan.encounterForm.title',
    intro: 'plan.encounterForm.intro',
    submitAction: 'plan.saveEncounter',
    data: {
      customerId: view.customer.id,
      year: String(view.year),
      ...(view.plan ? { expectedVersion: String(view.plan.version) } : {}),
      ...(encounterId ? { encounterId } : {}),
    },
    fields: [
      { kind: 'choice', id: 'month', label: 'plan.encounterForm.month', required: true, choices: Array.from({ length: 12 }, (_, i) => ({ title: t(locale, `plan.month.${i + 1}`), value: String(i + 1) })) },
      { kind: 'text', id: 'day', label: 'plan.encounterForm.day', maxLength: 2, placeholder: 'plan.encounterForm.dayPlaceholder' },
      { kind: 'choice', id: 'kind', label: 'plan.encounterForm.kind', required: true, choices: encounterKinds.map((k) => ({ title: t(locale, `plan.kind.${k}`), value: k })) },
      { kind: 'choice', id: 'ownerId', label: 'plan.encounterForm.owner', required: true, choices: view.owners.map((p) => ({ title: p.name, value: p.id })) },
      { kind: 'text', id: 'note', label: 'plan.encounterForm.note', multiline: true, maxLength: 500 },
      { kind: 'toggle', id: 'done', label: 'plan.encounterForm.done' },
      { kind: 'hint', text: 'form.privacyHint', attention: true },
    ],
  };
}

export function encounterFormCard(
  locale: Locale,
  view: Pick<CustomerPlanView, 'customer' | 'year' | 'plan' | 'owners' | 'encounters'>,
  state: FormState & { encounterId?: string | undefined },
): AdaptiveCard {
  const shown = state.encounterId ? view.encounters.find((e) => e.encounter.id === state.encounterId) : undefined;
  const e = shown?.encounter;
  const stored = e
    ? { month: String(e.month), day: e.day !== undefined ? String(e.day) : undefined, kind: e.kind, ownerId: e.ownerId, note: e.note, done: String(e.done === true) }
    : {};
  const card = withTitle(formCard(locale, encounterFormSpec(locale, view, e?.id), { ...state, values: state.values ?? stored }), locale, 'plan.encounterForm.title', view);
  if (!e || !view.plan) return card;
  const remove = actionExecute({
    title: t(locale, 'plan.removeEncounter'),
    verb: 'plan.removeEncounter',
    data: { requestId: randomUUID(), customerId: view.customer.id, year: String(view.year), expectedVersion: String(view.plan.version), encounterId: e.id },
  });
  return { ...card, actions: [...(card.actions ?? []), remove] };
}

/** The form's title with the year, and the customer's name under it. */
function withTitle(card: AdaptiveCard, locale: Locale, key: 'plan.form.title' | 'plan.encounterForm.title', view: Pick<CustomerPlanView, 'customer' | 'year'>): AdaptiveCard {
  const [, ...rest] = card.body;
  return { ...card, body: [textBlock(t(locale, key, { year: String(view.year) }), { size: 'large', weight: 'bolder' }), textBlock(view.customer.name, { weight: 'bolder', spacing: 'none' }), ...rest] };
}
