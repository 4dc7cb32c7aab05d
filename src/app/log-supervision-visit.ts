import { logSupervisionVisitCommand } from '../domain/commands/log-supervision-visit.js';
import type { SupervisionVisitLoggedEvent } from '../domain/events/visit-events.js';
import { firstVersion, type ActorRef } from '../domain/records/common.js';
import type { SupervisionVisit } from '../domain/records/supervision-visit.js';
import { fieldErrorsFrom } from '../domain/validation.js';
import type { AppContext } from './app-context.js';
import { commitEntry, correctionOf, entryToCorrect, nextVersion } from './correct-entry.js';
import { referencedRecords } from './referenced-records.js';
import { authorize, homeScope } from './authorize.js';
import { listPeople } from './people.js';
import { salesMentions } from './sales-mentions.js';
import { forbidden, invalid, type UseCaseResult } from './result.js';

export interface VisitLogged {
  visit: SupervisionVisit;
  customerName: string;
  careHomeName: string;
}

/**
 * The regional director logs a municipal supervision visit (thesis 6.1, 6.3). Management and sales are
 * told; a special mention (erityismaininta) @mentions everyone holding the sales role.
 */
export async function logSupervisionVisit(ctx: AppContext, actor: ActorRef, input: unknown): Promise<UseCaseResult<VisitLogged>> {
  // In edit mode (`omat` → Muokkaa, a receipt's Muokkaa) the form also names the entry and the version it showed.
  const { correction, fields: submitted, malformed } = correctionOf(input);
  if (malformed) return { ok: false, reason: 'conflict', message: 'mine.gone' };
  const parsed = logSupervisionVisitCommand.safeParse(submitted);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const { requestId, ...fields } = parsed.data;
  const { customer, home, errors } = await referencedRecords(ctx, fields);
  if (!customer || !home) return invalid(errors);
  const mayRecord = await authorize(ctx, actor, 'recordForHome', homeScope(home));
  if (!mayRecord.ok) return forbidden(mayRecord);

  const target = correction ? await entryToCorrect(ctx, actor, 'supervisionVisit', correction) : undefined;
  if (target && !target.ok) return target.refusal;
  const replaces = target?.record;

  const at = ctx.clock.now().toISOString();
  const visit: SupervisionVisit = { ...(replaces ? nextVersion(replaces, at) : firstVersion(requestId, actor, at)), ...fields, recordedBy: replaces?.recordedBy ?? actor };
  const people = await listPeople(ctx);
  const event: SupervisionVisitLoggedEvent = {
    type: 'supervisionVisit.logged',
    eventId: ctx.newId(),
    occurredAt: at,
    actor,
    recordKey: `supervisionVisit:${visit.id}`,
    data: {
      visitId: visit.id,
      customerId: customer.id,
      customerName: customer.name,
      careHomeId: home.id,
      careHomeName: home.name,
      region: home.region,
      date: visit.date,
      participants: visit.participants,
      findings: visit.findings,
      followUpActions: visit.followUpActions,
      specialMention: visit.specialMention,
      mentions: salesMentions(people, visit.specialMention),
      recordedBy: visit.recordedBy,
    },
  };
  const value: VisitLogged = { visit, customerName: customer.name, careHomeName: home.name };
  return commitEntry(ctx, { at, actor, kind: 'supervisionVisit', record: visit, replaces, event, people, idempotencyKey: `logSupervisionVisit:${requestId}`, result: value });
}
