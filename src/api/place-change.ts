import type { AppContext } from '../app/app-context.js';
import { lastChangeOf } from '../app/last-change.js';
import { recordPlaceFreed } from '../app/record-place-freed.js';
import { reservePlace } from '../app/reserve-place.js';
import { settlePlace } from '../app/settle-place.js';
import { localDate } from '../domain/dates.js';
import { effectiveStatus } from '../domain/places/place-lifecycle.js';
import type { ActorRef } from '../domain/records/common.js';
import type { Place } from '../domain/records/place.js';
import { t, type Locale } from '../i18n/messages.js';
import { ApiError, refusalOf } from './api-errors.js';
import { apiPlaceOf } from './api-views.js';
import type { PlaceChange } from './schemas/places.js';

/**
 * PATCH /api/v1/places/{id}: a status change through the bot's own use cases — recordPlaceFreed (free or
 * freeing from a date), reservePlace, settlePlace (sell, release) — so the authorization, the audit trail and
 * the outbox are theirs: every posted card of the place (the sales channel's) updates in place.
 */
export async function changePlace(ctx: AppContext, actor: ActorRef, placeId: string, change: PlaceChange, locale: Locale) {
  const place = await ctx.store.records.get('place', placeId);
  if (!place || place.withdrawnAt) throw new ApiError('notFound', 'api.notFound');
  const today = localDate(ctx.clock.now());
  // Someone changed the place after the page read it: 409, naming who and what it is now.
  const changedFirst = async (current: Place, by?: ActorRef, at?: string): Promise<never> => {
    const last = by && at ? { by, at } : await lastChangeOf(ctx, 'place', current);
    throw new ApiError(
      'conflict',
      last ? 'api.changedFirst' : 'api.conflict',
      last ? { by: last.by.name, at: last.at, label: current.label, status: t(locale, `status.${effectiveStatus(current, today)}`) } : {},
      undefined,
      last ? { by: last.by.name, at: last.at, label: current.label, status: effectiveStatus(current, today) } : undefined,
    );
  };

  switch (change.change) {
    case 'free':
    case 'freeing': {
      // The use case finds the place by label in its home and writes over the version it read: compare first.
      if (place.version !== change.version) return changedFirst(place);
      const result = await recordPlaceFreed(ctx, actor, {
        requestId: change.requestId,
        careHomeId: place.careHomeId,
        serviceType: place.serviceType,
        customerGroup: place.customerGroup,
        label: place.label,
        freeFrom: change.freeFrom,
        note: place.note,
      });
      if (!result.ok) throw refusalOf(result, locale);
      return { place: apiPlaceOf(result.value.place, today), duplicate: result.duplicate };
    }
    case 'reserve': {
      const result = await reservePlace(ctx, actor, { requestId: change.requestId, placeId, version: change.version, customerId: change.customerId });
      if (!result.ok) throw refusalOf(result, locale);
      const outcome = result.value;
      if (!outcome.reserved) return changedFirst(outcome.place, outcome.changedBy ?? outcome.reservedBy, outcome.changedAt ?? outcome.reservedAt);
      return { place: apiPlaceOf(outcome.place, today, outcome.customerName), duplicate: result.duplicate };
    }
    case 'sell':
    case 'release': {
      const result = await settlePlace(ctx, actor, { requestId: change.requestId, placeId, version: change.version, settlement: change.change });
      if (!result.ok) throw refusalOf(result, locale);
      const outcome = result.value;
      if (!outcome.settled) return changedFirst(outcome.place, outcome.changedBy, outcome.changedAt);
      return { place: apiPlaceOf(outcome.place, today), duplicate: result.duplicate };
    }
  }
}
