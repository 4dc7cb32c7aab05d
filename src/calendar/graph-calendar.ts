import { z } from 'zod';
import type { GraphClient } from '../graph/graph-client.js';
import { GraphAuthError, GraphRequestError, GraphRequestRefusedError, GraphThrottledError } from '../graph/graph-errors.js';
import { parseRetryAfterMs } from '../graph/retry-policy.js';
import { CalendarFailed, type CalendarEventRef, type CalendarPort, type HelsinkiTime, type InviteAttendee, type MeetingInvite } from './calendar-port.js';
import { MailboxLimiter } from './graph-mailbox-limiter.js';

/**
 * The Graph calendar adapter (issue 12, tenant mode): a development meeting becomes an Outlook event in the
 * organizer's calendar, and Outlook sends the invitations, the updates and the cancellation. Every call goes
 * through the one Graph client pipeline (src/graph/graph-client.ts), so a 429/503/504 is retried there
 * honouring Retry-After within the time budget; what is still failing comes out as CalendarFailed, classified
 * like a card post so the outbox retries it ("invite pending") or gives up.
 *
 * - create: POST /users/{organizer}/events ("Create event", https://learn.microsoft.com/graph/api/user-post-events).
 *   `start`/`end` are wall-clock times with `timeZone: "FLE Standard Time"` — the Windows name of the Helsinki
 *   zone (Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius; UTC+2 with EU summer time). Graph's dateTimeTimeZone
 *   takes the Windows names and "Etc/GMT" offsets; `Europe/Helsinki` is not in its list of supported values
 *   (https://learn.microsoft.com/graph/api/resources/datetimetimezone), so the IANA name is never sent. The
 *   `Prefer: outlook.timezone="FLE Standard Time"` header makes Graph answer start/end in the same zone
 *   (https://learn.microsoft.com/graph/api/event-get, "Prefer: outlook.timezone"), so what is read back is
 *   what the form said. `transactionId` ("a custom identifier specified by a client app for the server to
 *   avoid redundant POST operations in case of client retries to create the same event",
 *   https://learn.microsoft.com/graph/api/resources/event) comes from the scheduling form's request id: the
 *   pipeline retries a POST after a 429/503/504, and the outbox retries it after a lost answer — neither makes
 *   a second event. `isOnlineMeeting: true` + `onlineMeetingProvider: "teamsForBusiness"` asks for a Teams
 *   meeting ("Create or set an event as an online meeting", https://learn.microsoft.com/graph/outlook-calendar-online-meetings);
 *   an organizer whose mailbox cannot host one still gets the event (201) with `isOnlineMeeting: false` and no
 *   `onlineMeeting`, and then we return no joinUrl rather than a broken link.
 * - update: PATCH /users/{organizer}/events/{id} (200); Outlook sends the attendees the update.
 * - cancel: POST /users/{organizer}/events/{id}/cancel `{ Comment }` (202, no body). Only the organizer may
 *   cancel (an attendee gets 400), and unlike DELETE it tells the attendees, with our comment
 *   (https://learn.microsoft.com/graph/api/event-cancel).
 *
 * The organizer mailbox is the scheduling person's (CALENDAR_ORGANIZER_SOURCE=person: invite.organizer.email)
 * or one shared mailbox (=mailbox: CALENDAR_ORGANIZER_MAILBOX, e.g. kehityskokoukset@contoso.fi), where the
 * scheduling person is then invited like the others. Update and cancel go to the same mailbox, so the caller
 * passes the meeting's original organizer in every invite. At most four calls are in flight per mailbox
 * (Outlook's MailboxConcurrency limit, graph-mailbox-limiter.ts).
 *
 * UNVERIFIED against a real tenant: the request shapes follow the Graph v1.0 reference cited above; the tests
 * run them against the Graph double (test/support/graph-double/calendar-events.ts).
 */
export const graphTimeZone = 'FLE Standard Time';
export const preferTimeZone = `outlook.timezone="${graphTimeZone}"`;

export type OrganizerSource = { kind: 'person' } | { kind: 'mailbox'; mailbox: string };

export interface GraphCalendarOptions {
  organizer: OrganizerSource;
  /** Calls in flight per mailbox; Outlook allows four. */
  perMailbox?: number;
}

/** What we read of Graph's event answer; everything else is Outlook's business. */
const eventAnswerSchema = z.object({
  id: z.string().min(1),
  iCalUId: z.string().optional().nullable(),
  isOnlineMeeting: z.boolean().optional().nullable(),
  onlineMeeting: z.object({ joinUrl: z.string().optional().nullable() }).passthrough().optional().nullable(),
});
type EventAnswer = z.infer<typeof eventAnswerSchema>;

export class GraphCalendar implements CalendarPort {
  readonly kind = 'graph' as const;
  private readonly limiter: MailboxLimiter;

  constructor(
    private readonly graph: GraphClient,
    private readonly options: GraphCalendarOptions,
  ) {
    this.limiter = new MailboxLimiter(options.perMailbox ?? 4);
  }

  /** The mailbox whose calendar holds the meeting's event. */
  mailboxOf(invite: MeetingInvite): string {
    return this.options.organizer.kind === 'mailbox' ? this.options.organizer.mailbox : invite.organizer.email;
  }

  async create(invite: MeetingInvite): Promise<CalendarEventRef> {
    const mailbox = this.mailboxOf(invite);
    const body = {
      ...this.eventFields(invite, mailbox),
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      transactionId: invite.transactionId,
    };
    const answer = await this.send(mailbox, 'creating the event', () =>
      this.graph.post<unknown>(eventsPath(mailbox), body, { headers: { Prefer: preferTimeZone } }),
    );
    return refOf(parseAnswer(answer, mailbox));
  }

  async update(event: CalendarEventRef, invite: MeetingInvite): Promise<CalendarEventRef> {
    const mailbox = this.mailboxOf(invite);
    const answer = await this.send(mailbox, `updating event ${event.eventId}`, () =>
      this.graph.patch<unknown>(eventPath(mailbox, event.eventId), this.eventFields(invite, mailbox), { headers: { Prefer: preferTimeZone } }),
    );
    const parsed = eventAnswerSchema.safeParse(answer);
    if (!parsed.success) return { ...event, ics: undefined };
    const ref = refOf(parsed.data);
    return { eventId: event.eventId, iCalUId: ref.iCalUId ?? event.iCalUId, joinUrl: ref.joinUrl ?? event.joinUrl };
  }

  async cancel(event: CalendarEventRef, invite: MeetingInvite, comment: string): Promise<CalendarEventRef> {
    const mailbox = this.mailboxOf(invite);
    await this.send(mailbox, `cancelling event ${event.eventId}`, () =>
      this.graph.post<unknown>(`${eventPath(mailbox, event.eventId)}/cancel`, { Comment: comment }),
    );
    return { eventId: event.eventId, iCalUId: event.iCalUId, joinUrl: event.joinUrl };
  }

  /** subject, body, start/end, attendees and (quarterly) recurrence: what both create and update send. */
  private eventFields(invite: MeetingInvite, mailbox: string): Record<string, unknown> {
    return {
      subject: invite.subject,
      body: { contentType: 'text', content: invite.agenda },
      start: { dateTime: graphDateTime(invite.start), timeZone: graphTimeZone },
      end: { dateTime: graphDateTime(invite.end), timeZone: graphTimeZone },
      attendees: graphAttendees(invite, mailbox),
      ...(invite.recurrence ? { recurrence: quarterlyRecurrence(invite.start) } : {}),
    };
  }

  private async send<T>(mailbox: string, what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await this.limiter.run(mailbox, call);
    } catch (error) {
      throw calendarFailure(error, mailbox, what);
    }
  }
}

/** The adapter for CALENDAR=graph; undefined when the configuration asks for another calendar. */
export function graphCalendarFrom(
  config: { CALENDAR?: 'ics' | 'graph'; CALENDAR_ORGANIZER_SOURCE?: 'person' | 'mailbox'; CALENDAR_ORGANIZER_MAILBOX?: string | undefined },
  graph: GraphClient,
): GraphCalendar | undefined {
  if (config.CALENDAR !== 'graph') return undefined;
  if (config.CALENDAR_ORGANIZER_SOURCE === 'mailbox') {
    // config.ts refuses source=mailbox without a mailbox; this guards a hand-made config.
    if (!config.CALENDAR_ORGANIZER_MAILBOX) throw new Error('CALENDAR_ORGANIZER_SOURCE=mailbox needs CALENDAR_ORGANIZER_MAILBOX');
    return new GraphCalendar(graph, { organizer: { kind: 'mailbox', mailbox: config.CALENDAR_ORGANIZER_MAILBOX } });
  }
  return new GraphCalendar(graph, { organizer: { kind: 'person' } });
}

// --- request shapes ---

/** `/users/{id | userPrincipalName}/events`; the @ of an address stays readable, as in Graph's reference. */
export function eventsPath(mailbox: string): string {
  return `/users/${encodeURIComponent(mailbox).replace(/%40/g, '@')}/events`;
}

export function eventPath(mailbox: string, eventId: string): string {
  return `${eventsPath(mailbox)}/${encodeURIComponent(eventId)}`;
}

/** 'YYYY-MM-DDTHH:mm' (Helsinki wall clock) → Graph's 'YYYY-MM-DDTHH:mm:00', read in FLE Standard Time. */
export function graphDateTime(time: HelsinkiTime): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(time)) {
    throw new CalendarFailed(`the meeting time "${time}" is not YYYY-MM-DDTHH:mm`, undefined, false);
  }
  return `${time}:00`;
}

/**
 * Every attendee once (e-mail compared without case), the mailbox holding the event left out (it is the
 * organizer). With a shared organizer mailbox the scheduling person is invited too: the event is not in their
 * own calendar otherwise.
 */
export function graphAttendees(invite: MeetingInvite, mailbox: string): { emailAddress: { address: string; name?: string }; type: 'required' }[] {
  const people: InviteAttendee[] = [...invite.attendees];
  if (invite.organizer.email.toLowerCase() !== mailbox.toLowerCase()) people.unshift(invite.organizer);
  const seen = new Set<string>([mailbox.toLowerCase()]);
  const out: { emailAddress: { address: string; name?: string }; type: 'required' }[] = [];
  for (const person of people) {
    const key = person.email.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push({ emailAddress: { address: person.email.trim(), ...(person.name ? { name: person.name } : {}) }, type: 'required' });
  }
  return out;
}

/**
 * The quarterly joint meeting: every three months on the start's day of month, with no end
 * (patternedRecurrence, https://learn.microsoft.com/graph/api/resources/patternedrecurrence). The range starts
 * on the first meeting's day; a start on the 29th–31st lands in a shorter month on its last day in Outlook.
 */
export function quarterlyRecurrence(start: HelsinkiTime): Record<string, unknown> {
  const startDate = graphDateTime(start).slice(0, 10);
  return {
    pattern: { type: 'absoluteMonthly', interval: 3, dayOfMonth: Number(startDate.slice(8, 10)) },
    range: { type: 'noEnd', startDate, recurrenceTimeZone: graphTimeZone },
  };
}

// --- answers and failures ---

function parseAnswer(answer: unknown, mailbox: string): EventAnswer {
  const parsed = eventAnswerSchema.safeParse(answer);
  if (!parsed.success) {
    // The event may well exist: a retry with the same transactionId answers it instead of making another.
    throw new CalendarFailed(`Microsoft Graph created an event in ${mailbox} but its answer has no event id`, undefined, true);
  }
  return parsed.data;
}

function refOf(answer: EventAnswer): CalendarEventRef {
  const joinUrl = answer.isOnlineMeeting === true ? answer.onlineMeeting?.joinUrl?.trim() : undefined;
  return { eventId: answer.id, iCalUId: answer.iCalUId ?? undefined, joinUrl: joinUrl ? joinUrl : undefined };
}

const retryableStatus = (status: number) => status === 401 || status === 408 || status === 429 || status >= 500;

/** What the Graph layer threw, as the outbox understands it: retry later (when), or give up with a reason. */
export function calendarFailure(error: unknown, mailbox: string, what: string): CalendarFailed {
  if (error instanceof CalendarFailed) return error;
  const said = (error as Error)?.message ?? String(error);
  if (error instanceof GraphThrottledError) {
    // The pipeline has waited as long as its budget allows; the server's last Retry-After is in its message.
    const asked = /the server asked to wait ([\d.]+) s/.exec(said)?.[1];
    return new CalendarFailed(`${what} in ${mailbox}: ${said}`, error.status, true, asked ? Math.round(Number(asked) * 1000) : undefined);
  }
  if (error instanceof GraphRequestError) {
    const retryAfterMs = parseRetryAfterMs(error.headers['retry-after'], Date.now());
    if (error.status === 403) {
      return new CalendarFailed(
        `${what}: Microsoft Graph refused access to the calendar of ${mailbox} (403 Forbidden) — the app's Exchange RBAC for Applications scope must include this mailbox (Calendars.ReadWrite through New-ManagementRoleAssignment -Role "Application Calendars.ReadWrite", README "Outlook invitations"). ${said}`,
        403,
        false,
      );
    }
    if (error.status === 404) {
      return new CalendarFailed(`${what}: Microsoft Graph has no such mailbox ${mailbox}, or no such event in it (404 Not Found). ${said}`, 404, false);
    }
    return new CalendarFailed(`${what} in ${mailbox}: ${said}`, error.status, retryableStatus(error.status), retryAfterMs);
  }
  if (error instanceof GraphRequestRefusedError) return new CalendarFailed(`${what} in ${mailbox}: ${said}`, undefined, false);
  if (error instanceof GraphAuthError) {
    // A token the authority would not give stays refused until someone fixes the app; an unreachable one may come back.
    return new CalendarFailed(`${what} in ${mailbox}: ${said}`, undefined, /\(network: /.test(said));
  }
  // No HTTP answer at all (connection refused, reset, the request timeout): try again later.
  return new CalendarFailed(`${what} in ${mailbox}: ${said}`, undefined, true);
}
