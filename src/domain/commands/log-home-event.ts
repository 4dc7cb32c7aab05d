import { z } from 'zod';
import { recordId } from '../records/common.js';
import { homeEventInputSchema } from '../records/home-event.js';
import type { FieldError } from '../validation.js';

/**
 * What the regional director submits after a home event (`tilaisuus`): the record's input schema minus
 * who recorded it (the signed-in user) and the customers, which follow from the contacts who came.
 */
export const logHomeEventCommand = homeEventInputSchema
  .omit({ recordedBy: true, customerIds: true })
  .extend({ requestId: recordId });
export type LogHomeEventCommand = z.infer<typeof logHomeEventCommand>;

/** A home event is logged after it took place: a date after today (Helsinki) is a mistake. */
export function homeEventDateError(date: string, today: string): FieldError | undefined {
  return date > today ? { field: 'date', key: 'homeEvent.dateInFuture' } : undefined;
}

/** The customers that attended: each attending contact's customer, once, in the order first met. */
export function attendingCustomerIds(contacts: readonly { customerId: string }[]): string[] {
  return [...new Set(contacts.map((c) => c.customerId))];
}
