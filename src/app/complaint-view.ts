import { complaintCardData } from '../domain/complaints/complaint-card-data.js';
import type { ComplaintCardData } from '../domain/events/complaint-events.js';
import type { ActorRef } from '../domain/records/common.js';
import type { Complaint } from '../domain/records/complaint.js';
import type { AppContext } from './app-context.js';
import { allows, homeScope, personOf } from './authorize.js';

export interface ComplaintView {
  /** The record as stored (its free text included: `confidential` says whether this person may see it). */
  complaint: Complaint;
  data: ComplaintCardData;
  /** May take the next step here (advanceComplaint on the complaint's home). */
  advance: boolean;
  /** May read the free text (otherwise the summary, as in the sales channel). */
  confidential: boolean;
}

/**
 * A complaint as one person sees it on its card: the current snapshot, whether they may take the next step,
 * and whether they may read its free text (DOMAIN.md, "Who may see and do what"). The person's own view of a
 * complaint card, wherever the card was posted, is built from it.
 */
export async function complaintView(ctx: AppContext, actor: ActorRef, complaintId: string): Promise<ComplaintView | undefined> {
  const complaint = await ctx.store.records.get('complaint', complaintId);
  if (!complaint) return undefined;
  const [customer, home, person] = await Promise.all([
    ctx.store.records.get('customer', complaint.customerId),
    ctx.store.records.get('careHome', complaint.careHomeId),
    personOf(ctx, actor),
  ]);
  if (!customer || !home || !allows(person, 'read')) return undefined;
  const scope = homeScope(home);
  return { complaint, data: complaintCardData(complaint, customer, home), advance: allows(person, 'advanceComplaint', scope), confidential: allows(person, 'readConfidential', scope) };
}
