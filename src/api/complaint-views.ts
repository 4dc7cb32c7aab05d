import type { AppContext } from '../app/app-context.js';
import { complaintView } from '../app/complaint-view.js';
import { nextStep } from '../domain/complaints/complaint-lifecycle.js';
import type { ActorRef } from '../domain/records/common.js';
import { complaintStatuses, type Complaint } from '../domain/records/complaint.js';
import type { Person } from '../domain/records/person.js';
import { apiComplaintOf, mayReadComplaintText } from './api-views.js';
import type { ComplaintBoard, ComplaintDetail, ComplaintsQuery } from './schemas/complaints.js';

/**
 * The complaints page's views (issue 13): the board and one complaint, in the shapes of src/api/schemas/complaints.ts,
 * redacted as the bot's cards are (free text only for readConfidential in the complaint's home's scope).
 */

/** The statuses a board shows without a status filter: every open one, in the lifecycle's order. */
const openStatuses = complaintStatuses.filter((status) => status !== 'suljettu');

function onBoard(complaint: Complaint, textHidden: boolean, names: { customer: string; home: string }, today: string) {
  return {
    ...apiComplaintOf(complaint, textHidden),
    customerName: names.customer,
    careHomeName: names.home,
    nextStep: nextStep(complaint.status),
    overdue: complaint.nextStepDue !== undefined && complaint.nextStepDue < today,
  };
}

/** The board: one bounded column per status (the filter's, or every open one), each with its true count. */
export async function complaintBoard(ctx: AppContext, person: Person, today: string, query: ComplaintsQuery): Promise<ComplaintBoard> {
  const statuses = query.status ? [query.status] : openStatuses;
  const [{ complaints, counts }, homes, customers] = await Promise.all([
    ctx.store.queries.complaintBoard({ statuses, careHomeId: query.careHomeId, severity: query.severity, limitPerColumn: query.limit }),
    ctx.store.queries.careHomes(),
    ctx.store.queries.customerNames(),
  ]);
  const homeById = new Map(homes.map((h) => [h.id, h]));
  const customerName = new Map(customers.map((c) => [c.id, c.name]));
  const columns = statuses.map((status) => ({
    status,
    count: counts.find((c) => c.status === status)?.count ?? 0,
    complaints: complaints
      .filter((c) => c.status === status)
      .map((c) => onBoard(c, !mayReadComplaintText(person, homeById, c.careHomeId), { customer: customerName.get(c.customerId) ?? '?', home: homeById.get(c.careHomeId)?.name ?? '?' }, today)),
  }));
  return { today, columns, total: columns.reduce((n, c) => n + c.count, 0) };
}

/** One complaint with its handling so far, through the bot's own complaintView; undefined for an unknown one. */
export async function complaintDetail(ctx: AppContext, actor: ActorRef, complaintId: string, today: string): Promise<ComplaintDetail | undefined> {
  const view = await complaintView(ctx, actor, complaintId);
  if (!view || view.complaint.withdrawnAt) return undefined;
  const { complaint, data } = view;
  return {
    today,
    complaint: { ...onBoard(complaint, !view.confidential, { customer: data.customerName, home: data.careHomeName }, today), region: data.region },
    history: data.history,
    mayAdvance: view.advance && nextStep(complaint.status) !== undefined,
  };
}
