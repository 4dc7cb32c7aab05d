import type { CareHome } from '../domain/records/care-home.js';
import type { Customer } from '../domain/records/customer.js';
import type { FieldError } from '../domain/validation.js';
import type { AppContext } from './app-context.js';

export interface ReferencedRecords {
  customer?: Customer | undefined;
  home?: CareHome | undefined;
  /** One message per id that names no stored record, under the form field that held it. */
  errors: FieldError[];
}

/**
 * The customer and care home a submitted form names, read in parallel. An id the form sent that is not
 * in the store (a stale form, a hand-made submit) becomes a field error, so every use case answers it
 * the same way; an absent optional id is simply not looked up.
 */
export async function referencedRecords(ctx: AppContext, ids: { customerId?: string | undefined; careHomeId?: string | undefined }): Promise<ReferencedRecords> {
  const [customer, home] = await Promise.all([
    ids.customerId ? ctx.store.records.get('customer', ids.customerId) : undefined,
    ids.careHomeId ? ctx.store.records.get('careHome', ids.careHomeId) : undefined,
  ]);
  const errors: FieldError[] = [
    ...(ids.customerId && !customer ? [{ field: 'customerId', key: 'place.unknownCustomer' }] : []),
    ...(ids.careHomeId && !home ? [{ field: 'careHomeId', key: 'place.unknownCareHome' }] : []),
  ];
  return { customer, home, errors };
}
