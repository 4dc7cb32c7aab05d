import { z } from 'zod';
import { instantAt } from '../dates.js';
import { isoDate, recordId } from '../records/common.js';
import { developmentMeetingInputSchema } from '../records/development-meeting.js';

/** A wall-clock time as Input.Time sends it: `HH:mm`, 24-hour. */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'meeting.invalidTime' });

/** The invitation's fields (issue 12): set by `scheduleMeeting` and the calendar, never by the memo form. */
const scheduleFields = { organizerEmail: true, agenda: true, attendees: true, state: true, icalUid: true, joinUrl: true, sequence: true, ics: true, cancelComment: true } as const;

/**
 * What the home director submits with `kokous` / `meeting`: the memo's fields, with the meeting's date and
 * start and end time as typed (the record keeps instants, see `meetingInstants`). The Outlook event id
 * arrives with the invite (a later issue), who recorded it is the signed-in user. The record schema's
 * refinements (end after start, a customer for the yearly meeting) run on the record the use case builds.
 */
export const recordDevelopmentMeetingCommand = z
  .object(developmentMeetingInputSchema.shape)
  .omit({ startsAt: true, endsAt: true, calendarEventId: true, recordedBy: true, ...scheduleFields })
  .extend({ date: isoDate, startTime: clockTime, endTime: clockTime, requestId: recordId });
export type RecordDevelopmentMeetingCommand = z.infer<typeof recordDevelopmentMeetingCommand>;

/** The meeting's start and end as instants: the times are Helsinki wall-clock times on the date. */
export function meetingInstants(date: string, startTime: string, endTime: string): { startsAt: string; endsAt: string } {
  return { startsAt: instantAt(date, startTime).toISOString(), endsAt: instantAt(date, endTime).toISOString() };
}

/** The record's fields are instants; the form's are the date and times they came from. */
export const formFieldOfRecordField: Record<string, string> = { startsAt: 'startTime', endsAt: 'endTime' };
