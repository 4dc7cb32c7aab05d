import { z } from 'zod';
import { recordId, recordMeta } from './common.js';
import { contactRole } from './contact.js';
import { freeText, optionalFreeText } from './privacy.js';

/**
 * A customer plan (asiakkuussuunnitelma) with its annual clock (vuosikello): per customer and year the
 * goal, targets, responsibilities and actions, and the planned encounters month by month (thesis 6.4.2).
 */
export const plannedEncounterSchema = z.object({
  month: z.number().int().min(1).max(12),
  kind: z.enum(['kehityskokous', 'tapaaminen', 'hintaneuvottelu', 'asiakastilaisuus', 'muu']),
  withRole: contactRole,
  note: optionalFreeText(500),
});

const customerPlanFields = {
  customerId: recordId,
  year: z.number().int().min(2000).max(2100),
  goal: freeText(),
  targets: optionalFreeText(),
  responsibilities: optionalFreeText(),
  actions: optionalFreeText(),
  plannedEncounters: z.array(plannedEncounterSchema),
};

export const customerPlanInputSchema = z.object(customerPlanFields);
export const customerPlanSchema = z.object({ ...recordMeta, ...customerPlanFields });
export type CustomerPlan = z.infer<typeof customerPlanSchema>;
