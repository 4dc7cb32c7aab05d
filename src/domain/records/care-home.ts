import { z } from 'zod';
import { customerGroup, recordMeta, region, serviceType, text } from './common.js';

/**
 * A care home (palvelutalo). The company runs 44 of them in three regions (thesis 2.2); each home's
 * director owns the home's places and records when they free up.
 */
const careHomeFields = {
  name: text(120),
  region,
  city: text(80),
  serviceTypes: z.array(serviceType).min(1),
  customerGroups: z.array(customerGroup).min(1),
  /** Teams user id of the home director, when known (people and roles arrive with the people list). */
  directorId: z.string().min(1).optional(),
};

export const careHomeInputSchema = z.object(careHomeFields);
export const careHomeSchema = z.object({ ...recordMeta, ...careHomeFields });
export type CareHome = z.infer<typeof careHomeSchema>;
