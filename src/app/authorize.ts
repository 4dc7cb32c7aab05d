import type { ActorRef } from '../domain/records/common.js';
import type { Person } from '../domain/records/person.js';
import type { AppContext } from './app-context.js';

/**
 * Who may do what, as data (thesis table 2: who records what). Recording is open to the staff in the
 * people list; the steps that carry responsibility are limited to the roles the thesis gives them.
 * A use case calls `authorize` after validating and before writing; a refusal names the roles.
 */
export const permissions = {
  /** Complaint handling steps: the home's director and deputy, the regional director, the quality manager. */
  advanceComplaint: ['kotijohtaja', 'vastaava-hoitaja', 'aluejohtaja', 'liiketoimintajohtaja', 'laatupaallikko'],
  /** "A written reply by the regional director when needed" (thesis 4.4.3). */
  replyToComplaint: ['aluejohtaja', 'liiketoimintajohtaja'],
  /** A reserved place sold (occupied) or released: the home director's occupancy table, or sales. */
  settlePlace: ['kotijohtaja', 'vastaava-hoitaja', 'aluejohtaja', 'liiketoimintajohtaja', 'myynti'],
} as const satisfies Record<string, readonly Person['roles'][number][]>;

export type Permission = keyof typeof permissions;

export type Authorization = { ok: true; person: Person } | { ok: false; reason: 'forbidden'; message: 'auth.notInPeopleList' | 'auth.roleRequired'; roles: readonly string[] };

/** The people-list entry of the acting Teams user (matched by Entra object id), if any. */
export async function personOf(ctx: AppContext, actor: ActorRef): Promise<Person | undefined> {
  return (await ctx.store.records.list('person', { userId: actor.id }))[0];
}

export async function authorize(ctx: AppContext, actor: ActorRef, permission: Permission): Promise<Authorization> {
  const person = await personOf(ctx, actor);
  const roles = permissions[permission];
  if (!person) return { ok: false, reason: 'forbidden', message: 'auth.notInPeopleList', roles };
  if (!person.roles.some((r) => (roles as readonly string[]).includes(r))) return { ok: false, reason: 'forbidden', message: 'auth.roleRequired', roles };
  return { ok: true, person };
}
