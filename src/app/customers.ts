import type { Customer } from '../domain/records/customer.js';
import type { AppContext } from './app-context.js';

/** The municipal customers, alphabetically (Finnish collation). */
export async function listCustomers(ctx: AppContext): Promise<Customer[]> {
  return (await ctx.store.records.list('customer')).sort((a, b) => a.name.localeCompare(b.name, 'fi'));
}
