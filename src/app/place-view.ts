import type { PlaceCardData } from '../domain/events.js';
import type { ActorRef } from '../domain/records/common.js';
import type { AppContext } from './app-context.js';
import { allows, homeScope, personOf } from './authorize.js';
import { placeCardData } from './place-card-data.js';

/** What one person may do on a place's card: the buttons their view of it shows. */
export interface PlaceActions {
  reserve: boolean;
  settle: boolean;
}

export interface PlaceView {
  data: PlaceCardData;
  can: PlaceActions;
}

/**
 * A place as one person sees it on its card: the current snapshot and the actions their role allows there
 * (src/app/authorize.ts, reservePlace and settlePlace on the place's home). A card's user-specific view and
 * the answer to a press are built from it, so nobody is offered a step that would be refused.
 */
export async function placeView(ctx: AppContext, actor: ActorRef, placeId: string): Promise<PlaceView | undefined> {
  const place = await ctx.store.records.get('place', placeId);
  if (!place) return undefined;
  const [home, person] = await Promise.all([ctx.store.records.get('careHome', place.careHomeId), personOf(ctx, actor)]);
  if (!home || !allows(person, 'read')) return undefined;
  const scope = homeScope(home);
  return { data: await placeCardData(ctx, place, home), can: { reserve: allows(person, 'reservePlace', scope), settle: allows(person, 'settlePlace', scope) } };
}
