import { complaintCardData } from '../domain/complaints/complaint-card-data.js';
import { actionsAgreedDue } from '../domain/complaints/complaint-lifecycle.js';
import { receiveComplaintCommand } from '../domain/commands/receive-complaint.js';
import { localDate } from '../domain/dates.js';
import { complaintRecordKey, type ComplaintReceivedEvent } from '../domain/events/complaint-events.js';
import { firstVersion, type ActorRef } from '../domain/records/common.js';
import type { Complaint } from '../domain/records/complaint.js';
import { fieldErrorsFrom } from '../domain/validation.js';
import { notificationsFor } from '../notify/routing.js';
import { ConcurrencyConflict } from '../store/store-port.js';
import type { AppContext } from './app-context.js';
import { referencedRecords } from './referenced-records.js';
import { authorize, homeScope } from './authorize.js';
import { commitChanges } from './commit-changes.js';
import { listPeople } from './people.js';
import { forbidden, invalid, type UseCaseResult } from './result.js';

export interface ComplaintReceived {
  complaint: Complaint;
  customerName: string;
  careHomeName: string;
}

/**
 * A municipality's complaint, recorded by the home director (thesis 4.4.3). It starts as received, with
 * a target date for agreeing corrective actions set by its severity (seed 002: response times must not
 * slip unnoticed). Management and every quality manager get the full card, sales a summary without the
 * free text (src/notify/routing.ts). The form's request id is the complaint's id: a repeated submit stores one.
 */
export async function receiveComplaint(ctx: AppContext, actor: ActorRef, input: unknown): Promise<UseCaseResult<ComplaintReceived>> {
  const now = ctx.clock.now();
  const today = localDate(now);
  const parsed = receiveComplaintCommand(today).safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const { requestId, ...fields } = parsed.data;
  const { customer, home, errors } = await referencedRecords(ctx, fields);
  if (!customer || !home) return invalid(errors);
  const mayRecord = await authorize(ctx, actor, 'recordForHome', homeScope(home));
  if (!mayRecord.ok) return forbidden(mayRecord);

  const at = now.toISOString();
  const complaint: Complaint = {
    ...firstVersion(requestId, actor, at),
    ...fields,
    status: 'vastaanotettu',
    nextStepDue: actionsAgreedDue(fields.receivedDate, fields.severity),
    recordedBy: actor,
  };
  const event: ComplaintReceivedEvent = {
    type: 'complaint.received',
    eventId: ctx.newId(),
    occurredAt: at,
    actor,
    recordKey: complaintRecordKey(complaint.id),
    data: complaintCardData(complaint, customer, home),
  };
  const value: ComplaintReceived = { complaint, customerName: customer.name, careHomeName: home.name };
  try {
    return await commitChanges(ctx, {
      at,
      by: actor,
      idempotencyKey: `receiveComplaint:${requestId}`,
      writes: [{ kind: 'complaint', record: complaint, expectedVersion: null }],
      outbox: notificationsFor(event, await listPeople(ctx)),
      result: value,
    });
  } catch (error) {
    // The same form submitted twice at once: the other request stored it; answer with what is stored.
    if (!(error instanceof ConcurrencyConflict)) throw error;
    const stored = await ctx.store.records.get('complaint', requestId);
    if (!stored) throw error;
    return { ok: true, duplicate: true, value: { complaint: stored, customerName: customer.name, careHomeName: home.name } };
  }
}
