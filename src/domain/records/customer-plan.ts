import { z } from 'zod';
import { recordId, recordMeta } from './common.js';
import { contactRole } from './contact.js';
import { freeText, optionalFreeText } from './privacy.js';

/**
 * A customer plan (asiakkuussuunnitelma) with its annual clock (vuosikello): per customer and year the
 * goal, targets, responsibilities and actions, and the planned encounters month by month (thesis 6.4.2).
 */

/**
 * The encounters of the annual clock (issue 12; thesis 4.4.3, 6.3, 6.4.2): the yearly development meeting of
 * the agreement, the purchaser's supervision visit, the price and option-year negotiation, a customer event.
 * `muu` keeps encounters of another kind (and the "tapaaminen" of plans stored before issue 12, legacy-values.ts).
 */
export const encounterKinds = ['kehityskokous', 'valvontakaynti', 'hintaneuvottelu', 'asiakastilaisuus', 'muu'] as const;
export const encounterKind = z.enum(encounterKinds);
export type EncounterKind = z.infer<typeof encounterKind>;

/** Days in a month of a year (February of a leap year has 29). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const plannedEncounterSchema = z.object({
  /**
   * Stable per encounter: its reminder's outbox rows are keyed by plan and encounter, so saving the plan
   * again replaces a changed encounter's reminder instead of adding one. Plans stored before issue 12 have
   * none; the plan's use cases give one on the next save.
   */
  id: recordId.optional(),
  month: z.number().int().min(1).max(12),
  /** The day of the month when it is known; the reminder counts from the 1st otherwise. */
  day: z.number().int().min(1).max(31).optional(),
  kind: encounterKind,
  /** Who answers for it: a person of the people list (their record id); they get the reminder. */
  ownerId: recordId.optional(),
  /** Whom of the purchaser it is with, when known (a contact role). */
  withRole: contactRole.optional(),
  note: optionalFreeText(500),
  /** Held (the strip's ✓); a planned one is not. */
  done: z.boolean().optional(),
});
export type PlannedEncounter = z.infer<typeof plannedEncounterSchema>;

/** The most encounters a year's clock holds: months × a few, so the plan card stays within Teams' 28 KB. */
export const MAX_ENCOUNTERS = 36;

const customerPlanFields = {
  customerId: recordId,
  year: z.number().int().min(2000).max(2100),
  goal: freeText(),
  targets: optionalFreeText(),
  responsibilities: optionalFreeText(),
  actions: optionalFreeText(),
  plannedEncounters: z.array(plannedEncounterSchema).max(MAX_ENCOUNTERS),
};

export const customerPlanInputSchema = z.object(customerPlanFields);
export const customerPlanSchema = z.object({ ...recordMeta, ...customerPlanFields });
export type CustomerPlan = z.infer<typeof customerPlanSchema>;

/** The encounter's date, `YYYY-MM-DD`: its day, or the 1st of its month (a day past the month's end is its last). */
export function encounterDate(year: number, encounter: Pick<PlannedEncounter, 'month' | 'day'>): string {
  const day = Math.min(encounter.day ?? 1, daysInMonth(year, encounter.month));
  return `${year}-${String(encounter.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
