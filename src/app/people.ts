import type { Person } from '../domain/records/person.js';
import type { AppContext } from './app-context.js';

/** The people list: who holds which role (DOMAIN.md, People). Routing and @mentions come from it. */
export async function listPeople(ctx: AppContext): Promise<Person[]> {
  return ctx.store.records.list('person');
}

export async function peopleWithRole(ctx: AppContext, role: Person['roles'][number]): Promise<Person[]> {
  return (await listPeople(ctx)).filter((p) => p.roles.includes(role));
}
