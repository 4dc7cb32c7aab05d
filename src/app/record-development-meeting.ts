import { formFieldOfRecordField, meetingInstants, recordDevelopmentMeetingCommand } from '../domain/commands/record-development-meeting.js';
import type { DevelopmentMeetingRecordedEvent } from '../domain/events/meeting-events.js';
import { firstVersion, type ActorRef } from '../domain/records/common.js';
import { developmentMeetingInputSchema, type DevelopmentMeeting } from '../domain/records/development-meeting.js';
import { fieldErrorsFrom } from '../domain/validation.js';
import type { AppContext } from './app-context.js';
import { commitEntry, correctionOf, entryToCorrect, nextVersion } from './correct-entry.js';
import { referencedRecords } from './referenced-records.js';
import { authorize, homeScope } from './authorize.js';
import { listPeople } from './people.js';
import { forbidden, invalid, type UseCaseResult } from './result.js';

export interface DevelopmentMeetingRecorded {
  meeting: DevelopmentMeeting;
  customerName?: string | undefined;
  careHomeName?: string | undefined;
}

/**
 * The home director records a development-meeting memo (thesis 6.3): the yearly meeting with the
 * customer (head of elderly care, social worker, regional director, home director) or the joint
 * meeting of service production and sales every three months. "Development meeting → business director
 * and sales (memo in the CRM + notice)": management and sales get the memo. The Outlook invite
 * (calendarEventId) comes with a later issue.
 */
export async function recordDevelopmentMeeting(ctx: AppContext, actor: ActorRef, input: unknown): Promise<UseCaseResult<DevelopmentMeetingRecorded>> {
  // In edit mode (`omat` → Muokkaa, a receipt's Muokkaa) the form also names the entry and the version it showed.
  const { correction, fields: submitted, malformed } = correctionOf(input);
  if (malformed) return { ok: false, reason: 'conflict', message: 'mine.gone' };
  const parsed = recordDevelopmentMeetingCommand.safeParse(submitted);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const { requestId, date, startTime, endTime, ...fields } = parsed.data;
  // The record schema holds the rules across fields: the end after the start, a customer for the yearly one.
  const checked = developmentMeetingInputSchema.safeParse({ ...fields, ...meetingInstants(date, startTime, endTime), recordedBy: actor });
  if (!checked.success) return invalid(fieldErrorsFrom(checked.error).map((e) => ({ ...e, field: formFieldOfRecordField[e.field] ?? e.field })));
  const { customer, home, errors } = await referencedRecords(ctx, fields);
  if (errors.length > 0) return invalid(errors);
  // The yearly meeting is a home's; the quarterly joint meeting of production and sales is the company's.
  const mayRecord = await authorize(ctx, actor, home ? 'recordForHome' : 'logContact', home ? homeScope(home) : undefined);
  if (!mayRecord.ok) return forbidden(mayRecord);

  const target = correction ? await entryToCorrect(ctx, actor, 'developmentMeeting', correction) : undefined;
  if (target && !target.ok) return target.refusal;
  const replaces = target?.record;

  const at = ctx.clock.now().toISOString();
  const meeting: DevelopmentMeeting = {
    ...(replaces ? nextVersion(replaces, at) : firstVersion(requestId, actor, at)),
    ...checked.data,
    recordedBy: replaces?.recordedBy ?? actor,
    ...(replaces?.calendarEventId ? { calendarEventId: replaces.calendarEventId } : {}),
  };
  const event: DevelopmentMeetingRecordedEvent = {
    type: 'developmentMeeting.recorded',
    eventId: ctx.newId(),
    occurredAt: at,
    actor,
    recordKey: `developmentMeeting:${meeting.id}`,
    data: {
      meetingId: meeting.id,
      kind: meeting.kind,
      customerId: customer?.id,
      customerName: customer?.name,
      careHomeId: home?.id,
      careHomeName: home?.name,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      participants: meeting.participants,
      memo: meeting.memo,
      feedback: meeting.feedback,
      developmentItems: meeting.developmentItems,
      recordedBy: meeting.recordedBy,
    },
  };
  const value: DevelopmentMeetingRecorded = { meeting, customerName: customer?.name, careHomeName: home?.name };
  return commitEntry(ctx, {
    at,
    actor,
    kind: 'developmentMeeting',
    record: meeting,
    replaces,
    event,
    people: await listPeople(ctx),
    idempotencyKey: `recordDevelopmentMeeting:${requestId}`,
    result: value,
  });
}
