import { localDate } from '../domain/dates.js';
import type { PlaceChangedEvent, PlaceFreedEvent } from '../domain/events.js';
import { recordPlaceFreedCommand } from '../domain/commands/record-place-freed.js';
import { effectiveStatus, markFree, PlaceTransitionRefused, statusForFreeFrom } from '../domain/places/place-lifecycle.js';
import type { ActorRef } from '../domain/records/common.js';
import type { Place } from '../domain/records/place.js';
import { fieldErrorsFrom } from '../domain/validation.js';
import { notificationsFor } from '../notify/routing.js';
import { ConcurrencyConflict } from '../store/store-port.js';
import type { AppContext } from './app-context.js';
import { changedFirst, correctionOf, entryToCorrect } from './correct-entry.js';
import { authorize, homeScope } from './authorize.js';
import { commitChanges } from './commit-changes.js';
import { lastChangeOf } from './last-change.js';
import { placeCardData } from './place-card-data.js';
import { forbidden, invalid, type UseCaseResult } from './result.js';

export interface PlaceFreedResult {
  place: Place;
  careHomeName: string;
  event: PlaceFreedEvent | PlaceChangedEvent;
}

/**
 * A home director records that a place is free or becomes free on a date (thesis 6.1). The place is
 * found by its label in the home (an existing place changes status) or created; the sales channel is
 * told through the outbox. The form's requestId makes a repeated submit return the first result.
 */
export async function recordPlaceFreed(ctx: AppContext, actor: ActorRef, input: unknown): Promise<UseCaseResult<PlaceFreedResult>> {
  const now = ctx.clock.now();
  const today = localDate(now);
  // In edit mode (`omat` → Muokkaa) the form also names the place and the version it showed (issue 11).
  const { correction, fields: submitted, malformed } = correctionOf(input);
  if (malformed) return { ok: false, reason: 'conflict', message: 'mine.gone' };
  const parsed = recordPlaceFreedCommand(today).safeParse(submitted);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const command = parsed.data;
  const idempotencyKey = `recordPlaceFreed:${command.requestId}`;

  const home = await ctx.store.records.get('careHome', command.careHomeId);
  if (!home) return invalid([{ field: 'careHomeId', key: 'place.unknownCareHome' }]);
  const mayRecord = await authorize(ctx, actor, 'recordForHome', homeScope(home));
  if (!mayRecord.ok) return forbidden(mayRecord);

  const at = now.toISOString();
  const existing = (await ctx.store.records.list('place', { careHomeId: home.id })).find(
    (p) => p.label.localeCompare(command.label, 'fi', { sensitivity: 'base' }) === 0,
  );
  if (correction) {
    // A correction changes what was recorded of this place (its type, group, date, note), not which place it is.
    const target = await entryToCorrect(ctx, actor, 'place', correction);
    if (!target.ok) return target.refusal;
    if (target.record.id !== existing?.id) return invalid([{ field: 'label', key: 'mine.placeFixed' }]);
  }
  if (existing) {
    const status = effectiveStatus(existing, today);
    // A reservation is someone's promise to a customer: it ends on the card (Release), never as a side
    // effect of recording the place free again.
    if (status === 'alustavasti-varattu') {
      const customer = existing.reservedForCustomerId ? await ctx.store.records.get('customer', existing.reservedForCustomerId) : undefined;
      return invalid([{ field: 'label', key: 'place.reservedUseRelease', params: { customer: customer?.name ?? '?', by: existing.reservedBy?.name ?? '?' } }]);
    }
    // An occupied place recorded free again ends a resident's stay in the occupancy table: the release right.
    if (status === 'kaytossa') {
      const mayRelease = await authorize(ctx, actor, 'settlePlace', homeScope(home));
      if (!mayRelease.ok) return forbidden(mayRelease);
    }
  }
  let place: Place;
  try {
    place = existing
      ? {
          ...markFree(existing, { freeFrom: command.freeFrom, note: command.note, actor, at, today }),
          serviceType: command.serviceType,
          customerGroup: command.customerGroup,
          version: existing.version + 1,
          updatedAt: at,
        }
      : {
          id: command.requestId,
          version: 1,
          createdAt: at,
          createdBy: actor.id,
          updatedAt: at,
          careHomeId: home.id,
          label: command.label,
          serviceType: command.serviceType,
          customerGroup: command.customerGroup,
          status: statusForFreeFrom(command.freeFrom, today),
          freeFrom: command.freeFrom,
          note: command.note,
          statusChangedBy: actor,
          statusChangedAt: at,
        };
  } catch (error) {
    if (error instanceof PlaceTransitionRefused) {
      return invalid([{ field: 'label', key: 'place.notOccupiedOrFree', params: { status: error.from } }]);
    }
    throw error;
  }

  // A place withdrawn as recorded by mistake (issue 11) is recorded free anew: it is back in the views.
  if (place.withdrawnAt) {
    const { withdrawnAt: _at, withdrawnBy: _by, ...back } = place;
    place = back;
  }

  // A correction updates the cards posted for the place; a place recorded free posts a new one.
  const event: PlaceFreedEvent | PlaceChangedEvent = {
    type: correction ? 'place.changed' : 'place.freed',
    eventId: ctx.newId(),
    occurredAt: at,
    actor,
    data: await placeCardData(ctx, place, home),
  };
  const result: PlaceFreedResult = { place, careHomeName: home.name, event };
  try {
    return await commitChanges(ctx, {
      at,
      by: actor,
      idempotencyKey,
      writes: [{ kind: 'place', record: place, expectedVersion: existing ? existing.version : null }],
      outbox: notificationsFor(event),
      result,
    });
  } catch (error) {
    // A second submit of the same form is caught by the idempotency key inside the same transaction;
    // a conflict here means someone else changed this place between our read and our write.
    if (error instanceof ConcurrencyConflict) {
      // Name who was first, when, and what the place is now (the SharePoint store re-read the list already).
      const current = existing ? await ctx.store.records.get('place', existing.id) : undefined;
      if (correction) return changedFirst(ctx, 'place', current);
      const last = current ? await lastChangeOf(ctx, 'place', current) : undefined;
      return {
        ok: false,
        reason: 'conflict',
        message: 'place.changedByOther',
        ...(current && last ? { changedFirst: { by: last.by.name, at: last.at, label: current.label, status: effectiveStatus(current, today) } } : {}),
      };
    }
    throw error;
  }
}
