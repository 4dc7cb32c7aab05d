import { addDays, instantAt, localDate } from '../domain/dates.js';
import type { WeeklyDigestEvent } from '../domain/events/digest-events.js';
import { isoWeek, mondayOf, weeklyDigest } from '../domain/metrics/weekly-digest.js';
import { notificationsFor } from '../notify/routing.js';
import type { AppContext } from './app-context.js';
import { commitChanges } from './commit-changes.js';
import { listCustomerEntries } from './customer-entries.js';

/** The digest goes out on Monday at this hour, Helsinki time: before the week's first meetings. */
export const DIGEST_TIME = '08:00';

/** HoivaCRM itself is the actor of the digest: nobody typed it. */
const system = { id: 'hoivacrm', name: 'HoivaCRM' };

/** A digest missed on Monday (server down) is still worth sending during the same working week, not at the weekend. */
const CATCH_UP_DAYS = 4;

export type DigestOutcome =
  | { queued: true; week: string; event: WeeklyDigestEvent }
  | { queued: false; week: string; reason: 'notYet' | 'tooLate' | 'alreadySent' };

/**
 * Queues this week's digest for the management channel once its time has come (Monday 08:00 in
 * Helsinki, or at the first check after it on a working day when the server was down). The week is the idempotency key,
 * so however often and from however many processes this runs, one digest per week is posted.
 */
export async function composeWeeklyDigest(ctx: AppContext): Promise<DigestOutcome> {
  const now = ctx.clock.now();
  const today = localDate(now);
  const monday = mondayOf(today);
  const week = isoWeek(today);
  if (now < instantAt(monday, DIGEST_TIME)) return { queued: false, week: week.label, reason: 'notYet' };
  if (today > addDays(monday, CATCH_UP_DAYS)) return { queued: false, week: week.label, reason: 'tooLate' };

  const { records } = ctx.store;
  const [customers, places, homes, complaints, entries] = await Promise.all([
    records.list('customer'),
    records.list('place'),
    records.list('careHome'),
    records.list('complaint'),
    listCustomerEntries(ctx),
  ]);
  const at = now.toISOString();
  const event: WeeklyDigestEvent = {
    type: 'digest.weekly',
    eventId: ctx.newId(),
    occurredAt: at,
    actor: system,
    recordKey: `digest:${week.label}`,
    data: { week: week.label, weekNumber: week.week, today, ...weeklyDigest({ today, customers, entries, places, homes, complaints }) },
  };
  const result = await commitChanges(ctx, {
    at,
    idempotencyKey: `weeklyDigest:${week.label}`,
    writes: [],
    outbox: notificationsFor(event),
    result: week.label,
  });
  return result.ok && !result.duplicate ? { queued: true, week: week.label, event } : { queued: false, week: week.label, reason: 'alreadySent' };
}
