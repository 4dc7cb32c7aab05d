import { addDays } from '../dates.js';
import type { ActorRef } from '../records/common.js';
import type { Complaint } from '../records/complaint.js';

/**
 * The complaint lifecycle (DOMAIN.md "Complaint", thesis 4.4.3):
 *   vastaanotettu → toimenpiteet-sovittu → korjattu → asiakas-informoitu → suljettu.
 * Each step records who moved it and when, and every open step carries a target date: seed 002's
 * "100-million-markka problem" is response times slipping from hours to weeks without anyone noticing,
 * so the card and the Monday digest always show when the next step is due. Pure functions, no I/O.
 */
export type ComplaintStatus = Complaint['status'];
export type ComplaintSeverity = Complaint['severity'];
/** The steps a user takes after the complaint is received, in order. */
export type ComplaintStep = Exclude<ComplaintStatus, 'vastaanotettu'>;

export const complaintSteps = ['toimenpiteet-sovittu', 'korjattu', 'asiakas-informoitu', 'suljettu'] as const satisfies readonly ComplaintStep[];

const order: readonly ComplaintStatus[] = ['vastaanotettu', ...complaintSteps];

/** The step that comes after `status`; none once the complaint is closed. */
export function nextStep(status: ComplaintStatus): ComplaintStep | undefined {
  return order[order.indexOf(status) + 1] as ComplaintStep | undefined;
}

export function isClosed(status: ComplaintStatus): boolean {
  return status === 'suljettu';
}

/**
 * Days from receiving a complaint to agreeing corrective actions, by severity. Counted from the day the
 * customer complained (not from the day it was typed in): the customer's clock started then.
 */
export const daysToAgreeActions: Record<ComplaintSeverity, number> = { vakava: 2, kohtalainen: 5, vahainen: 10 };
/** Days from the correction to telling the customer (thesis 4.4.3: "the social worker informed"). */
export const DAYS_TO_INFORM_AFTER_CORRECTION = 3;
/** Days from informing the customer to closing the complaint (the quality manager's summary). */
export const DAYS_TO_CLOSE_AFTER_INFORMING = 7;

/** Target date for agreeing corrective actions on a complaint received on `receivedDate`. */
export function actionsAgreedDue(receivedDate: string, severity: ComplaintSeverity): string {
  return addDays(receivedDate, daysToAgreeActions[severity]);
}

/** What each step needs besides who and when. */
export type StepInput =
  | { step: 'toimenpiteet-sovittu'; correctiveActions: string; correctionDue: string }
  | { step: 'korjattu' }
  | { step: 'asiakas-informoitu'; replyText?: string | undefined }
  | { step: 'suljettu' };

export interface StepContext {
  actor: ActorRef;
  /** The instant of the step (ISO). */
  at: string;
  /** The company's calendar date of `at` (Helsinki). */
  today: string;
}

export class ComplaintStepRefused extends Error {
  constructor(readonly from: ComplaintStatus, readonly to: ComplaintStep) {
    super(`a complaint that is ${from} cannot become ${to}`);
    this.name = 'ComplaintStepRefused';
  }
}

/**
 * The complaint after one step: status, who/when, and the next step's target date. Refuses anything but
 * the next step, so a stale card or a forged submit cannot skip or repeat a step. The caller bumps
 * version and updatedAt.
 */
export function advance(complaint: Complaint, input: StepInput, ctx: StepContext): Complaint {
  if (nextStep(complaint.status) !== input.step) throw new ComplaintStepRefused(complaint.status, input.step);
  const { nextStepDue: _previousTarget, ...rest } = complaint;
  switch (input.step) {
    case 'toimenpiteet-sovittu':
      return { ...rest, status: input.step, correctiveActions: input.correctiveActions, actionsAgreedAt: ctx.at, actionsAgreedBy: ctx.actor, nextStepDue: input.correctionDue };
    case 'korjattu':
      return { ...rest, status: input.step, correctedAt: ctx.at, correctedBy: ctx.actor, nextStepDue: addDays(ctx.today, DAYS_TO_INFORM_AFTER_CORRECTION) };
    case 'asiakas-informoitu':
      return {
        ...rest,
        status: input.step,
        ...(input.replyText ? { replyText: input.replyText } : {}),
        informedAt: ctx.at,
        informedBy: ctx.actor,
        nextStepDue: addDays(ctx.today, DAYS_TO_CLOSE_AFTER_INFORMING),
      };
    case 'suljettu':
      // Closed: nothing is due any more.
      return { ...rest, status: input.step, closedAt: ctx.at, closedBy: ctx.actor };
  }
}

export interface ComplaintHistoryEntry {
  status: ComplaintStatus;
  by: ActorRef;
  at: string;
}

/** Every step taken so far, oldest first: received (by the recorder), then each later step's who/when. */
export function complaintHistory(complaint: Complaint): ComplaintHistoryEntry[] {
  const steps: [ComplaintStatus, ActorRef | undefined, string | undefined][] = [
    ['vastaanotettu', complaint.recordedBy, complaint.createdAt],
    ['toimenpiteet-sovittu', complaint.actionsAgreedBy, complaint.actionsAgreedAt],
    ['korjattu', complaint.correctedBy, complaint.correctedAt],
    ['asiakas-informoitu', complaint.informedBy, complaint.informedAt],
    ['suljettu', complaint.closedBy, complaint.closedAt],
  ];
  return steps.flatMap(([status, by, at]) => (by && at ? [{ status, by, at }] : []));
}

/** The latest step taken: who moved the complaint to its current status, and when. */
export function lastStep(complaint: Complaint): ComplaintHistoryEntry {
  const history = complaintHistory(complaint);
  return history[history.length - 1] ?? { status: complaint.status, by: complaint.recordedBy, at: complaint.createdAt };
}
