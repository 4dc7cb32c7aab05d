import type { ActorRef } from '../domain/records/common.js';
import type { ContactName } from '../store/record-queries.js';
import type { AppContext } from './app-context.js';
import { authorize } from './authorize.js';
import { forbidden, type UseCaseResult } from './result.js';
import { searchBounds, type SearchRequest } from './search-bounds.js';

/** How many officials the home-event form lists in the card; the rest are found by typing (Data.Query 'contacts'). */
export const ATTENDEE_FIRST_PAGE = 25;

/**
 * Customers' officials whose name or customer's name matches what was typed in the home-event form's
 * attendee choice (a few per customer: 9,000 at 10× — every one in the card would be far over Teams' 28 KB).
 * Anyone on the people list may read them; someone outside it is refused.
 */
export async function searchContacts(ctx: AppContext, actor: ActorRef, search: SearchRequest): Promise<UseCaseResult<ContactName[]>> {
  const decision = await authorize(ctx, actor, 'read');
  if (!decision.ok) return forbidden(decision);
  const { text, top, skip } = searchBounds(search);
  return { ok: true, duplicate: false, value: await ctx.store.queries.searchContacts(text, top, skip) };
}

/**
 * The attendee choices of a home-event form: a first page, and the officials already chosen (a form coming
 * back with errors) added when they are not on it, so they stay selected. `selected` is the submitted value:
 * Teams sends a multi-select as "id1,id2".
 */
export async function attendeeChoices(ctx: AppContext, selected?: unknown): Promise<ContactName[]> {
  const page = await ctx.store.queries.searchContacts('', ATTENDEE_FIRST_PAGE, 0);
  const ids = (typeof selected === 'string' ? selected.split(',') : Array.isArray(selected) ? selected : []).filter(
    (id): id is string => typeof id === 'string' && id !== '' && !page.some((c) => c.id === id),
  );
  const chosen: ContactName[] = [];
  for (const id of ids.slice(0, ATTENDEE_FIRST_PAGE)) {
    const contact = await ctx.store.records.get('contact', id);
    const customer = contact ? await ctx.store.records.get('customer', contact.customerId) : undefined;
    if (contact && customer) chosen.push({ id: contact.id, name: contact.name, customerName: customer.name });
  }
  return [...chosen, ...page];
}
