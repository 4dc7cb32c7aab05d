import { addDays, instantAt } from '../domain/dates.js';
import { encounterReminderKey, type EncounterDueEvent } from '../domain/events/plan-events.js';
import type { ActorRef } from '../domain/records/common.js';
import { encounterDate, type CustomerPlan, type PlannedEncounter } from '../domain/records/customer-plan.js';
import type { Customer } from '../domain/records/customer.js';
import type { Person } from '../domain/records/person.js';
import { notificationsFor } from '../notify/routing.js';
import type { OutboxDraft } from '../store/store-port.js';
import { REMINDER_TIME } from './log-contact.js';

/** An encounter's owner hears of it this many days ahead (issue 12): time to send the invitations. */
export const ENCOUNTER_REMINDER_DAYS = 30;

/** What makes a reminder differ: a changed day, kind, owner or note replaces it; done or removed withdraws it. */
function fingerprint(e: PlannedEncounter): string {
  return JSON.stringify([e.month, e.day ?? null, e.kind, e.ownerId ?? null, e.note ?? null, e.done === true]);
}

export interface ReminderChanges {
  outbox: OutboxDraft[];
  /** The record keys whose reminders not yet sent are dropped before `outbox` is queued. */
  dropPendingPosts: string[];
}

/**
 * The reminders a plan's save changes, by comparing the encounters before and after. Each reminder's outbox
 * row is keyed by plan and encounter (encounterReminderKey), so an unchanged encounter keeps its one pending
 * row, a changed one gets its pending row replaced, and a removed or held one loses it. An encounter already
 * past gets none; one less than 30 days away is reminded at once.
 */
export function reminderChanges(
  input: { now: Date; today: string; actor: ActorRef; newId: () => string; customer: Pick<Customer, 'id' | 'name'>; people: readonly Person[] },
  before: CustomerPlan | undefined,
  after: CustomerPlan,
): ReminderChanges {
  const old = new Map((before?.plannedEncounters ?? []).flatMap((e) => (e.id ? [[e.id, e] as const] : [])));
  const kept = new Set(after.plannedEncounters.flatMap((e) => (e.id ? [e.id] : [])));
  const drop = [...old.keys()].filter((id) => !kept.has(id)).map((id) => encounterReminderKey(after.id, id));
  const outbox: OutboxDraft[] = [];
  for (const encounter of after.plannedEncounters) {
    if (!encounter.id) continue;
    const previous = old.get(encounter.id);
    if (previous && fingerprint(previous) === fingerprint(encounter)) continue;
    const key = encounterReminderKey(after.id, encounter.id);
    if (previous) drop.push(key);
    const date = encounterDate(after.year, encounter);
    const owner = input.people.find((p) => p.id === encounter.ownerId);
    if (encounter.done || !owner || date < input.today) continue;
    const due = instantAt(addDays(date, -ENCOUNTER_REMINDER_DAYS), REMINDER_TIME);
    const remindAt = (due.getTime() > input.now.getTime() ? due : input.now).toISOString();
    const event: EncounterDueEvent = {
      type: 'customerPlan.encounterDue',
      eventId: input.newId(),
      occurredAt: input.now.toISOString(),
      actor: input.actor,
      recordKey: key,
      data: {
        planId: after.id,
        encounterId: encounter.id,
        customerId: input.customer.id,
        customerName: input.customer.name,
        year: after.year,
        kind: encounter.kind,
        date,
        dayKnown: encounter.day !== undefined,
        note: encounter.note,
        ownerId: owner.id,
        ownerUserId: owner.userId,
        ownerName: owner.name,
        remindAt,
        savedBy: input.actor,
      },
    };
    outbox.push(...notificationsFor(event));
  }
  return { outbox, dropPendingPosts: drop };
}
