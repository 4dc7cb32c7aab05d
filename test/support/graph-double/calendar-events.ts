import { randomUUID } from 'node:crypto';
import { graphError, json, type DoubleRequest, type DoubleResponse, type GraphRoute } from './double-http.js';

/**
 * Outlook calendars in the Graph double (issue 12): `/users/{id}/events` as the Graph v1.0 reference describes
 * it — POST 201 with the event (id, iCalUId, isOnlineMeeting/onlineMeeting.joinUrl), `transactionId` honoured
 * (a repeated POST with the same one answers the first event), PATCH 200, POST …/cancel 202 (no body),
 * GET /users/{id}/calendar — and the tenant's conditions a test sets: a mailbox outside the app's Exchange
 * RBAC for Applications scope (403 on everything of that mailbox), a mailbox that cannot host Teams meetings
 * (201 with `isOnlineMeeting: false` and no `onlineMeeting`). Throttling and 5xx come from the double's fault
 * injection (GraphDouble.failNext), the request log from GraphDouble.log.
 *
 * start/end are kept as sent (wall clock + Windows time-zone name) and answered in the zone of
 * `Prefer: outlook.timezone="…"`, or in UTC without it, as Graph does. Only the zones the tests need are
 * known; an IANA name such as Europe/Helsinki is refused, as Graph's list of supported values does not have it.
 */
export interface StoredEvent {
  id: string;
  iCalUId: string;
  mailbox: string;
  transactionId?: string;
  subject?: string;
  body?: { contentType?: string; content?: string };
  /** As sent: wall clock and Windows zone. */
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  attendees: { emailAddress: { address: string; name?: string }; type?: string }[];
  recurrence?: unknown;
  isOnlineMeeting: boolean;
  onlineMeetingProvider?: string;
  joinUrl?: string;
  cancelled: boolean;
  cancelComment?: string;
  /** PATCHes received (Outlook raises the change key on each; the attendees get an update). */
  changes: number;
}

/** Windows time-zone names the double knows, with the IANA zone it computes offsets by. */
const windowsZones: Record<string, string> = {
  'FLE Standard Time': 'Europe/Helsinki',
  UTC: 'UTC',
  'W. Europe Standard Time': 'Europe/Berlin',
};

export class CalendarEvents {
  /** mailbox (lower case) → event id → event */
  readonly events = new Map<string, Map<string, StoredEvent>>();
  private readonly outsideScope = new Set<string>();
  private readonly noTeams = new Set<string>();

  /** The app's RBAC scope does not include this mailbox: every request for it answers 403. */
  denyMailbox(mailbox: string): void {
    this.outsideScope.add(mailbox.toLowerCase());
  }

  /** The mailbox's owner has no Teams meeting licence/policy: events are made without an online meeting. */
  cannotHostTeamsMeetings(mailbox: string): void {
    this.noTeams.add(mailbox.toLowerCase());
  }

  /** Undo cannotHostTeamsMeetings. */
  canHostTeamsMeetings(mailbox: string): void {
    this.noTeams.delete(mailbox.toLowerCase());
  }

  /** All events of a mailbox, cancelled ones included, in creation order. */
  eventsOf(mailbox: string): StoredEvent[] {
    return [...(this.events.get(mailbox.toLowerCase())?.values() ?? [])];
  }

  routes(): GraphRoute[] {
    const user = '/users/([^/]+)';
    return [
      { method: 'GET', pattern: new RegExp(`^${user}/calendar$`), handle: (r, [m]) => this.guard(m!, () => this.calendar(m!)) },
      { method: 'POST', pattern: new RegExp(`^${user}/events$`), handle: (r, [m]) => this.guard(m!, () => this.create(r, m!)) },
      { method: 'GET', pattern: new RegExp(`^${user}/events/([^/]+)$`), handle: (r, [m, id]) => this.guard(m!, () => this.read(r, m!, id!)) },
      { method: 'PATCH', pattern: new RegExp(`^${user}/events/([^/]+)$`), handle: (r, [m, id]) => this.guard(m!, () => this.update(r, m!, id!)) },
      { method: 'POST', pattern: new RegExp(`^${user}/events/([^/]+)/cancel$`), handle: (r, [m, id]) => this.guard(m!, () => this.cancel(r, m!, id!)) },
      { method: 'DELETE', pattern: new RegExp(`^${user}/events/([^/]+)$`), handle: (r, [m, id]) => this.guard(m!, () => this.remove(m!, id!)) },
    ];
  }

  private guard(mailbox: string, handle: () => DoubleResponse): DoubleResponse {
    if (this.outsideScope.has(mailbox.toLowerCase())) {
      // What Exchange answers an app whose RBAC for Applications assignment does not cover the mailbox.
      return graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    }
    return handle();
  }

  private calendar(mailbox: string): DoubleResponse {
    const teams = !this.noTeams.has(mailbox.toLowerCase());
    return json(200, {
      id: `calendar-${mailbox.toLowerCase()}`,
      name: 'Calendar',
      canEdit: true,
      owner: { name: mailbox, address: mailbox },
      allowedOnlineMeetingProviders: teams ? ['teamsForBusiness'] : [],
      defaultOnlineMeetingProvider: teams ? 'teamsForBusiness' : 'unknown',
    });
  }

  private create(request: DoubleRequest, mailbox: string): DoubleResponse {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const problem = this.invalid(body, true);
    if (problem) return problem;
    const key = mailbox.toLowerCase();
    const box = this.events.get(key) ?? new Map<string, StoredEvent>();
    this.events.set(key, box);
    const transactionId = typeof body.transactionId === 'string' ? body.transactionId : undefined;
    const earlier = transactionId ? [...box.values()].find((e) => e.transactionId === transactionId) : undefined;
    if (earlier) return json(201, this.view(earlier, request));

    const teams = body.isOnlineMeeting === true && !this.noTeams.has(key);
    const id = `AAMkAD${randomUUID().replaceAll('-', '')}=`;
    const event: StoredEvent = {
      id,
      iCalUId: `040000008200E00074C5B7101A82E008${randomUUID().replaceAll('-', '').toUpperCase()}`,
      mailbox,
      transactionId,
      subject: body.subject as string | undefined,
      body: body.body as StoredEvent['body'],
      start: body.start as StoredEvent['start'],
      end: body.end as StoredEvent['end'],
      attendees: (body.attendees ?? []) as StoredEvent['attendees'],
      recurrence: body.recurrence,
      isOnlineMeeting: teams,
      onlineMeetingProvider: teams ? String(body.onlineMeetingProvider ?? 'teamsForBusiness') : 'unknown',
      joinUrl: teams ? `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${randomUUID().replaceAll('-', '')}%40thread.v2/0` : undefined,
      cancelled: false,
      changes: 0,
    };
    box.set(id, event);
    return json(201, this.view(event, request));
  }

  private read(request: DoubleRequest, mailbox: string, id: string): DoubleResponse {
    const event = this.find(mailbox, id);
    return event ? json(200, this.view(event, request)) : notFound();
  }

  private update(request: DoubleRequest, mailbox: string, id: string): DoubleResponse {
    const event = this.find(mailbox, id);
    if (!event || event.cancelled) return notFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const problem = this.invalid(body, false);
    if (problem) return problem;
    if ('transactionId' in body) return graphError(400, 'ErrorInvalidRequest', 'transactionId can be set only when the event is created.');
    if (body.subject !== undefined) event.subject = body.subject as string;
    if (body.body !== undefined) event.body = body.body as StoredEvent['body'];
    if (body.start !== undefined) event.start = body.start as StoredEvent['start'];
    if (body.end !== undefined) event.end = body.end as StoredEvent['end'];
    if (body.attendees !== undefined) event.attendees = body.attendees as StoredEvent['attendees'];
    if (body.recurrence !== undefined) event.recurrence = body.recurrence;
    event.changes++;
    return json(200, this.view(event, request));
  }

  private cancel(request: DoubleRequest, mailbox: string, id: string): DoubleResponse {
    const event = this.find(mailbox, id);
    if (!event || event.cancelled) return notFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    event.cancelled = true;
    event.cancelComment = typeof body.Comment === 'string' ? body.Comment : typeof body.comment === 'string' ? body.comment : undefined;
    return { status: 202 };
  }

  private remove(mailbox: string, id: string): DoubleResponse {
    const event = this.find(mailbox, id);
    if (!event) return notFound();
    this.events.get(mailbox.toLowerCase())!.delete(id);
    return { status: 204 };
  }

  private find(mailbox: string, id: string): StoredEvent | undefined {
    return this.events.get(mailbox.toLowerCase())?.get(id);
  }

  /** The checks Graph makes that a wrong client would trip over; a 400 with Graph's code, or undefined. */
  private invalid(body: Record<string, unknown>, creating: boolean): DoubleResponse | undefined {
    for (const name of ['start', 'end'] as const) {
      const value = body[name] as { dateTime?: unknown; timeZone?: unknown } | undefined;
      if (value === undefined && !creating) continue;
      if (!value || typeof value.dateTime !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value.dateTime)) {
        return graphError(400, 'ErrorInvalidRequest', `The ${name} dateTime is missing or not in the form yyyy-MM-ddTHH:mm:ss.`);
      }
      if (typeof value.timeZone !== 'string' || !windowsZones[value.timeZone]) {
        return graphError(400, 'TimeZoneNotSupportedException', `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${String(value.timeZone)}'.`);
      }
    }
    if (body.attendees !== undefined) {
      const ok =
        Array.isArray(body.attendees) &&
        body.attendees.every((a: { emailAddress?: { address?: unknown }; type?: unknown }) =>
          typeof a?.emailAddress?.address === 'string' && /^[^@\s]+@[^@\s]+$/.test(a.emailAddress.address) && ['required', 'optional', 'resource', undefined].includes(a.type as string),
        );
      if (!ok) return graphError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.');
    }
    return undefined;
  }

  /** The event as Graph answers it, start/end in the Prefer zone (UTC without one). */
  private view(event: StoredEvent, request: DoubleRequest): Record<string, unknown> {
    const preferred = /outlook\.timezone="([^"]+)"/.exec(request.headers.prefer ?? '')?.[1];
    const zone = preferred && windowsZones[preferred] ? preferred : 'UTC';
    return {
      '@odata.etag': `W/"${event.changes}"`,
      id: event.id,
      iCalUId: event.iCalUId,
      transactionId: event.transactionId ?? null,
      subject: event.subject,
      body: event.body,
      start: { dateTime: inZone(event.start, zone), timeZone: zone },
      end: { dateTime: inZone(event.end, zone), timeZone: zone },
      attendees: event.attendees.map((a) => ({ ...a, status: { response: 'none', time: '0001-01-01T00:00:00Z' } })),
      organizer: { emailAddress: { address: event.mailbox, name: event.mailbox } },
      recurrence: event.recurrence ?? null,
      type: event.recurrence ? 'seriesMaster' : 'singleInstance',
      isCancelled: event.cancelled,
      isOnlineMeeting: event.isOnlineMeeting,
      onlineMeetingProvider: event.onlineMeetingProvider,
      onlineMeeting: event.joinUrl ? { joinUrl: event.joinUrl } : null,
    };
  }
}

function notFound(): DoubleResponse {
  return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
}

/** A wall-clock time of one Windows zone, as the wall clock of another (7 decimals, as Graph writes them). */
export function inZone(time: { dateTime: string; timeZone: string }, zone: string): string {
  const utcMs = wallClockToUtcMs(time.dateTime, windowsZones[time.timeZone]!);
  return `${utcToWallClock(utcMs, windowsZones[zone]!)}.0000000`;
}

function offsetMs(utcMs: number, ianaZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: ianaZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(utcMs))
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!) - utcMs;
}

function wallClockToUtcMs(dateTime: string, ianaZone: string): number {
  const asUtc = Date.parse(`${dateTime.slice(0, 19).padEnd(19, ':00')}Z`);
  // Twice: the offset at the guessed instant may differ across a DST change.
  const first = asUtc - offsetMs(asUtc, ianaZone);
  return asUtc - offsetMs(first, ianaZone);
}

function utcToWallClock(utcMs: number, ianaZone: string): string {
  return new Date(utcMs + offsetMs(utcMs, ianaZone)).toISOString().slice(0, 19);
}
