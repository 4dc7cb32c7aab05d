import type { CareHome } from '../domain/records/care-home.js';
import type { ActorRef } from '../domain/records/common.js';
import { homesOf, personOf } from './authorize.js';
import type { AppContext } from './app-context.js';
import { recordableHomes } from './list-open-places.js';

/** A home as its choice shows it, in a form and in the typeahead's answer: the name and the town. */
export function careHomeTitle(home: Pick<CareHome, 'name' | 'city'>): string {
  return `${home.name} (${home.city})`;
}

/**
 * A form's care-home choices: every home the actor may record for (the use case still authorizes the one
 * submitted), the actor's own homes first, then the homes of their region (a regional director's, or the
 * region of a home director's home), then the others, each by name. The form lists the first page of them
 * and keeps a chosen one further down selected (bot/forms/form-card.ts); the rest are found by typing
 * (src/app/search-care-homes.ts). All of them in memory is fine: careHomes() is the store's cached list.
 */
export async function careHomeChoices(ctx: AppContext, actor: ActorRef): Promise<CareHome[]> {
  const person = await personOf(ctx, actor);
  const homes = await recordableHomes(ctx, person);
  if (!person) return homes;
  const own = new Set(homesOf(person));
  const region = person.region ?? homes.find((h) => own.has(h.id))?.region;
  const order = (home: CareHome) => (own.has(home.id) ? 0 : home.region === region ? 1 : 2);
  // Array.prototype.sort is stable: the name order of careHomes() holds within each group.
  return homes.sort((a, b) => order(a) - order(b));
}

/** The home a form preselects: the person's own home when they have one (a home director's daily update). */
export async function ownCareHomeId(ctx: AppContext, actor: ActorRef): Promise<string | undefined> {
  const person = await personOf(ctx, actor);
  return person ? homesOf(person)[0] : undefined;
}
