import type { ActorRef } from '../../../domain/records/common.js';
import type { Person } from '../../../domain/records/person.js';
import { stableIdFor } from '../../../domain/stable-id.js';
import { demoPeople } from '../demo-people.js';
import { largeId, metaOn, type GenContext } from './context.js';
import type { GeneratedHome } from './homes.js';
import { personName } from './names.js';

export interface GeneratedPeople {
  people: Person[];
  /** The home director of each home (by home id): records its places, events and notes. */
  directorOf: Map<string, ActorRef>;
  /** Sales and management: they log most of the contacts. */
  salesAndManagement: ActorRef[];
  /** The regional director of each region, when the demo has one. */
  regionalDirectors: ActorRef[];
}

/**
 * The small demo's staff (their ids are what the Agents Playground sends, so every command works there),
 * with the demo's home director and head nurse on the first home, and one generated director per home.
 */
export function generatePeople(ctx: GenContext, homes: readonly GeneratedHome[]): GeneratedPeople {
  const firstHome = homes[0]!.home;
  const people: Person[] = demoPeople.map((p) => ({
    ...metaOn(ctx, '2020-01-02', 'large-seed'),
    id: stableIdFor(`person:${p.userId}`),
    userId: p.userId,
    name: p.name,
    roles: p.roles,
    ...(p.home ? { careHomeIds: [firstHome.id] } : {}),
    ...(p.region ? { region: p.region } : {}),
  }));
  const directorOf = new Map<string, ActorRef>();
  for (const [i, { home }] of homes.entries()) {
    const userId = largeId('director-user', i);
    const name = personName(ctx.prng).full;
    people.push({ ...metaOn(ctx, '2020-01-02', 'large-seed'), id: largeId('person', i), userId, name, roles: ['kotijohtaja'], careHomeIds: [home.id] });
    directorOf.set(home.id, { id: userId, name });
    home.directorId = userId;
  }
  const actor = (p: Person): ActorRef => ({ id: p.userId, name: p.name });
  const salesAndManagement = people.filter((p) => p.roles.some((r) => r === 'myynti' || r === 'liiketoimintajohtaja')).map(actor);
  const regionalDirectors = people.filter((p) => p.roles.includes('aluejohtaja')).map(actor);
  return { people, directorOf, salesAndManagement, regionalDirectors };
}
