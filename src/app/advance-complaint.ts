import { complaintCardData } from '../domain/complaints/complaint-card-data.js';
import { advance, ComplaintStepRefused, lastStep, type StepInput } from '../domain/complaints/complaint-lifecycle.js';
import { advanceComplaintCommand, type AdvanceComplaintCommand } from '../domain/commands/advance-complaint.js';
import { localDate } from '../domain/dates.js';
import { complaintRecordKey, type ComplaintChangedEvent } from '../domain/events/complaint-events.js';
import type { ActorRef } from '../domain/records/common.js';
import type { Complaint } from '../domain/records/complaint.js';
import { fieldErrorsFrom } from '../domain/validation.js';
import { notificationsFor } from '../notify/routing.js';
import { ConcurrencyConflict } from '../store/store-port.js';
import type { AppContext } from './app-context.js';
import { authorize, homeScope } from './authorize.js';
import { commitChanges } from './commit-changes.js';
import { forbidden, invalid, type UseCaseResult } from './result.js';

export type AdvanceComplaintOutcome =
  | { advanced: true; complaint: Complaint; customerName: string; careHomeName: string }
  /** Someone else moved the complaint first (the card was stale): who, to which status, when. */
  | { advanced: false; complaint: Complaint; movedBy: ActorRef; movedAt: string; customerName: string; careHomeName: string };

/**
 * The next step of a complaint, from its card (thesis 4.4.3): corrective actions agreed, corrected,
 * the customer informed (with the regional director's written reply when needed), closed. Only the
 * roles responsible for complaints may move it, and only a regional or business director may give the
 * written reply. The write names the version the card showed: of two people moving it at once the first
 * wins and the other is told who was first. Every card posted for the complaint updates in place.
 */
export async function advanceComplaint(ctx: AppContext, actor: ActorRef, input: unknown): Promise<UseCaseResult<AdvanceComplaintOutcome>> {
  const now = ctx.clock.now();
  const today = localDate(now);
  const parsed = advanceComplaintCommand(today).safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const command = parsed.data;
  const complaint = await ctx.store.records.get('complaint', command.complaintId);
  if (!complaint) return invalid([{ field: 'complaintId', key: 'complaint.unknown' }]);

  const [customer, home] = await Promise.all([
    ctx.store.records.get('customer', complaint.customerId),
    ctx.store.records.get('careHome', complaint.careHomeId),
  ]);
  if (!customer || !home) return invalid([{ field: 'complaintId', key: 'complaint.unknown' }]);

  const allowed = await authorize(ctx, actor, 'advanceComplaint', homeScope(home));
  if (!allowed.ok) return forbidden(allowed);
  if (command.step === 'asiakas-informoitu' && command.replyText) {
    const mayReply = await authorize(ctx, actor, 'replyToComplaint', homeScope(home));
    if (!mayReply.ok) return forbidden(mayReply);
  }
  const names = { customerName: customer.name, careHomeName: home.name };

  const firstCame = async (): Promise<UseCaseResult<AdvanceComplaintOutcome>> => {
    const current = (await ctx.store.records.get('complaint', complaint.id)) ?? complaint;
    const moved = lastStep(current);
    // The same person's second click on the same card: their own step, not a race lost.
    if (current.status === command.step && moved.by.id === actor.id) return { ok: true, duplicate: true, value: { advanced: true, complaint: current, ...names } };
    return { ok: true, duplicate: false, value: { advanced: false, complaint: current, movedBy: moved.by, movedAt: moved.at, ...names } };
  };
  if (complaint.version !== command.version) return firstCame();

  const at = now.toISOString();
  let next: Complaint;
  try {
    next = { ...advance(complaint, stepInput(command), { actor, at, today }), version: complaint.version + 1, updatedAt: at };
  } catch (error) {
    if (error instanceof ComplaintStepRefused) return { ok: false, reason: 'conflict', message: 'complaint.notNextStep' };
    throw error;
  }
  const event: ComplaintChangedEvent = {
    type: 'complaint.changed',
    eventId: ctx.newId(),
    occurredAt: at,
    actor,
    recordKey: complaintRecordKey(next.id),
    data: complaintCardData(next, customer, home),
  };
  try {
    return await commitChanges<AdvanceComplaintOutcome>(ctx, {
      at,
      by: actor,
      idempotencyKey: `advanceComplaint:${command.requestId}:${actor.id}`,
      writes: [{ kind: 'complaint', record: next, expectedVersion: complaint.version }],
      outbox: notificationsFor(event),
      result: { advanced: true, complaint: next, ...names },
    });
  } catch (error) {
    if (error instanceof ConcurrencyConflict) return firstCame();
    throw error;
  }
}

function stepInput(command: AdvanceComplaintCommand): StepInput {
  switch (command.step) {
    case 'toimenpiteet-sovittu':
      return { step: command.step, correctiveActions: command.correctiveActions, correctionDue: command.correctionDue };
    case 'asiakas-informoitu':
      return { step: command.step, replyText: command.replyText };
    default:
      return { step: command.step };
  }
}
