import type { QuarterSpan } from '../domain/metrics/quarters.js';
import type { CareHome } from '../domain/records/care-home.js';
import type { Region, ServiceType } from '../domain/records/common.js';
import type { ComplaintSeverity, ComplaintStatus } from '../domain/complaints/complaint-lifecycle.js';
import type { Complaint } from '../domain/records/complaint.js';
import type { ContactLogEntry } from '../domain/records/contact-log-entry.js';
import type { Customer } from '../domain/records/customer.js';
import type { Place, PlaceStatus } from '../domain/records/place.js';
import type { CustomerEntry } from './customer-entry.js';
import type { RecordKind, RecordOf } from './record-kinds.js';

/**
 * The port's narrow reads: each asks for what one view shows, so a request reads rows in proportion to
 * the card, never to the store (issue 10: at 10× the company's size `list()` of every entry took 55 s
 * for a card that shows five). `RecordStore.list` stays for maintenance and small reference lists.
 *
 * Both adapters serve these from SQL — SQLite directly, the SharePoint store from its SQLite mirror with
 * the same code — so none of them costs a Graph call. Rows come back as stored: they were validated by
 * the record's schema when written, and are not parsed again on every read.
 */
export interface RecordQueries {
  /** The newest `limit` entries of every kind the customer card lists, dated on or before `upTo`, newest first. */
  latestEntries(customerId: string, upTo: string, limit: number): Promise<CustomerEntry[]>;
  /** Each customer's newest entry day on or before `upTo`; a customer with no entry is absent. */
  lastEntryDates(upTo: string): Promise<Map<string, string>>;
  /** How many entries are dated from `from` (inclusive) to `until` (exclusive): the digest's "quantity first". */
  countEntries(from: string, until: string): Promise<number>;
  /**
   * Free and freeing places (effective status on `today`: a freeing place whose date has come is free),
   * ordered by region, home name (Finnish order), then date and label; at most `limit`, with the totals.
   */
  openPlaces(query: OpenPlacesQuery): Promise<PlacePage>;
  /**
   * The places reserved for or sold to a customer (its preliminary reservation kept on an occupied place,
   * place.ts): reserved ones first, each group newest reservation first; at most `limit`, with the counts.
   */
  placesOfCustomer(customerId: string, limit: number): Promise<CustomerPlaces>;
  /** Places free on `today` since `freeSince` or earlier, longest first: the digest's long-free places. */
  longFreePlaces(today: string, freeSince: string, limit: number): Promise<PlacePage>;
  /** How many places each home has in each effective status on `today`. */
  placeCounts(today: string): Promise<{ careHomeId: string; status: PlaceStatus; count: number }[]>;
  /**
   * How many places each home has of each service type in each effective status on `today` (the tab's
   * occupancy board, issue 13): one aggregate row per home, service type and status.
   */
  placeCountsByServiceType(today: string): Promise<{ careHomeId: string; serviceType: ServiceType; status: PlaceStatus; count: number }[]>;
  /** Complaints not closed whose next step's target date is before `today`, most overdue first. */
  overdueComplaints(today: string, limit: number): Promise<{ complaints: Complaint[]; total: number }>;
  /** A customer's complaints not closed, the nearest next-step target date first. */
  openComplaintsOf(customerId: string): Promise<Complaint[]>;
  /** The contact log entry with the customer's earliest next-contact date on or after `from`. */
  nextContactOf(customerId: string, from: string): Promise<ContactLogEntry | undefined>;
  /**
   * The newest `limit` entries the person (`createdBy`, their user id) recorded, of every kind `omat` lists,
   * newest first; withdrawn ones are left out like everywhere else (issue 11).
   */
  recentEntriesBy(userId: string, limit: number): Promise<RecordedEntry[]>;
  /** Every customer's id, name and region in Finnish alphabetical order; cached until a customer is written. */
  customerNames(): Promise<readonly CustomerName[]>;
  /** A region's customers first, then the others, alphabetically; at most `limit`, with how many there are in all. */
  customersByRegion(region: Region, limit: number): Promise<{ customers: CustomerName[]; inRegion: number; total: number }>;
  /**
   * Customers whose name contains `text`, case-insensitively (the typeahead of every customer choice): names
   * starting with it first, then those with a word starting with it, then the rest, each in Finnish order;
   * `skip` of them passed over, at most `limit` returned. An empty text lists every customer in that order.
   */
  searchCustomers(text: string, limit: number, skip: number): Promise<CustomerName[]>;
  /**
   * Customers' officials whose name or customer's name contains `text` (the home-event form's attendees), in
   * rank order of searchCustomers (the official's name, then the customer's), then by customer and name; at most `limit`.
   */
  searchContacts(text: string, limit: number, skip: number): Promise<ContactName[]>;
  /** The care homes in Finnish alphabetical order; cached until a home is written. */
  careHomes(): Promise<readonly CareHome[]>;
  /**
   * Whether any record was created at or before `instant` (src/domain/metrics/in-use-since.ts: the digest
   * waits for a week of use). Stops at the first such row, where the earliest `createdAt` would read them all.
   */
  createdBy(instant: string): Promise<boolean>;
  /** Whether a request with this idempotency key was already applied: a cheap check before costly work. */
  isProcessed(idempotencyKey: string): Promise<boolean>;

  // --- occupancy (the tab's Käyttöaste board, issue 13) ---
  /**
   * How many places each of these homes has of each service type (only `serviceType`, when named) in each
   * effective status on `today`: the board's rows for one page of homes, so the rows read follow the page.
   */
  placeTalliesOf(today: string, careHomeIds: readonly string[], serviceType?: ServiceType): Promise<PlaceTally[]>;
  /**
   * How many places every home has in each effective status on `today` (only `serviceType`, when named): the
   * board's region and company totals and its sorting by a count. One aggregate off an index (migration 014),
   * kept until a place or home is written, so a read of the board between changes counts nothing.
   */
  homePlaceTotals(today: string, serviceType?: ServiceType): Promise<readonly HomePlaceCount[]>;

  // --- Complaints: the tab's complaint board and the quality manager's summary (issue 13) ---
  /**
   * The complaint board: for each of `statuses`, its first `limitPerColumn` complaints by the filters — the
   * nearest next-step target date first (none last), then the newest received — and how many each status has
   * in all (one aggregate query), so a column's header tells the true number however short its page is.
   */
  complaintBoard(query: ComplaintBoardQuery): Promise<{ complaints: Complaint[]; counts: { status: ComplaintStatus; count: number }[] }>;
  /** Complaints received in the period, counted per home (or over all `careHomeIds`), severity and month (`YYYY-MM`). */
  complaintCounts(query: ComplaintPeriodQuery): Promise<{ careHomeId?: string; severity: ComplaintSeverity; month: string; count: number }[]>;
  /**
   * The median of whole days (Helsinki calendar days) from a complaint's receipt to its correction and to the
   * customer being informed, over the complaints received in the period that have reached that step; per home,
   * or over all `careHomeIds`. Computed in SQL: no complaint leaves the store. A home with none is absent.
   */
  complaintHandlingMedians(query: ComplaintPeriodQuery): Promise<{ careHomeId?: string; step: 'corrected' | 'informed'; medianDays: number; count: number }[]>;

  // ── figures (issue 13, the tab's Luvut page: thesis 6.2 customer report, seed 002 process measures) ──

  /**
   * Per customer and service type, the places sold to the customer in `homeIds` that were occupied in the period
   * [`from`, `until`) — `stays` (residents placed: one per sale), occupied days, and revenue = each occupied day
   * at the price per day of the customer's agreement covering the service type on that day. From the audit
   * trail's status history (sqlite-queries.ts says how); aggregated in SQL, one row per customer and type.
   */
  customerStays(query: FiguresPeriod): Promise<CustomerStayFigures[]>;
  /** As `lastEntryDates` (each customer's newest entry day on or before `upTo`), in one statement: the figures' contact table. */
  lastEntryDays(upTo: string): Promise<Map<string, string>>;
  /**
   * Per customer in `customerIds` and quarter (`quarters`: [from, until) each), how many entries of every kind the
   * customer card lists (the same entries as `lastEntryDates`): the contacts per customer per quarter.
   */
  entriesPerQuarter(customerIds: readonly string[], quarters: readonly QuarterSpan[]): Promise<{ customerId: string; quarter: string; count: number }[]>;
  /**
   * Free places taken (reserved or sold) in [`from`, `until`) in `homeIds`: per home and over all of them, how many
   * and the median days each had been free (its free-from date to the day it was taken; a place taken before its
   * date counts 0).
   */
  freePlaceMedians(query: FiguresPeriod): Promise<{ homes: FreePeriodMedian[]; overall: Omit<FreePeriodMedian, 'careHomeId'> }>;
  /**
   * Complaints of `homeIds` received in each quarter: how many, how many got a first reply (the first handling
   * step recorded) and were informed of the corrections, and the median days from receipt to each.
   */
  complaintResponseTimes(homeIds: HomeSelection, quarters: readonly QuarterSpan[]): Promise<ComplaintResponseFigures[]>;
}

export interface ComplaintBoardQuery {
  statuses: readonly ComplaintStatus[];
  careHomeId?: string | undefined;
  severity?: ComplaintSeverity | undefined;
  limitPerColumn: number;
}

export interface ComplaintPeriodQuery {
  /** First day received (inclusive). */
  from: string;
  /** Last day received (inclusive). */
  to: string;
  /** Only these homes; undefined: every home. */
  careHomeIds?: readonly string[] | undefined;
  /** One row per home, or one over all of them (careHomeId absent). */
  byHome: boolean;
}


/** Which homes' figures: these, or every home (a company-wide reader: no list to match each row against). */
export type HomeSelection = readonly string[] | 'all';

/** A period of the figures over some homes: days from `from` (inclusive) to `until` (exclusive). */
export interface FiguresPeriod {
  from: string;
  until: string;
  homeIds: HomeSelection;
}

export type { QuarterSpan };

export interface CustomerStayFigures {
  customerId: string;
  serviceType: ServiceType;
  stays: number;
  occupiedDays: number;
  /** Occupied days no priced agreement covered: counted, but earning nothing in `revenue`. */
  unpricedDays: number;
  revenue: number;
}

export interface FreePeriodMedian {
  careHomeId: string;
  taken: number;
  medianDays: number | null;
}

export interface ComplaintResponseFigures {
  quarter: string;
  received: number;
  replied: number;
  informed: number;
  medianDaysToReply: number | null;
  medianDaysToInformed: number | null;
}

/**
 * The kinds of record a person records and may correct or withdraw (issue 11). Every one carries the
 * withdrawal fields (src/domain/records/common.ts), and every view above leaves a withdrawn one out.
 */
export const recordedEntryKinds = ['place', 'supervisionVisit', 'homeEvent', 'complaint', 'contactLogEntry', 'note', 'developmentMeeting'] as const satisfies readonly RecordKind[];
export type RecordedEntryKind = (typeof recordedEntryKinds)[number];
export type RecordedEntry = { [K in RecordedEntryKind]: { kind: K; record: RecordOf<K> } }[RecordedEntryKind];

export type CustomerName = Pick<Customer, 'id' | 'name' | 'region'>;

/** An official as a choice lists them: who, and of which customer. */
export interface ContactName {
  id: string;
  name: string;
  customerName: string;
}

export interface OpenPlacesQuery {
  today: string;
  region?: Region | undefined;
  careHomeId?: string | undefined;
  /** Only these homes (`paikat <koti>` matched several); with `careHomeId` and `region`, all must hold. */
  careHomeIds?: readonly string[] | undefined;
  /** The preliminarily reserved places too (`paikat`: who reserved, for whom), in the same order. */
  withReserved?: boolean | undefined;
  limit: number;
}

export type PlaceOnDay = Place & { effectiveStatus: PlaceStatus };

/** A bounded page of places, and how many matched in all (and in how many homes). */
export interface PlacePage {
  places: PlaceOnDay[];
  total: number;
  homes: number;
}

/** A customer's reserved and sold places: a bounded page, reserved first, and how many of each there are. */
export interface CustomerPlaces {
  places: PlaceOnDay[];
  reserved: number;
  sold: number;
}

/** One aggregate row of the occupancy board: a home's places of a service type in one effective status. */
export interface PlaceTally {
  careHomeId: string;
  serviceType: ServiceType;
  status: PlaceStatus;
  count: number;
}

/** A home's places in one effective status (of every service type, or of the one asked for). */
export type HomePlaceCount = Omit<PlaceTally, 'serviceType'>;
