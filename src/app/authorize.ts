import type { CareHome } from '../domain/records/care-home.js';
import type { ActorRef, Region } from '../domain/records/common.js';
import { roleScopes, type Person, type PersonRole } from '../domain/records/person.js';
import type { AppContext } from './app-context.js';

/**
 * Who may do what, and where (DOMAIN.md, "Who may see and do what"; thesis table 2). One pure function,
 * `may`, decides for every use case, every read that returns records, the bot and later the tab's API.
 *
 * Every role has a scope: a home director and a head nurse act for their own home(s), a regional director
 * for the homes and customers of their region, the business director, quality manager, sales and admin for
 * the whole company. An action lists the roles that may take it; the role's scope must cover the record
 * (its care home, or its region). Someone outside the people list may do nothing.
 */
export { roleScopes, type RoleScope } from '../domain/records/person.js';

/** Roles that record for a home: its own staff, its region's director, and every company-wide role but admin. */
const recorders = ['kotijohtaja', 'vastaava-hoitaja', 'aluejohtaja', 'liiketoimintajohtaja', 'laatupaallikko', 'myynti'] as const;
/** "Management, the quality manager and the home concerned" read complaint texts and contact notes. */
const confidentialReaders = ['kotijohtaja', 'vastaava-hoitaja', 'aluejohtaja', 'liiketoimintajohtaja', 'laatupaallikko'] as const;

/**
 * The role table (README, "Who may do what"): action → roles. Scope comes from the role (roleScopes) and
 * is checked against the record the action touches.
 */
export const permissions = {
  /** Read customers, places and cards (the summary variant unless a confidential read is also allowed). */
  read: ['kotijohtaja', 'vastaava-hoitaja', 'aluejohtaja', 'liiketoimintajohtaja', 'laatupaallikko', 'myynti', 'admin'],
  /** Record a freed/freeing place, a supervision visit, a home event, a complaint, a note or a meeting memo. */
  recordForHome: recorders,
  /** A contact with a customer (not tied to a home): anyone who works with customers. */
  logContact: recorders,
  /** Reserve a free place for a customer (sales, or the home's own people and directors). */
  reservePlace: ['kotijohtaja', 'vastaava-hoitaja', 'aluejohtaja', 'liiketoimintajohtaja', 'myynti'],
  /**
   * A reserved place sold (occupied) or released, and a reserved or occupied place recorded free again:
   * the home director's occupancy table, or sales.
   */
  settlePlace: ['kotijohtaja', 'vastaava-hoitaja', 'aluejohtaja', 'liiketoimintajohtaja', 'myynti'],
  /** Complaint handling steps: the home's director and deputy, the regional director, the quality manager. */
  advanceComplaint: ['kotijohtaja', 'vastaava-hoitaja', 'aluejohtaja', 'liiketoimintajohtaja', 'laatupaallikko'],
  /** "A written reply by the regional director when needed" (thesis 4.4.3). */
  replyToComplaint: ['aluejohtaja', 'liiketoimintajohtaja'],
  /** Complaint free text (matter, actions, reply) and contact notes: otherwise the summary variant. */
  readConfidential: confidentialReaders,
  /** A customer's change history (`historia`). */
  readHistory: ['aluejohtaja', 'liiketoimintajohtaja', 'admin'],
  /**
   * A customer's purchase-service agreement or service-voucher arrangement (thesis 6.1): the directors who
   * develop the customer relationship (the regional director for the region's customers) and sales.
   */
  recordAgreement: ['aluejohtaja', 'liiketoimintajohtaja', 'myynti'],
  /**
   * The quarterly joint meeting of service production and sales (thesis 6.3; issue 12): the company's, not a
   * home's, so it is scheduled by those who meet across homes — the directors and sales.
   */
  scheduleJointMeeting: ['aluejohtaja', 'liiketoimintajohtaja', 'myynti'],
  /** Reschedule or cancel a meeting someone else organizes (issue 12): the business director; the organizer always may. */
  manageOthersMeetings: ['liiketoimintajohtaja'],
  /** Which channel is the sales or management channel. */
  bindChannel: ['admin'],
  /** The outbox's state and sending undelivered cards again (`tila`). */
  operateDelivery: ['admin'],
  /**
   * Edit or withdraw an entry someone else recorded (issue 11, `omat`): its author always may; besides them the
   * business director, who answers for the records, and the admin, who fixes what went wrong.
   */
  correctOthersEntries: ['liiketoimintajohtaja', 'admin'],
  /**
   * A customer's plan and annual clock (issue 12, `suunnitelma`; thesis 6.4.2: the regional director "builds
   * customer plans", the business director builds the customer-management model and the plans).
   */
  editCustomerPlan: ['aluejohtaja', 'liiketoimintajohtaja'],
  /**
   * A customer's own details on the tab's customer page (issue 13; thesis 6.1): its segment and lifecycle
   * phase, and its officials (contacts and their roles). Those who develop the customer relationship, as for
   * its agreements: the regional director for the region's customers, the business director and sales.
   */
  editCustomer: ['aluejohtaja', 'liiketoimintajohtaja', 'myynti'],
  /**
   * The figures management steers by (issue 13, the tab's Luvut page; thesis 6.2 customer report, seed 002
   * process measures): management — the home's director and deputy for their own home, the regional director
   * for the region, the business director and the quality manager — and sales. Scoped: each sees the figures of
   * the homes (and the customers of the regions) their role covers.
   */
  readFigures: ['kotijohtaja', 'vastaava-hoitaja', 'aluejohtaja', 'liiketoimintajohtaja', 'laatupaallikko', 'myynti'],
} as const satisfies Record<string, readonly PersonRole[]>;

export type Action = keyof typeof permissions;

/**
 * Actions checked against the record's home or region. The others concern the company as a whole (reading,
 * a contact with a customer, the channels, the outbox): holding the role is enough.
 */
export const scopedActions: ReadonlySet<Action> = new Set<Action>(['recordForHome', 'reservePlace', 'settlePlace', 'advanceComplaint', 'replyToComplaint', 'readConfidential', 'recordAgreement', 'editCustomerPlan', 'editCustomer', 'readFigures']);

/** What an action touches, as far as scope goes: a home (and its region), or a customer's region, or nothing. */
export interface ScopeTarget {
  careHomeId?: string | undefined;
  /** Shown in a refusal ("only for Koivukoti"). */
  careHomeName?: string | undefined;
  region?: Region | undefined;
}

export type Decision =
  | { ok: true; person: Person }
  | { ok: false; reason: 'forbidden'; message: 'auth.notInPeopleList'; roles: readonly PersonRole[] }
  | { ok: false; reason: 'forbidden'; message: 'auth.roleRequired'; roles: readonly PersonRole[] }
  /** The role is right but not here: a home director acting on another home, a regional director outside the region. */
  | { ok: false; reason: 'forbidden'; message: 'auth.outOfScope'; roles: readonly PersonRole[]; params: Record<string, string> };

/** The homes a person's home roles cover. */
export function homesOf(person: Person): readonly string[] {
  return person.careHomeIds ?? [];
}

function covers(person: Person, role: PersonRole, target: ScopeTarget | undefined): boolean {
  switch (roleScopes[role]) {
    case 'company':
      return true;
    case 'region':
      return target?.region !== undefined && target.region === person.region;
    case 'home':
      return target?.careHomeId !== undefined && homesOf(person).includes(target.careHomeId);
  }
}

/** The pure decision: may this person (or nobody, for someone outside the people list) take the action here? */
export function may(person: Person | undefined, action: Action, target?: ScopeTarget): Decision {
  const roles: readonly PersonRole[] = permissions[action];
  if (!person) return { ok: false, reason: 'forbidden', message: 'auth.notInPeopleList', roles };
  const held = person.roles.filter((r) => roles.includes(r));
  if (held.length === 0) return { ok: false, reason: 'forbidden', message: 'auth.roleRequired', roles };
  if (!scopedActions.has(action) || held.some((role) => covers(person, role, target))) return { ok: true, person };
  return {
    ok: false,
    reason: 'forbidden',
    message: 'auth.outOfScope',
    roles,
    params: { where: target?.careHomeName ?? target?.region ?? '' },
  };
}

/** A yes/no for filtering reads (which variant of a card, which records to list). */
export function allows(person: Person | undefined, action: Action, target?: ScopeTarget): boolean {
  return may(person, action, target).ok;
}

/** The people-list entry of the acting Teams user (matched by Entra object id), if any. */
export async function personOf(ctx: AppContext, actor: ActorRef): Promise<Person | undefined> {
  return (await ctx.store.records.list('person', { userId: actor.id }))[0];
}

/** Looks the actor up and decides: what a use case calls before it writes. */
export async function authorize(ctx: AppContext, actor: ActorRef, action: Action, target?: ScopeTarget): Promise<Decision> {
  return may(await personOf(ctx, actor), action, target);
}

/** The scope of an action on a care home's record: the home, named for a refusal, and its region. */
export function homeScope(home: Pick<CareHome, 'id' | 'name' | 'region'>): ScopeTarget {
  return { careHomeId: home.id, careHomeName: home.name, region: home.region };
}
