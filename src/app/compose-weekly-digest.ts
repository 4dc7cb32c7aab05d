import { addDays, instantAt, localDate } from '../domain/dates.js';
import type { WeeklyDigestEvent } from '../domain/events/digest-events.js';
import { WEEK_OF_USE_MS } from '../domain/metrics/in-use-since.js';
import { isoWeek, mondayOf } from '../domain/metrics/weekly-digest.js';
import { notificationsFor } from '../notify/routing.js';
import type { AppContext } from './app-context.js';
import { commitChanges } from './commit-changes.js';
import { weeklyDigestContent } from './weekly-digest-content.js';

/** The digest goes out on Monday at this hour, Helsinki time: before the week's first meetings. */
export const DIGEST_TIME = '08:00';

/** HoivaCRM itself is the actor of the digest: nobody typed it. */
const system = { id: 'hoivacrm', name: 'HoivaCRM' };

/** A digest missed on Monday (server down) is still worth sending during the same working week, not at the weekend. */
const CATCH_UP_DAYS = 4;

export type DigestOutcome =
  | { queued: true; week: string; event: WeeklyDigestEvent }
  /** `tooSoon`: the store has not been in use for the week the digest looks back on. */
  | { queued: false; week: string; reason: 'notYet' | 'tooLate' | 'alreadySent' | 'tooSoon' };

/**
 * Queues this week's digest for the management channel once its time has come (Monday 08:00 in
 * Helsinki, or at the first check after it on a working day when the server was down). The week is the idempotency key,
 * so however often and from however many processes this runs, one digest per week is posted.
 *
 * A fresh install waits for a week of use: on its first Monday every customer would be "silent for 14
 * days". Until the store's records go back a week before this Monday 08:00 nothing is queued and the
 * week's key is left unused, so a digest that becomes due later in the week (a SharePoint site's older
 * items read into the mirror after the first check) still goes out.
 */
export async function composeWeeklyDigest(ctx: AppContext): Promise<DigestOutcome> {
  const now = ctx.clock.now();
  const today = localDate(now);
  const monday = mondayOf(today);
  const week = isoWeek(today);
  const dueAt = instantAt(monday, DIGEST_TIME);
  if (now < dueAt) return { queued: false, week: week.label, reason: 'notYet' };
  if (today > addDays(monday, CATCH_UP_DAYS)) return { queued: false, week: week.label, reason: 'tooLate' };

  const idempotencyKey = `weeklyDigest:${week.label}`;
  // The cheap check first: from Monday 08:00 to Friday the scheduler asks every minute, and once the week's
  // digest is queued each ask must cost one key lookup, not a composition (issue 10: 45 s of every ~105 s at 10×).
  if (await ctx.store.queries.isProcessed(idempotencyKey)) return { queued: false, week: week.label, reason: 'alreadySent' };
  // Any kind dates the install (a site read in may hold only last year's contact log, say): in use a week before 08:00.
  if (!(await ctx.store.queries.createdBy(new Date(dueAt.getTime() - WEEK_OF_USE_MS).toISOString()))) return { queued: false, week: week.label, reason: 'tooSoon' };
  const at = now.toISOString();
  const event: WeeklyDigestEvent = {
    type: 'digest.weekly',
    eventId: ctx.newId(),
    occurredAt: at,
    actor: system,
    recordKey: `digest:${week.label}`,
    data: { week: week.label, weekNumber: week.week, today, ...(await weeklyDigestContent(ctx, today)) },
  };
  const result = await commitChanges(ctx, {
    at,
    idempotencyKey,
    writes: [],
    outbox: notificationsFor(event),
    result: week.label,
  });
  return result.ok && !result.duplicate ? { queued: true, week: week.label, event } : { queued: false, week: week.label, reason: 'alreadySent' };
}
