import { localDate } from '../domain/dates.js';
import { reservePlaceCommand } from '../domain/commands/reserve-place.js';
import type { PlaceChangedEvent } from '../domain/events.js';
import { PlaceTransitionRefused, reserve } from '../domain/places/place-lifecycle.js';
import type { ActorRef } from '../domain/records/common.js';
import type { Place } from '../domain/records/place.js';
import { fieldErrorsFrom } from '../domain/validation.js';
import { notificationsFor } from '../notify/routing.js';
import { ConcurrencyConflict } from '../store/store-port.js';
import type { AppContext } from './app-context.js';
import { authorize, homeScope } from './authorize.js';
import { commitChanges } from './commit-changes.js';
import { lastChangeOf } from './last-change.js';
import { placeCardData } from './place-card-data.js';
import { forbidden, invalid, type UseCaseResult } from './result.js';

export type ReservePlaceOutcome =
  | { reserved: true; place: Place; customerName: string }
  /** Someone else reserved it first (or it is no longer open): who, for whom, when. */
  | {
      reserved: false;
      place: Place;
      reservedBy?: ActorRef | undefined;
      reservedAt?: string | undefined;
      customerName?: string | undefined;
      /** Who changed the place last and when, for a place no longer open (issue 10: "who, when, and what it is now"). */
      changedBy?: ActorRef | undefined;
      changedAt?: string | undefined;
    };

/**
 * Preliminary reservation of a freed place for a customer, from the card in the sales channel.
 * The write names the version the card showed: when two people reserve at once, the first commit wins
 * and the second is told who was first. Every posted card of the place updates in place.
 */
export async function reservePlace(ctx: AppContext, actor: ActorRef, input: unknown): Promise<UseCaseResult<ReservePlaceOutcome>> {
  const parsed = reservePlaceCommand.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const command = parsed.data;
  const [place, customer] = await Promise.all([
    ctx.store.records.get('place', command.placeId),
    ctx.store.records.get('customer', command.customerId),
  ]);
  if (!place) return invalid([{ field: 'placeId', key: 'place.unknown' }]);
  if (!customer) return invalid([{ field: 'customerId', key: 'place.unknownCustomer' }]);
  const home = await ctx.store.records.get('careHome', place.careHomeId);
  if (!home) return invalid([{ field: 'placeId', key: 'place.unknown' }]);
  const mayReserve = await authorize(ctx, actor, 'reservePlace', homeScope(home));
  if (!mayReserve.ok) return forbidden(mayReserve);

  const now = ctx.clock.now();
  const at = now.toISOString();
  const firstCame = async (): Promise<UseCaseResult<ReservePlaceOutcome>> => {
    const current = (await ctx.store.records.get('place', place.id)) ?? place;
    const reservedFor = current.reservedForCustomerId ? await ctx.store.records.get('customer', current.reservedForCustomerId) : undefined;
    // The same person's second click on the same card: their own reservation, not a race lost.
    if (current.status === 'alustavasti-varattu' && current.reservedBy?.id === actor.id && current.reservedForCustomerId === command.customerId) {
      return { ok: true, duplicate: true, value: { reserved: true, place: current, customerName: reservedFor?.name ?? customer.name } };
    }
    const last = await lastChangeOf(ctx, 'place', current);
    return {
      ok: true,
      duplicate: false,
      value: {
        reserved: false,
        place: current,
        reservedBy: current.reservedBy,
        reservedAt: current.reservedAt,
        customerName: reservedFor?.name,
        changedBy: last?.by,
        changedAt: last?.at,
      },
    };
  };
  if (place.version !== command.version) return firstCame();
  let next: Place;
  try {
    next = { ...reserve(place, { customerId: customer.id, actor, at, today: localDate(now) }), version: place.version + 1, updatedAt: at };
  } catch (error) {
    if (error instanceof PlaceTransitionRefused) return firstCame();
    throw error;
  }
  const event: PlaceChangedEvent = { type: 'place.changed', eventId: ctx.newId(), occurredAt: at, actor, data: await placeCardData(ctx, next, home) };
  try {
    return await commitChanges<ReservePlaceOutcome>(ctx, {
      at,
      by: actor,
      idempotencyKey: `reservePlace:${command.requestId}:${actor.id}`,
      writes: [{ kind: 'place', record: next, expectedVersion: place.version }],
      outbox: notificationsFor(event),
      result: { reserved: true, place: next, customerName: customer.name },
    });
  } catch (error) {
    if (error instanceof ConcurrencyConflict) return firstCame();
    throw error;
  }
}
