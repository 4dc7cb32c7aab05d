import { complaintCardData } from '../domain/complaints/complaint-card-data.js';
import { actionsAgreedDue } from '../domain/complaints/complaint-lifecycle.js';
import { receiveComplaintCommand } from '../domain/commands/receive-complaint.js';
import { localDate } from '../domain/dates.js';
import { complaintRecordKey, type ComplaintReceivedEvent } from '../domain/events/complaint-events.js';
import { firstVersion, type ActorRef } from '../domain/records/common.js';
import type { CareHome } from '../domain/records/care-home.js';
import type { Complaint } from '../domain/records/complaint.js';
import type { Customer } from '../domain/records/customer.js';
import { fieldErrorsFrom } from '../domain/validation.js';
import { notificationsFor } from '../notify/routing.js';
import { ConcurrencyConflict } from '../store/store-port.js';
import type { AppContext } from './app-context.js';
import { commitEntry, correctionOf, entryToCorrect, nextVersion } from './correct-entry.js';
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
 * A customer's complaint, recorded by the home director (thesis 4.4.3). It starts as received, with
 * a target date for agreeing corrective actions set by its severity (seed 002: response times must not
 * slip unnoticed). Management and every quality manager get the full card, sales a summary without the
 * free text (src/notify/routing.ts). The form's request id is the complaint's id: a repeated submit stores one.
 */
export async function receiveComplaint(ctx: AppContext, actor: ActorRef, input: unknown): Promise<UseCaseResult<ComplaintReceived>> {
  const now = ctx.clock.now();
  const today = localDate(now);
  // In edit mode (`omat` → Muokkaa) the form also names the complaint and the version it showed.
  const { correction, fields: submitted, malformed } = correctionOf(input);
  if (malformed) return { ok: false, reason: 'conflict', message: 'mine.gone' };
  const parsed = receiveComplaintCommand(today).safeParse(submitted);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const { requestId, ...fields } = parsed.data;
  const { customer, home, errors } = await referencedRecords(ctx, fields);
  if (!customer || !home) return invalid(errors);
  const mayRecord = await authorize(ctx, actor, 'recordForHome', homeScope(home));
  if (!mayRecord.ok) return forbidden(mayRecord);

  const target = correction ? await entryToCorrect(ctx, actor, 'complaint', correction) : undefined;
  if (target && !target.ok) return target.refusal;
  const at = now.toISOString();
  if (target) return correctComplaint(ctx, { actor, at, replaces: target.record, fields, customer, home, requestId });
  const complaint: Complaint = {
    ...firstVersion(requestId, actor, at),
    ...fields,
    status: 'vastaanotettu',
    nextStepDue: actionsAgreedDue(fields.receivedDate, fields.severity),
    recordedBy: actor,
  };
  const { event, value } = received(ctx, at, actor, complaint, customer, home);
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

/**
 * A complaint corrected with `omat` → Muokkaa (issue 11): what was recorded of it (customer, home, date,
 * channel, matter, severity) changes; its handling steps stay. A complaint still waiting for its actions gets
 * its target date from the corrected date and severity. The cards posted for it update in place.
 */
async function correctComplaint(
  ctx: AppContext,
  c: { actor: ActorRef; at: string; replaces: Complaint; fields: Omit<Complaint, keyof ReturnType<typeof nextVersion> | 'status' | 'recordedBy'>; customer: Customer; home: CareHome; requestId: string },
): Promise<UseCaseResult<ComplaintReceived>> {
  const { actor, at, replaces, fields, customer, home } = c;
  const complaint: Complaint = {
    ...replaces,
    ...nextVersion(replaces, at),
    ...fields,
    nextStepDue: replaces.status === 'vastaanotettu' ? actionsAgreedDue(fields.receivedDate, fields.severity) : replaces.nextStepDue,
  };
  const { event, value } = received(ctx, at, actor, complaint, customer, home);
  return commitEntry(ctx, { at, actor, kind: 'complaint', record: complaint, replaces, event, people: await listPeople(ctx), idempotencyKey: `receiveComplaint:${c.requestId}`, result: value });
}

/** The event a stored (or corrected) complaint posts its cards with, and what the use case answers. */
function received(
  ctx: AppContext,
  at: string,
  actor: ActorRef,
  complaint: Complaint,
  customer: Pick<Customer, 'id' | 'name'>,
  home: Pick<CareHome, 'id' | 'name' | 'region'>,
): { event: ComplaintReceivedEvent; value: ComplaintReceived } {
  const event: ComplaintReceivedEvent = {
    type: 'complaint.received',
    eventId: ctx.newId(),
    occurredAt: at,
    actor,
    recordKey: complaintRecordKey(complaint.id),
    data: complaintCardData(complaint, customer, home),
  };
  return { event, value: { complaint, customerName: customer.name, careHomeName: home.name } };
}
