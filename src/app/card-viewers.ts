import type { DomainEvent } from '../domain/events.js';
import type { Person } from '../domain/records/person.js';
import type { AppContext } from './app-context.js';
import { allows, type Action, type ScopeTarget } from './authorize.js';

/**
 * The people who may act on a posted card: those whose Teams client should show them their own view of it
 * (Universal Actions `refresh.userIds`). A place card: whoever may reserve or settle the place at its home;
 * a complaint card: whoever may take its next step. Cards of other kinds carry no actions: nobody.
 */
export async function cardViewers(ctx: AppContext, event: DomainEvent): Promise<Person[]> {
  const wanted = actionsOn(event);
  if (!wanted) return [];
  const people = await ctx.store.records.list('person');
  return people.filter((p) => wanted.actions.some((action) => allows(p, action, wanted.target)));
}

function actionsOn(event: DomainEvent): { actions: Action[]; target: ScopeTarget } | undefined {
  switch (event.type) {
    case 'place.freed':
    case 'place.changed': {
      const d = event.data;
      if (d.status === 'kaytossa') return undefined;
      return { actions: ['reservePlace', 'settlePlace'], target: { careHomeId: d.careHomeId, careHomeName: d.careHomeName, region: d.region } };
    }
    case 'complaint.received':
    case 'complaint.changed': {
      const d = event.data;
      if (d.status === 'suljettu') return undefined;
      return { actions: ['advanceComplaint'], target: { careHomeId: d.careHomeId, careHomeName: d.careHomeName, region: d.region } };
    }
    default:
      return undefined;
  }
}
