import { z } from 'zod';
import { localDate } from '../domain/dates.js';
import { recordId, firstVersion, type ActorRef } from '../domain/records/common.js';
import {
  customerPlanInputSchema,
  daysInMonth,
  MAX_ENCOUNTERS,
  plannedEncounterSchema,
  type CustomerPlan,
  type PlannedEncounter,
} from '../domain/records/customer-plan.js';
import type { Customer } from '../domain/records/customer.js';
import { stableIdFor } from '../domain/stable-id.js';
import { fieldErrorsFrom, type FieldError } from '../domain/validation.js';
import { ConcurrencyConflict } from '../store/store-port.js';
import type { AppContext } from './app-context.js';
import { authorize } from './authorize.js';
import { commitChanges } from './commit-changes.js';
import { listPeople } from './people.js';
import { reminderChanges } from './plan-reminders.js';
import { forbidden, invalid, type UseCaseResult } from './result.js';
import { currentYear, legacyEncounterId, planOf } from './show-customer-plan.js';

/**
 * Saving a customer's plan and its annual clock (issue 12; thesis 6.4.2). Three saves share one commit: the
 * plan's texts (goal, targets, responsibilities, actions), an encounter added or changed, an encounter
 * removed. Each is checked with the plan's own schema, allowed to the regional director of the customer's
 * region and the business director (authorize.ts editCustomerPlan), and stored with the version the form
 * showed, so a plan someone else saved meanwhile is not overwritten. The reminders follow (plan-reminders.ts).
 */

export interface PlanSaved {
  plan: CustomerPlan;
  customerName: string;
}

/** The form's strings as numbers (Teams sends every input as a string); an empty optional field is absent. */
function formValues(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string' && value.trim() === '') continue;
    out[key] = value;
  }
  for (const key of ['year', 'month', 'day', 'expectedVersion']) {
    if (typeof out[key] === 'string' && /^\s*\d{1,4}\s*$/.test(out[key] as string)) out[key] = Number(out[key]);
  }
  if ('done' in out) out.done = out.done === true || out.done === 'true';
  return out;
}

/** Which plan a form is about, and the version it showed (absent: the form creates the year's plan). */
const planRef = z.object({
  requestId: recordId,
  customerId: recordId,
  year: z.number().int().min(2000).max(2100),
  expectedVersion: z.number().int().positive().optional(),
});

const planTexts = customerPlanInputSchema.pick({ goal: true, targets: true, responsibilities: true, actions: true });

/** An encounter as its form sends it: the owner is required now (their reminder), the day must be in the month. */
const encounterForm = plannedEncounterSchema.omit({ id: true, withRole: true }).extend({ ownerId: recordId, encounterId: recordId.optional() });

type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };
function parse<T>(schema: z.ZodType<T>, values: Record<string, unknown>): Parsed<T> {
  const parsed = schema.safeParse(values);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: fieldErrorsFrom(parsed.error) };
}

/** The plan's customer, to someone who may edit its plan: a refused person is told so before typing. */
export async function planEditorFor(ctx: AppContext, actor: ActorRef, customerId: unknown): Promise<UseCaseResult<Customer>> {
  const customer = typeof customerId === 'string' && z.uuid().safeParse(customerId).success ? await ctx.store.records.get('customer', customerId) : undefined;
  if (!customer) return invalid([{ field: 'customerId', key: 'customerCard.unknown' }]);
  const decision = await authorize(ctx, actor, 'editCustomerPlan', { region: customer.region });
  if (!decision.ok) return forbidden(decision);
  return { ok: true, duplicate: false, value: customer };
}

/** The plan's texts: creates the year's plan, or changes the one the form showed. */
export async function saveCustomerPlan(ctx: AppContext, actor: ActorRef, input: Record<string, unknown>): Promise<UseCaseResult<PlanSaved>> {
  const values = formValues(input);
  const ref = parse(planRef, values);
  const texts = parse(planTexts, values);
  if (!ref.ok || !texts.ok) return invalid([...(ref.ok ? [] : ref.errors), ...(texts.ok ? [] : texts.errors)]);
  return changePlan(ctx, actor, ref.value, `saveCustomerPlan:${ref.value.requestId}`, (plan) => ({ ...plan, ...withoutEmpty(texts.value) }));
}

/** An encounter added to the annual clock, or one of it changed (its id given). */
export async function saveEncounter(ctx: AppContext, actor: ActorRef, input: Record<string, unknown>): Promise<UseCaseResult<PlanSaved>> {
  const values = formValues(input);
  const ref = parse(planRef, values);
  const fields = parse(encounterForm, values);
  const errors = [...(ref.ok ? [] : ref.errors), ...(fields.ok ? [] : fields.errors)];
  if (ref.ok && fields.ok && fields.value.day !== undefined && fields.value.day > daysInMonth(ref.value.year, fields.value.month)) {
    errors.push({ field: 'day', key: 'plan.dayNotInMonth', params: { days: daysInMonth(ref.value.year, fields.value.month) } });
  }
  if (!ref.ok || !fields.ok || errors.length > 0) return invalid(errors);
  const { encounterId, ...encounter } = fields.value;
  const people = await listPeople(ctx);
  if (!people.some((p) => p.id === encounter.ownerId)) return invalid([{ field: 'ownerId', key: 'plan.unknownOwner' }]);
  return changePlan(ctx, actor, ref.value, `saveEncounter:${ref.value.requestId}`, (plan) => {
    const id = encounterId ?? ctx.newId();
    const others = plan.plannedEncounters.filter((e) => e.id !== id);
    const saved: PlannedEncounter = { id, ...withoutEmpty(encounter) };
    // The role the encounter was with stays: the form does not show it.
    const previous = plan.plannedEncounters.find((e) => e.id === id);
    if (previous?.withRole) saved.withRole = previous.withRole;
    return { ...plan, plannedEncounters: previous ? plan.plannedEncounters.map((e) => (e.id === id ? saved : e)) : [...others, saved] };
  }, { needsPlan: true });
}

/** An encounter taken off the annual clock; its reminder goes with it. */
export async function removeEncounter(ctx: AppContext, actor: ActorRef, input: Record<string, unknown>): Promise<UseCaseResult<PlanSaved>> {
  const values = formValues(input);
  const ref = parse(planRef.extend({ encounterId: recordId }), values);
  if (!ref.ok) return invalid(ref.errors);
  return changePlan(ctx, actor, ref.value, `removeEncounter:${ref.value.requestId}`, (plan) => ({
    ...plan,
    plannedEncounters: plan.plannedEncounters.filter((e) => e.id !== ref.value.encounterId),
  }), { needsPlan: true });
}

/** Optional texts left empty are absent, not empty strings. */
function withoutEmpty<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}

async function changePlan(
  ctx: AppContext,
  actor: ActorRef,
  ref: z.infer<typeof planRef>,
  idempotencyKey: string,
  change: (plan: CustomerPlan) => CustomerPlan,
  options: { needsPlan?: boolean } = {},
): Promise<UseCaseResult<PlanSaved>> {
  const editor = await planEditorFor(ctx, actor, ref.customerId);
  if (!editor.ok) return editor;
  const customer = editor.value;
  const stored = await planOf(ctx, customer.id, ref.year);
  if (options.needsPlan && !stored) return invalid([{ field: '_form', key: 'plan.noPlanYet' }]);
  // A form made before the plan existed (no version) meets a plan someone created meanwhile: theirs is not overwritten.
  if (stored && stored.version !== ref.expectedVersion) return conflict();
  const now = ctx.clock.now();
  const at = now.toISOString();
  // Encounters stored before issue 12 get the id their cards already named (legacyEncounterId).
  const before = stored && { ...stored, plannedEncounters: stored.plannedEncounters.map((e, i) => ({ ...e, id: e.id ?? legacyEncounterId(stored.id, i) })) };
  const base: CustomerPlan = before
    ? { ...before, version: before.version + 1, updatedAt: at }
    : // One plan per customer and year: two first saves at once meet on the same id, and the second is refused.
      { ...firstVersion(stableIdFor(`customerPlan:${customer.id}:${ref.year}`), actor, at), customerId: customer.id, year: ref.year, goal: '', plannedEncounters: [] };
  const after = change(base);
  if (after.plannedEncounters.length > MAX_ENCOUNTERS) return invalid([{ field: '_form', key: 'plan.tooManyEncounters', params: { max: MAX_ENCOUNTERS } }]);
  if (!after.goal) return invalid([{ field: 'goal', key: 'validation.required' }]);
  const reminders = reminderChanges({ now, today: localDate(now), actor, newId: () => ctx.newId(), customer, people: await listPeople(ctx) }, before, after);
  try {
    return await commitChanges(ctx, {
      at,
      by: actor,
      idempotencyKey,
      writes: [{ kind: 'customerPlan', record: after, expectedVersion: stored ? stored.version : null }],
      outbox: reminders.outbox,
      dropPendingPosts: reminders.dropPendingPosts,
      result: { plan: after, customerName: customer.name },
    });
  } catch (error) {
    if (error instanceof ConcurrencyConflict) return conflict();
    throw error;
  }
}

function conflict(): UseCaseResult<never> {
  return { ok: false, reason: 'conflict', message: 'plan.conflict' };
}

export { currentYear };
