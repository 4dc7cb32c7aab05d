import { addDays } from '../../../domain/dates.js';
import type { ActorRef, Region } from '../../../domain/records/common.js';
import { complaintChannels, complaintSeverities, complaintStatuses, type Complaint } from '../../../domain/records/complaint.js';
import type { DevelopmentMeeting } from '../../../domain/records/development-meeting.js';
import { homeEventKinds, type HomeEvent } from '../../../domain/records/home-event.js';
import type { Note } from '../../../domain/records/note.js';
import type { SupervisionVisit } from '../../../domain/records/supervision-visit.js';
import { daysAgo, instantOn, largeId, metaOn, type GenContext } from './context.js';
import type { GeneratedCustomer } from './customers.js';
import type { GeneratedHome } from './homes.js';

/** Who and what the other kinds of entry draw on: customers and homes of the same region, and the staff. */
export interface ActivityWorld {
  customers: readonly GeneratedCustomer[];
  homesByRegion: ReadonlyMap<Region, readonly GeneratedHome[]>;
  allHomes: readonly GeneratedHome[];
  directorOf: ReadonlyMap<string, ActorRef>;
  salesAndManagement: readonly ActorRef[];
  regionalDirectors: readonly ActorRef[];
}

/** A customer and a home it buys from (its own region's, any home when its region has none). */
function customerAndHome(ctx: GenContext, w: ActivityWorld) {
  const c = ctx.prng.pick(w.customers);
  const homes = w.homesByRegion.get(c.customer.region);
  const home = ctx.prng.pick(homes && homes.length > 0 ? homes : w.allHomes).home;
  return { c, home, director: w.directorOf.get(home.id)! };
}

/** Supervision visits over three years, recorded by a regional director (or sales when there is none). */
export function* generateVisits(ctx: GenContext, count: number, w: ActivityWorld): Generator<SupervisionVisit> {
  const recorders = w.regionalDirectors.length > 0 ? w.regionalDirectors : w.salesAndManagement;
  for (let n = 0; n < count; n++) {
    const { c, home } = customerAndHome(ctx, w);
    const date = daysAgo(ctx, 1, 3 * 365);
    const recordedBy = ctx.prng.pick(recorders);
    yield {
      ...metaOn(ctx, date, recordedBy),
      id: largeId('visit', n),
      customerId: c.customer.id,
      careHomeId: home.id,
      date,
      participants: `${c.contacts[0]!.name}, ${recordedBy.name}`,
      findings: ctx.prng.pick(['Omavalvontasuunnitelma ajan tasalla, ei huomautettavaa.', 'Lääkehoitosuunnitelman päivitys pyydetty.', 'Henkilöstömitoitus kunnossa, kirjaamisessa kehitettävää.']),
      ...(ctx.prng.chance(0.4) ? { followUpActions: 'Toimitetaan päivitetty suunnitelma kuukauden sisällä.' } : {}),
      specialMention: ctx.prng.chance(0.1),
      recordedBy,
    };
  }
}

/** Home events that one to three customers of the region attended with some of their contacts. */
export function* generateHomeEvents(ctx: GenContext, count: number, w: ActivityWorld): Generator<HomeEvent> {
  for (let n = 0; n < count; n++) {
    const { home, director } = customerAndHome(ctx, w);
    const regional = w.customers.filter((c) => c.customer.region === home.region);
    const attending = ctx.prng.sample(regional.length > 0 ? regional : w.customers, ctx.prng.int(1, 3));
    const date = daysAgo(ctx, 1, 3 * 365);
    const kind = ctx.prng.pick(homeEventKinds);
    yield {
      ...metaOn(ctx, date, director),
      id: largeId('event', n),
      careHomeId: home.id,
      date,
      kind,
      title: { 'omaisten-ilta': 'Omaisten ilta', kesajuhla: 'Kesäjuhla', joulujuhla: 'Joulujuhla', muu: 'Avoimet ovet' }[kind],
      customerIds: attending.map((c) => c.customer.id),
      attendingContactIds: attending.flatMap((c) => ctx.prng.sample(c.contacts, 1).map((x) => x.id)),
      ...(ctx.prng.chance(0.5) ? { whatCameUp: 'Kysyttiin lyhytaikaisen hoidon paikoista ensi keväälle.' } : {}),
      specialMention: ctx.prng.chance(0.1),
      recordedBy: director,
    };
  }
}

/**
 * Complaints in every status: most of the older ones closed, the recent ones open at some step, and a
 * share of the open ones past their next step's target date (the digest lists those).
 */
export function* generateComplaints(ctx: GenContext, count: number, w: ActivityWorld): Generator<Complaint> {
  for (let n = 0; n < count; n++) {
    const { c, home, director } = customerAndHome(ctx, w);
    const daysBack = ctx.prng.int(1, 2 * 365);
    const receivedDate = addDays(ctx.today, -daysBack);
    const recent = daysBack < 60;
    const step = recent ? ctx.prng.int(0, 4) : ctx.prng.chance(0.9) ? 4 : ctx.prng.int(0, 3);
    const status = complaintStatuses[step]!;
    // Each step taken a few days after the one before it, never after today.
    const stepDate = (k: number) => {
      const d = addDays(receivedDate, 3 * k + ctx.prng.int(0, 2));
      return d > ctx.today ? ctx.today : d;
    };
    const by = (k: number, who: ActorRef) => (step >= k ? { at: instantOn(ctx, stepDate(k)), who } : undefined);
    const agreed = by(1, director);
    const corrected = by(2, director);
    const informed = by(3, director);
    const closed = by(4, director);
    const lastStep = step === 0 ? receivedDate : stepDate(step);
    // Open complaints: the next step is due 7 days after the last one, so older open ones are overdue.
    const nextStepDue = step < 4 ? addDays(lastStep, 7) : undefined;
    yield {
      ...metaOn(ctx, receivedDate, director),
      id: largeId('complaint', n),
      customerId: c.customer.id,
      careHomeId: home.id,
      receivedDate,
      channel: ctx.prng.pick(complaintChannels),
      matter: ctx.prng.pick(['Tiedonkulku omaisille viivästyi.', 'Laskussa virheellinen hoitopäivien määrä.', 'Palveluohjaajan viestiin vastattiin myöhässä.']),
      severity: ctx.prng.pick(complaintSeverities),
      status,
      ...(agreed ? { correctiveActions: 'Käydään toimintaohje läpi henkilöstön kanssa.', actionsAgreedAt: agreed.at, actionsAgreedBy: agreed.who } : {}),
      ...(corrected ? { correctedAt: corrected.at, correctedBy: corrected.who } : {}),
      ...(informed ? { informedAt: informed.at, informedBy: informed.who } : {}),
      ...(closed ? { closedAt: closed.at, closedBy: closed.who, updatedAt: closed.at } : {}),
      ...(nextStepDue ? { nextStepDue } : {}),
      recordedBy: director,
    };
  }
}

/** Notes both ways between sales and production, dated by when they were written. */
export function* generateNotes(ctx: GenContext, count: number, w: ActivityWorld): Generator<Note> {
  for (let n = 0; n < count; n++) {
    const { c, home, director } = customerAndHome(ctx, w);
    const fromSales = ctx.prng.chance(0.5);
    const recordedBy = fromSales ? ctx.prng.pick(w.salesAndManagement) : director;
    yield {
      ...metaOn(ctx, daysAgo(ctx, 0, 2 * 365), recordedBy),
      id: largeId('note', n),
      customerId: c.customer.id,
      ...(fromSales ? {} : { careHomeId: home.id }),
      matter: fromSales ? 'Asiakas suunnittelee uutta kilpailutusta ensi vuodelle.' : 'Kotiin on vapautumassa kaksi paikkaa kuun lopussa.',
      specialMention: ctx.prng.chance(0.1),
      direction: fromSales ? 'myynnista-tuotantoon' : 'tuotannosta-myyntiin',
      recordedBy,
    };
  }
}

/** Development meetings: yearly with a customer (most), or the quarterly internal one. */
export function* generateMeetings(ctx: GenContext, count: number, w: ActivityWorld): Generator<DevelopmentMeeting> {
  for (let n = 0; n < count; n++) {
    const { c, home } = customerAndHome(ctx, w);
    const yearly = ctx.prng.chance(0.8);
    const date = daysAgo(ctx, 1, 3 * 365);
    const startsAt = instantOn(ctx, date);
    const recordedBy = ctx.prng.pick(w.salesAndManagement);
    yield {
      ...metaOn(ctx, date, recordedBy),
      id: largeId('meeting', n),
      kind: yearly ? 'vuosittainen' : 'neljannesvuosittainen',
      ...(yearly ? { customerId: c.customer.id, careHomeId: home.id } : {}),
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 90 * 60_000).toISOString(),
      participants: yearly ? `${c.contacts[0]!.name}, ${recordedBy.name}` : `${recordedBy.name} ja kotien johtajat`,
      memo: 'Käytiin läpi sopimuksen toteutuminen ja kehittämiskohteet.',
      recordedBy,
    };
  }
}
