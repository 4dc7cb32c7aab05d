import type { ActorRef } from '../domain/records/common.js';
import type { DevelopmentMeeting } from '../domain/records/development-meeting.js';
import type { AppContext } from './app-context.js';
import { listPeople } from './people.js';

export interface Invitee {
  email: string;
  name: string;
  /** Pre-selected on the form (thesis 6.3: who takes part in this kind of meeting). */
  suggested: boolean;
}

/**
 * Who the scheduling form offers (issue 12). The yearly meeting (thesis 4.4.3, 6.3): the customer's contacts
 * with an e-mail (head of elderly services, social worker / service coordinator…) and the home's regional and
 * home director. The quarterly joint meeting: the people holding the sales role and the regional directors.
 * Only people with an e-mail address can be invited; the organizer is not offered to themself.
 */
export async function meetingInvitees(
  ctx: AppContext,
  actor: ActorRef,
  meeting: { kind: DevelopmentMeeting['kind']; customerId?: string | undefined; careHomeId?: string | undefined },
): Promise<Invitee[]> {
  const [people, contacts, home] = await Promise.all([
    listPeople(ctx),
    meeting.customerId ? ctx.store.records.list('contact', { customerId: meeting.customerId }) : [],
    meeting.careHomeId ? ctx.store.records.get('careHome', meeting.careHomeId) : undefined,
  ]);
  const invitees: Invitee[] = [];
  for (const c of contacts) if (c.email) invitees.push({ email: c.email, name: c.name, suggested: true });
  for (const p of people) {
    if (!p.email || p.userId === actor.id) continue;
    const homeDirector = home !== undefined && p.roles.includes('kotijohtaja') && (p.careHomeIds ?? []).includes(home.id);
    const regional = p.roles.includes('aluejohtaja') && (meeting.kind === 'neljannesvuosittainen' || (home !== undefined && p.region === home.region));
    const sales = meeting.kind === 'neljannesvuosittainen' && p.roles.includes('myynti');
    const offered = homeDirector || regional || sales || p.roles.includes('aluejohtaja') || p.roles.includes('kotijohtaja') || p.roles.includes('myynti');
    if (offered) invitees.push({ email: p.email, name: p.name, suggested: homeDirector || regional || sales });
  }
  const seen = new Set<string>();
  return invitees.filter((i) => !seen.has(i.email.toLowerCase()) && seen.add(i.email.toLowerCase())).slice(0, 60);
}
