import type { z } from 'zod';
import { contactLogEntryFieldsSchema } from '../records/contact-log-entry.js';

/** "customer.show" from a choice button: which customer's card (the id the records refer to it by). */
export const showCustomerQuery = contactLogEntryFieldsSchema.pick({ customerId: true });
export type ShowCustomerQuery = z.infer<typeof showCustomerQuery>;
