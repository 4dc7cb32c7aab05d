import type { ActorRef } from '../records/common.js';
import type { EncounterKind } from '../records/customer-plan.js';
import type { EventBase } from '../events.js';

/**
 * A planned encounter of a customer's annual clock is 30 days away (issue 12): its owner gets a reminder
 * with a button to the `kokous` form (a development meeting) or the `kirjaa` form (any other kind). Queued
 * when the plan is saved, due on `remindAt`; the row's record key names the plan and the encounter, so a
 * changed encounter's pending reminder is replaced, not doubled.
 */
export interface EncounterDueData {
  planId: string;
  encounterId: string;
  customerId: string;
  customerName: string;
  year: number;
  kind: EncounterKind;
  /** The encounter's day, `YYYY-MM-DD`. */
  date: string;
  /** The month only was planned: the card says the month, not the 1st. */
  dayKnown: boolean;
  note?: string | undefined;
  ownerId: string;
  /** The owner's Entra object id: the personal chat the reminder goes to. */
  ownerUserId: string;
  ownerName: string;
  /** 08:00 Helsinki time, 30 days before the encounter (or now, when that is past already). */
  remindAt: string;
  savedBy: ActorRef;
}

export type EncounterDueEvent = EventBase<'customerPlan.encounterDue', EncounterDueData>;

/** The outbox record key of an encounter's reminder: plan and encounter. */
export function encounterReminderKey(planId: string, encounterId: string): string {
  return `customerPlanEncounter:${planId}:${encounterId}`;
}
