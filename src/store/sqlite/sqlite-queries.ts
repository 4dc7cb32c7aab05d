import type Database from 'better-sqlite3';
import { addDays, instantAt, localDate } from '../../domain/dates.js';
import type { CareHome } from '../../domain/records/care-home.js';
import type { Region, ServiceType } from '../../domain/records/common.js';
import type { ComplaintSeverity, ComplaintStatus } from '../../domain/complaints/complaint-lifecycle.js';
import type { Complaint } from '../../domain/records/complaint.js';
import type { ContactLogEntry } from '../../domain/records/contact-log-entry.js';
import type { PlaceStatus } from '../../domain/records/place.js';
import { entryOf, type CustomerEntry } from '../customer-entry.js';
import { recordKinds, type RecordKind, type RecordOf } from '../record-kinds.js';
import {
  recordedEntryKinds,
  type ComplaintBoardQuery,
  type ComplaintPeriodQuery,
  type ComplaintResponseFigures,
  type ContactName,
  type CustomerName,
  type CustomerStayFigures,
  type FiguresPeriod,
  type FreePeriodMedian,
  type HomePlaceCount,
  type HomeSelection,
  type OpenPlacesQuery,
  type PlaceOnDay,
  type PlacePage,
  type PlaceTally,
  type QuarterSpan,
  type RecordedEntry,
  type RecordQueries,
} from '../record-queries.js';
import { matchRank } from '../../domain/text/finnish-fold.js';
import { finnishSortKey, likeLiteral, fold, registerFinnishText } from './finnish-text.js';
import { helsinkiDaySql } from './helsinki-day.js';
import { registerLocalDay } from './local-day.js';
import { prepared } from './prepared.js';
import { readMeterOf, type ReadMeter } from './read-meter.js';
import { mappedRow } from './row-mapping.js';
import { tableName } from './sql-columns.js';
import { KindCache, KindsMemo } from './write-generations.js';

/** One collator for every Finnish-order sort: building one per comparison (localeCompare) is what costs. */
const finnish = new Intl.Collator('fi');

/** A place's status on a day, in SQL: a freeing place whose date has come is free (place-lifecycle.ts, effectiveStatus). */
const EFFECTIVE_STATUS = `CASE WHEN p.status = 'vapautuu' AND p.free_from <= @today THEN 'vapaa' ELSE p.status END`;
const OPEN = `p.status IN ('vapaa', 'vapautuu') AND p.withdrawn_at IS NULL`;
/** Open, or preliminarily reserved: what `paikat` lists (each value one seek on place_home_status). */
const OPEN_OR_RESERVED = `p.status IN ('vapaa', 'vapautuu', 'alustavasti-varattu') AND p.withdrawn_at IS NULL`;
const FREE_ON_DAY = `(p.status = 'vapaa' OR (p.status = 'vapautuu' AND p.free_from <= @today)) AND p.withdrawn_at IS NULL`;

/**
 * A customer's newest live home events up to a day (`?` customer, day, limit): off the key of the lookup that
 * migration 017 keeps, newest first, so only the rows shown are read. Exported for the test that pins its plan.
 */
export const HOME_EVENTS_OF_CUSTOMER = `SELECT e.* FROM home_event_customer AS c CROSS JOIN home_event AS e ON e.id = c.home_event_id
  WHERE c.customer_id = ? AND c.date <= ? AND e.withdrawn_at IS NULL ORDER BY c.date DESC, e.rowid LIMIT ?`;

/** The first instant of a day in Helsinki, as ISO: notes and meetings are dated by an instant, not a day. */
const startOfDay = (date: string): string => instantAt(date, '00:00').toISOString();

/**
 * The narrow reads (record-queries.ts) in SQL, on the SQLite store and on the SharePoint store's mirror
 * alike. The indexes they lean on are in migrations/008-read-indexes.sql. Rows are mapped, not parsed
 * again (row-mapping.ts). Home order comes from the cached, Finnish-sorted home list and is handed to SQL
 * as a JSON list of ids (`json_each`, whose `key` is the position): SQLite has no Finnish collation.
 */
export class SqliteRecordQueries implements RecordQueries {
  private readonly meter: ReadMeter;
  private readonly customerList: KindCache<CustomerName[]>;
  /** The customers as the search ranks them: in its Finnish order, each with its folded name. */
  private readonly customerSearchList: KindCache<SearchableCustomer[]>;
  private readonly homeList: KindCache<{ byName: CareHome[]; byRegion: CareHome[] }>;
  /** homePlaceTotals by service type ('' for all), for `homeTotalsDay`; `homes` the home list they were counted for. */
  private readonly homeTotals = new Map<string, { homes: unknown; counts: KindCache<HomePlaceCount[]> }>();
  private homeTotalsDay = '';
  /**
   * The figures' aggregates by their parameters, kept until a kind they read is written (the audit trail's place
   * entries are written with the place): a page view between writes costs no aggregate query. See "figures" below.
   */
  private readonly figuresMemo: {
    stays: KindsMemo<CustomerStayFigures[]>;
    lastEntries: KindsMemo<Map<string, string>>;
    freePlaces: KindsMemo<{ homes: FreePeriodMedian[]; overall: Omit<FreePeriodMedian, 'careHomeId'> }>;
    complaints: KindsMemo<ComplaintResponseFigures[]>;
  };
  /**
   * The complaint summary's counts and medians, kept per period and homes until a complaint is written: its
   * company row covers every complaint of the year (ten times as many at ten times the size), and complaints
   * are written a few times a day while the quality manager's page is read far more often.
   */
  private readonly complaintSummaryMemo: {
    counts: KindsMemo<{ careHomeId?: string; severity: ComplaintSeverity; month: string; count: number }[]>;
    medians: KindsMemo<{ careHomeId?: string; step: 'corrected' | 'informed'; medianDays: number; count: number }[]>;
  };

  constructor(private readonly db: Database.Database) {
    this.meter = readMeterOf(db);
    registerFinnishText(db);
    registerLocalDay(db);
    this.customerList = new KindCache(db, 'customer', () =>
      this.rows<CustomerName>('SELECT id, name, region FROM customer').sort((a, b) => finnish.compare(a.name, b.name)),
    );
    // Folded and put in order once per customer write, not per keystroke: the search then only compares strings.
    this.customerSearchList = new KindCache(db, 'customer', () => searchOrder(this.customerList.get()));
    this.figuresMemo = {
      stays: new KindsMemo(db, ['place', 'agreement']),
      lastEntries: new KindsMemo(db, ['customer', 'contactLogEntry', 'supervisionVisit', 'complaint', 'note', 'developmentMeeting', 'homeEvent']),
      freePlaces: new KindsMemo(db, ['place']),
      complaints: new KindsMemo(db, ['complaint']),
    };
    this.complaintSummaryMemo = { counts: new KindsMemo(db, ['complaint']), medians: new KindsMemo(db, ['complaint']) };
    this.homeList = new KindCache(db, 'careHome', () => {
      const byName = this.records('careHome', 'SELECT * FROM care_home').sort((a, b) => finnish.compare(a.name, b.name));
      // Stable: within a region the homes keep their Finnish name order.
      const byRegion = [...byName].sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));
      return { byName, byRegion };
    });
  }

  async latestEntries(customerId: string, upTo: string, limit: number): Promise<CustomerEntry[]> {
    const end = startOfDay(addDays(upTo, 1));
    // The newest `limit` of each kind hold the newest `limit` of all; each comes off its (customer, date) index.
    const entries = [
      ...this.records('contactLogEntry', 'SELECT * FROM contact_log_entry WHERE customer_id = ? AND date <= ? AND withdrawn_at IS NULL ORDER BY date DESC, rowid LIMIT ?', customerId, upTo, limit).map(entryOf.contactLogEntry),
      ...this.records('supervisionVisit', 'SELECT * FROM supervision_visit WHERE customer_id = ? AND date <= ? AND withdrawn_at IS NULL ORDER BY date DESC, rowid LIMIT ?', customerId, upTo, limit).map(entryOf.supervisionVisit),
      // A home event names its customers in a JSON list, which no index reaches: its customers are kept in the
      // lookup home_event_customer (migration 017), whose key range is this customer's live events by date.
      ...this.records('homeEvent', HOME_EVENTS_OF_CUSTOMER, customerId, upTo, limit).map(entryOf.homeEvent),
      ...this.records('note', 'SELECT * FROM note WHERE customer_id = ? AND julianday(created_at) < julianday(?) AND withdrawn_at IS NULL ORDER BY julianday(created_at) DESC, rowid LIMIT ?', customerId, end, limit).map(entryOf.note),
      ...this.records(
        'developmentMeeting',
        'SELECT * FROM development_meeting WHERE customer_id = ? AND julianday(starts_at) < julianday(?) AND withdrawn_at IS NULL ORDER BY julianday(starts_at) DESC, rowid LIMIT ?',
        customerId,
        end,
        limit,
      ).flatMap((m) => entryOf.developmentMeeting(m) ?? []),
      ...this.records('complaint', 'SELECT * FROM complaint WHERE customer_id = ? AND received_date <= ? AND withdrawn_at IS NULL ORDER BY received_date DESC, rowid LIMIT ?', customerId, upTo, limit).map(entryOf.complaint),
    ];
    return entries.sort((a, b) => b.date.localeCompare(a.date)).slice(0, limit);
  }

  async lastEntryDates(upTo: string): Promise<Map<string, string>> {
    const end = startOfDay(addDays(upTo, 1));
    const last = new Map<string, string>();
    const seen = (customerId: string, date: string) => {
      const known = last.get(customerId);
      if (!known || date > known) last.set(customerId, date);
    };
    // One index seek per customer and kind (max over (customer_id, date)): a GROUP BY would walk every entry.
    const perCustomer: [sql: string, bound: string, day: (value: string) => string][] = [
      ['SELECT max(date) AS d FROM contact_log_entry WHERE customer_id = ? AND date <= ? AND withdrawn_at IS NULL', upTo, asDay],
      ['SELECT max(date) AS d FROM supervision_visit WHERE customer_id = ? AND date <= ? AND withdrawn_at IS NULL', upTo, asDay],
      ['SELECT max(received_date) AS d FROM complaint WHERE customer_id = ? AND received_date <= ? AND withdrawn_at IS NULL', upTo, asDay],
      ['SELECT created_at AS d FROM note WHERE customer_id = ? AND julianday(created_at) < julianday(?) AND withdrawn_at IS NULL ORDER BY julianday(created_at) DESC LIMIT 1', end, dayOf],
      ['SELECT starts_at AS d FROM development_meeting WHERE customer_id = ? AND julianday(starts_at) < julianday(?) AND withdrawn_at IS NULL ORDER BY julianday(starts_at) DESC LIMIT 1', end, dayOf],
    ];
    for (const { id } of this.customerList.get()) {
      for (const [sql, bound, day] of perCustomer) {
        const value = this.one<{ d: string | null }>(sql, id, bound)?.d;
        if (value) seen(id, day(value));
      }
    }
    for (const row of this.rows<{ customerId: string; d: string }>(
      'SELECT j.value AS customerId, max(e.date) AS d FROM home_event AS e, json_each(e.customer_ids) AS j WHERE e.date <= ? AND e.withdrawn_at IS NULL GROUP BY j.value',
      upTo,
    )) {
      seen(row.customerId, row.d);
    }
    return last;
  }

  async countEntries(from: string, until: string): Promise<number> {
    const [start, end] = [startOfDay(from), startOfDay(until)];
    const count = (sql: string, ...params: unknown[]) => this.rows<{ n: number }>(sql, ...params)[0]?.n ?? 0;
    return (
      count('SELECT count(*) AS n FROM contact_log_entry WHERE date >= ? AND date < ? AND withdrawn_at IS NULL', from, until) +
      count('SELECT count(*) AS n FROM supervision_visit WHERE date >= ? AND date < ? AND withdrawn_at IS NULL', from, until) +
      count('SELECT count(*) AS n FROM home_event WHERE date >= ? AND date < ? AND withdrawn_at IS NULL', from, until) +
      count('SELECT count(*) AS n FROM complaint WHERE received_date >= ? AND received_date < ? AND withdrawn_at IS NULL', from, until) +
      count('SELECT count(*) AS n FROM note WHERE julianday(created_at) >= julianday(?) AND julianday(created_at) < julianday(?) AND withdrawn_at IS NULL', start, end) +
      // A meeting with no customer is no customer's entry (customer-entry.ts).
      count('SELECT count(*) AS n FROM development_meeting WHERE customer_id IS NOT NULL AND julianday(starts_at) >= julianday(?) AND julianday(starts_at) < julianday(?) AND withdrawn_at IS NULL', start, end)
    );
  }

  async openPlaces(query: OpenPlacesQuery): Promise<PlacePage> {
    const only = query.careHomeIds ? new Set(query.careHomeIds) : undefined;
    const homes = this.homeList
      .get()
      .byRegion.filter((h) => (!query.region || h.region === query.region) && (!query.careHomeId || h.id === query.careHomeId) && (!only || only.has(h.id)));
    // The totals and which homes the page needs come from the per-home counts homePlaceTotals keeps (counted
    // again only after a place or home is written): counting and sorting every open place of a region on each
    // card grew with the region (0.2 ms at 1×, 0.8 ms at 10×). The page is read from the first homes in order
    // whose open places fill it: at most `limit` places and one home's more, whatever the region's size.
    const listed = new Set<PlaceStatus>(query.withReserved ? ['vapaa', 'vapautuu', 'alustavasti-varattu'] : ['vapaa', 'vapautuu']);
    const openByHome = new Map<string, number>();
    for (const { careHomeId, status, count } of await this.homePlaceTotals(query.today)) {
      if (listed.has(status)) openByHome.set(careHomeId, (openByHome.get(careHomeId) ?? 0) + count);
    }
    const withOpen = homes.filter((h) => (openByHome.get(h.id) ?? 0) > 0);
    const total = withOpen.reduce((n, h) => n + openByHome.get(h.id)!, 0);
    const paged: string[] = [];
    for (let filled = 0; filled < query.limit && paged.length < withOpen.length; ) {
      const home = withOpen[paged.length]!;
      paged.push(home.id);
      filled += openByHome.get(home.id)!;
    }
    const params = { today: query.today, homes: JSON.stringify(paged), limit: query.limit };
    // CROSS JOIN keeps the homes as the outer loop, so each home's open places come from the (care_home_id,
    // status) index; left to itself SQLite scanned the unindexed json_each once per open place (65 ms at 10×).
    const from = `FROM json_each(@homes) AS h CROSS JOIN place AS p ON p.care_home_id = h.value WHERE ${query.withReserved ? OPEN_OR_RESERVED : OPEN}`;
    const places = paged.length === 0 ? [] : this.placesOnDay(`SELECT p.*, ${EFFECTIVE_STATUS} AS effective_status, h.key AS home_rank ${from} ORDER BY h.key, p.free_from, p.label LIMIT @limit`, params);
    return { places, total, homes: withOpen.length };
  }

  async placesOfCustomer(customerId: string, limit: number): Promise<{ places: PlaceOnDay[]; reserved: number; sold: number }> {
    // Off the (reserved_for_customer_id, status) index of migration 011: a customer's few places, never the table.
    const where = `FROM place AS p WHERE p.reserved_for_customer_id = @customerId AND p.status IN ('alustavasti-varattu', 'kaytossa')`;
    const params = { customerId, limit };
    const places = this.placesOnDay(
      `SELECT p.*, p.status AS effective_status ${where} ORDER BY p.status = 'kaytossa', julianday(p.reserved_at) DESC, p.label, p.rowid LIMIT @limit`,
      params,
    );
    const counts = this.rows<{ status: PlaceStatus; n: number }>(`SELECT p.status AS status, count(*) AS n ${where} GROUP BY p.status`, params);
    const count = (status: PlaceStatus) => counts.find((c) => c.status === status)?.n ?? 0;
    return { places, reserved: count('alustavasti-varattu'), sold: count('kaytossa') };
  }

  async longFreePlaces(today: string, freeSince: string, limit: number): Promise<PlacePage> {
    const params = { today, freeSince, limit, homes: JSON.stringify(this.homeList.get().byName.map((h) => h.id)) };
    const from = `FROM json_each(@homes) AS h CROSS JOIN place AS p ON p.care_home_id = h.value WHERE ${FREE_ON_DAY} AND p.free_from <= @freeSince`;
    const places = this.placesOnDay(`SELECT p.*, ${EFFECTIVE_STATUS} AS effective_status ${from} ORDER BY p.free_from, h.key, p.rowid LIMIT @limit`, params);
    return { places, ...this.totals(`SELECT count(*) AS total, count(DISTINCT p.care_home_id) AS homes ${from}`, params) };
  }

  async placeCounts(today: string): Promise<{ careHomeId: string; status: PlaceStatus; count: number }[]> {
    return this.rows(`SELECT p.care_home_id AS careHomeId, ${EFFECTIVE_STATUS} AS status, count(*) AS count FROM place AS p WHERE p.withdrawn_at IS NULL GROUP BY p.care_home_id, 2 ORDER BY 1, 2`, { today });
  }

  async placeCountsByServiceType(today: string): Promise<{ careHomeId: string; serviceType: ServiceType; status: PlaceStatus; count: number }[]> {
    return this.rows(
      `SELECT p.care_home_id AS careHomeId, p.service_type AS serviceType, ${EFFECTIVE_STATUS} AS status, count(*) AS count FROM place AS p WHERE p.withdrawn_at IS NULL GROUP BY p.care_home_id, p.service_type, 3 ORDER BY 1, 2, 3`,
      { today },
    );
  }

  async overdueComplaints(today: string, limit: number): Promise<{ complaints: Complaint[]; total: number }> {
    // `status <> 'suljettu'` exactly as the partial index complaint_open_next_step_due says it.
    const where = `WHERE status <> 'suljettu' AND next_step_due IS NOT NULL AND next_step_due < ? AND withdrawn_at IS NULL`;
    const complaints = this.records('complaint', `SELECT * FROM complaint ${where} ORDER BY next_step_due, rowid LIMIT ?`, today, limit);
    const total = this.rows<{ n: number }>(`SELECT count(*) AS n FROM complaint ${where}`, today)[0]?.n ?? 0;
    return { complaints, total };
  }

  async openComplaintsOf(customerId: string): Promise<Complaint[]> {
    return this.records('complaint', `SELECT * FROM complaint WHERE customer_id = ? AND status <> 'suljettu' AND withdrawn_at IS NULL ORDER BY rowid`, customerId).sort(
      (a, b) => (a.nextStepDue ?? '9999').localeCompare(b.nextStepDue ?? '9999') || b.receivedDate.localeCompare(a.receivedDate),
    );
  }

  async nextContactOf(customerId: string, from: string): Promise<ContactLogEntry | undefined> {
    return this.records('contactLogEntry', 'SELECT * FROM contact_log_entry WHERE customer_id = ? AND next_contact_date >= ? AND withdrawn_at IS NULL ORDER BY next_contact_date, rowid LIMIT 1', customerId, from)[0];
  }

  async recentEntriesBy(userId: string, limit: number): Promise<RecordedEntry[]> {
    // The newest `limit` of each kind hold the newest `limit` of all; each comes off its (created_by, created_at) index.
    const entries = recordedEntryKinds.flatMap((kind) =>
      this.records(kind, `SELECT * FROM "${tableName(kind)}" WHERE created_by = ? AND withdrawn_at IS NULL ORDER BY created_at DESC, rowid DESC LIMIT ?`, userId, limit).map(
        (record) => ({ kind, record }) as RecordedEntry,
      ),
    );
    return entries.sort((a, b) => b.record.createdAt.localeCompare(a.record.createdAt)).slice(0, limit);
  }

  async customerNames(): Promise<readonly CustomerName[]> {
    return this.customerList.get();
  }

  async customersByRegion(region: Region, limit: number): Promise<{ customers: CustomerName[]; inRegion: number; total: number }> {
    const all = this.customerList.get();
    const own = all.filter((c) => c.region === region);
    const customers = [...own.slice(0, limit), ...all.filter((c) => c.region !== region).slice(0, Math.max(0, limit - own.length))];
    return { customers, inRegion: own.length, total: all.length };
  }

  async searchCustomers(text: string, limit: number, skip: number): Promise<CustomerName[]> {
    // No index serves a match anywhere in a name, so every name is compared; scanned in SQL, each row cost two
    // calls of the JS fold and sort-key functions (2.5 ms at 3,000 customers, ten times 1×'s). Here the names
    // were folded and ordered when the list was read, so a search is 3,000 `includes` (well under 0.1 ms) and
    // reads no row of SQLite. Ranks as the SQL did: the name starts with it, a word does, it is inside.
    const q = fold(text.trim());
    const ranked: CustomerName[][] = [[], [], []];
    for (const { customer, folded } of this.customerSearchList.get()) {
      // Most names do not hold the text at all: one `includes` each, ranked only when they do.
      if (!folded.includes(q)) continue;
      ranked[matchRank(folded, q)!]!.push(customer);
    }
    return ranked.flat().slice(skip, skip + limit);
  }

  async searchContacts(text: string, limit: number, skip: number): Promise<ContactName[]> {
    // As searchCustomers: the folded names are scanned in SQL (a few per customer), only the page leaves SQLite.
    const q = likeLiteral(fold(text.trim()));
    return this.rows<ContactName>(
      `SELECT id, name, customerName FROM (
         SELECT c.id, c.name, cu.name AS customerName, hoiva_fold(c.name) AS f, hoiva_fold(cu.name) AS g
         FROM contact AS c JOIN customer AS cu ON cu.id = c.customer_id)
       WHERE f LIKE @any ESCAPE '\\' OR g LIKE @any ESCAPE '\\'
       ORDER BY CASE WHEN f LIKE @prefix ESCAPE '\\' THEN 0 WHEN f LIKE @afterSpace ESCAPE '\\' THEN 1 WHEN g LIKE @prefix ESCAPE '\\' THEN 2 ELSE 3 END,
                hoiva_fi_key(customerName), hoiva_fi_key(name), id
       LIMIT @limit OFFSET @skip`,
      { any: `%${q}%`, prefix: `${q}%`, afterSpace: `% ${q}%`, limit, skip },
    );
  }

  async careHomes(): Promise<readonly CareHome[]> {
    return this.homeList.get().byName;
  }

  async createdBy(instant: string): Promise<boolean> {
    return recordKinds.some((kind: RecordKind) => this.rows(`SELECT 1 FROM "${tableName(kind)}" WHERE julianday(created_at) <= julianday(?) LIMIT 1`, instant).length > 0);
  }

  async isProcessed(idempotencyKey: string): Promise<boolean> {
    return this.rows('SELECT 1 FROM processed_request WHERE key = ?', idempotencyKey).length > 0;
  }

  // --- occupancy (the tab's Käyttöaste board, issue 13) ---
  async placeTalliesOf(today: string, careHomeIds: readonly string[], serviceType?: ServiceType): Promise<PlaceTally[]> {
    if (careHomeIds.length === 0) return [];
    // The homes as the outer loop (CROSS JOIN): each home's places are one range of place_occupancy.
    return this.rows(
      `SELECT p.care_home_id AS careHomeId, p.service_type AS serviceType, ${EFFECTIVE_STATUS} AS status, count(*) AS count
       FROM json_each(@homes) AS h CROSS JOIN place AS p ON p.care_home_id = h.value
       WHERE p.withdrawn_at IS NULL ${serviceType ? 'AND p.service_type = @serviceType' : ''}
       GROUP BY p.care_home_id, p.service_type, 3 ORDER BY 1, 2, 3`,
      { today, homes: JSON.stringify(careHomeIds), ...(serviceType ? { serviceType } : {}) },
    );
  }

  async homePlaceTotals(today: string, serviceType?: ServiceType): Promise<readonly HomePlaceCount[]> {
    // Counted again only after a place or a home was written (as the home and customer lists are): the board is
    // read far more often than a place changes. A day's counts differ by the freeing places whose day came, hence
    // a new set of counts for a new `today`.
    if (this.homeTotalsDay !== today) {
      this.homeTotals.clear();
      this.homeTotalsDay = today;
    }
    const homes = this.homeList.get();
    const key = serviceType ?? '';
    let cached = this.homeTotals.get(key);
    if (!cached || cached.homes !== homes) {
      cached = { homes, counts: new KindCache(this.db, 'place', () => this.countHomePlaces(today, serviceType)) };
      this.homeTotals.set(key, cached);
    }
    return cached.counts.get();
  }

  private countHomePlaces(today: string, serviceType?: ServiceType): HomePlaceCount[] {
    // In the order of place_occupancy (care_home_id, status, withdrawn_at, service_type, free_from), reading only
    // the index: no place row, no sort. A freeing place whose day has come is free (EFFECTIVE_STATUS): counted
    // as `due` within its stored status and moved. 2 ms at 10× (16,000 places), where a GROUP BY over the rows
    // with the effective status took 6.
    const rows = this.rows<{ careHomeId: string; status: PlaceStatus; n: number; due: number }>(
      `SELECT p.care_home_id AS careHomeId, p.status AS status, count(*) AS n, sum(p.status = 'vapautuu' AND p.free_from <= @today) AS due
       FROM place AS p INDEXED BY place_occupancy
       WHERE p.withdrawn_at IS NULL ${serviceType ? 'AND p.service_type = @serviceType' : ''}
       GROUP BY p.care_home_id, p.status`,
      { today, ...(serviceType ? { serviceType } : {}) },
    );
    const counts = new Map<string, HomePlaceCount>();
    const add = (careHomeId: string, status: PlaceStatus, count: number) => {
      if (count === 0) return;
      const key = `${careHomeId}|${status}`;
      const known = counts.get(key);
      if (known) known.count += count;
      else counts.set(key, { careHomeId, status, count });
    };
    for (const row of rows) {
      add(row.careHomeId, row.status, row.n - row.due);
      add(row.careHomeId, 'vapaa', row.due);
    }
    return [...counts.values()];
  }

  // --- Complaints: the tab's complaint board and the quality manager's summary (issue 13) ---

  async complaintBoard(query: ComplaintBoardQuery): Promise<{ complaints: Complaint[]; counts: { status: ComplaintStatus; count: number }[] }> {
    const params = { careHomeId: query.careHomeId ?? null, severity: query.severity ?? null, limit: query.limitPerColumn };
    const filters = `withdrawn_at IS NULL AND (@careHomeId IS NULL OR care_home_id = @careHomeId) AND (@severity IS NULL OR severity = @severity)`;
    // One bounded page per column, each off the status index, rather than one ranking of every open complaint.
    const complaints = query.statuses.flatMap((status) =>
      this.records('complaint', `SELECT * FROM complaint WHERE status = @status AND ${filters} ORDER BY next_step_due IS NULL, next_step_due, received_date DESC, rowid LIMIT @limit`, { ...params, status }),
    );
    const counts = this.rows<{ status: ComplaintStatus; count: number }>(
      `SELECT status, count(*) AS count FROM complaint WHERE status IN (SELECT value FROM json_each(@statuses)) AND ${filters} GROUP BY status`,
      { careHomeId: params.careHomeId, severity: params.severity, statuses: JSON.stringify(query.statuses) },
    );
    return { complaints, counts };
  }

  async complaintCounts(query: ComplaintPeriodQuery): Promise<{ careHomeId?: string; severity: ComplaintSeverity; month: string; count: number }[]> {
    return this.complaintSummaryMemo.counts.get(summaryKey(query), () => this.countComplaints(query));
  }

  private countComplaints(query: ComplaintPeriodQuery): { careHomeId?: string; severity: ComplaintSeverity; month: string; count: number }[] {
    const home = query.byHome ? 'care_home_id' : 'NULL';
    const rows = this.rows<{ careHomeId: string | null; severity: ComplaintSeverity; month: string; count: number }>(
      `SELECT ${home} AS careHomeId, severity, substr(received_date, 1, 7) AS month, count(*) AS count ${complaintsOfPeriod(query)} GROUP BY 1, 2, 3 ORDER BY 1, 3, 2`,
      periodParams(query),
    );
    return rows.map(({ careHomeId, ...row }) => (careHomeId === null ? row : { careHomeId, ...row }));
  }

  async complaintHandlingMedians(query: ComplaintPeriodQuery): Promise<{ careHomeId?: string; step: 'corrected' | 'informed'; medianDays: number; count: number }[]> {
    return this.complaintSummaryMemo.medians.get(summaryKey(query), () => this.medianHandlingDays(query));
  }

  private medianHandlingDays(query: ComplaintPeriodQuery): { careHomeId?: string; step: 'corrected' | 'informed'; medianDays: number; count: number }[] {
    const home = query.byHome ? 'care_home_id' : 'NULL';
    // Not the complaints but how many took each number of days, per home and step: a list bounded by the days
    // a handling can take (a few hundred at most), whatever the store's size. Ranking every complaint with a
    // window function instead cost twice as much at ten times the company's size.
    const days = (column: string) => `julianday(${helsinkiDaySql(column)}) - julianday(received_date)`;
    const histogram = this.rows<{ careHomeId: string | null; step: 'corrected' | 'informed'; days: number; n: number }>(
      `SELECT ${home} AS careHomeId, 'corrected' AS step, ${days('corrected_at')} AS days, count(*) AS n ${complaintsOfPeriod(query)} AND corrected_at IS NOT NULL GROUP BY 1, 3
       UNION ALL
       SELECT ${home} AS careHomeId, 'informed' AS step, ${days('informed_at')} AS days, count(*) AS n ${complaintsOfPeriod(query)} AND informed_at IS NOT NULL GROUP BY 1, 3
       ORDER BY 1, 2, 3`,
      periodParams(query),
    );
    const medians: { careHomeId?: string; step: 'corrected' | 'informed'; medianDays: number; count: number }[] = [];
    for (let start = 0; start < histogram.length; ) {
      const { careHomeId, step } = histogram[start]!;
      let end = start;
      while (end < histogram.length && histogram[end]!.careHomeId === careHomeId && histogram[end]!.step === step) end++;
      const group = histogram.slice(start, end);
      medians.push({ ...(careHomeId === null ? {} : { careHomeId }), step, medianDays: medianOf(group), count: group.reduce((n, g) => n + g.n, 0) });
      start = end;
    }
    return medians;
  }

  // ── figures (issue 13, the tab's Luvut page) ──
  // Each is one aggregate statement: only the answer's rows (one per customer and service type, per home, per
  // quarter) leave SQLite. The medians are taken in SQL too (row_number over the sorted values, the middle one
  // or the mean of the middle two). The stays and takings are the figures' facts of migration 018 (figures-facts.ts),
  // the other indexes are in migrations/016-figures-indexes.sql; both named with INDEXED BY: without statistics
  // SQLite picks wider indexes. Each answer is kept (figuresMemo) until a kind it reads is written.

  async customerStays(query: FiguresPeriod): Promise<CustomerStayFigures[]> {
    return this.figuresMemo.stays.get(JSON.stringify([query.from, query.until, query.homeIds]), () => this.countCustomerStays(query));
  }

  async lastEntryDays(upTo: string): Promise<Map<string, string>> {
    // After an entry is written only its customers' days are found again (3 seeks each), not all 3,000 (30 ms at 10×).
    return this.figuresMemo.lastEntries.get(
      upTo,
      () => this.findLastEntryDays(upTo),
      (kept, customerIds) => {
        const found = this.findLastEntryDays(upTo, customerIds);
        const days = new Map(kept);
        for (const id of customerIds) {
          const day = found.get(id);
          if (day) days.set(id, day);
          else days.delete(id);
        }
        return days;
      },
    );
  }

  async freePlaceMedians(query: FiguresPeriod): Promise<{ homes: FreePeriodMedian[]; overall: Omit<FreePeriodMedian, 'careHomeId'> }> {
    return this.figuresMemo.freePlaces.get(JSON.stringify([query.from, query.until, query.homeIds]), () => this.takeFreePlaceMedians(query));
  }

  async complaintResponseTimes(homeIds: HomeSelection, quarters: readonly QuarterSpan[]): Promise<ComplaintResponseFigures[]> {
    return this.figuresMemo.complaints.get(JSON.stringify([homeIds, quarters]), () => this.takeComplaintResponseTimes(homeIds, quarters));
  }

  private countCustomerStays(query: FiguresPeriod): CustomerStayFigures[] {
    // A place record keeps only its latest status, so the stays come from the audit trail (migration 007), which
    // keeps every status change with its instant and the fields it set:
    // - a stay starts on the Helsinki day a place became occupied (sold from its reservation, or created so);
    // - its customer is the place's reservedForCustomerId as the latest change before the sale set it (for a stay
    //   not ended, the place's own: the reservation stays on an occupied place until it is freed);
    // - it ends on the free-from date recorded by the place's next status change (the place is occupied until
    //   the day it is free from), or on that change's day when it set no date; a stay not ended runs on;
    // - the days counted are those inside [from, until). A withdrawn place (recorded in error) has no stays.
    // Revenue: each occupied day at the price per day of the customer's agreement that covers the place's service
    // type on that day; where two such agreements overlap, the one started later applies from its start. A day no
    // priced agreement covers is an unpriced day: counted as occupied, earning nothing (the page says how many).
    // The stays and the price segments are the figures' facts of migration 018 (figures-facts.ts: derived from the
    // audit trail and the agreements by these rules, kept by the store's commit): the stays that reach into the
    // period, read off place_stay_reach, so the rows read follow the period and the company's size, not the years
    // of history behind them; the segments of their customers only.
    const params = { from: query.from, until: query.until, ...homesParam(query.homeIds) };
    const rows = this.rows<CustomerStayFigures & { pricedDays: number }>(
      `WITH
       stay AS MATERIALIZED (
         SELECT customer_id, service_type, start_day, end_day FROM place_stay INDEXED BY place_stay_reach
         WHERE coalesce(end_day, '9999-12-31') > @from AND start_day < @until ${inHomes(query.homeIds, 'care_home_id')}
       ),
       clipped AS MATERIALIZED (
         SELECT row_number() OVER () AS k, customer_id, service_type, a, b
         FROM (SELECT customer_id, service_type, max(start_day, @from) AS a, min(coalesce(end_day, @until), @until) AS b FROM stay WHERE customer_id IS NOT NULL)
         WHERE b > a
       ),
       segment AS MATERIALIZED (
         SELECT customer_id, service_type, price, a, b FROM agreement_segment WHERE customer_id IN (SELECT customer_id FROM clipped)
       ),
       -- The stays outer (CROSS JOIN keeps the order), each finding its customer's segments through the index SQLite
       -- builds on the materialized segments; the other way round it matched stays by service type alone (5 M rows at 10×).
       priced AS MATERIALIZED (
         SELECT c.k, sum(max(0, julianday(min(c.b, g.b)) - julianday(max(c.a, g.a)))) AS days,
           sum(max(0, julianday(min(c.b, g.b)) - julianday(max(c.a, g.a))) * g.price) AS revenue
         FROM clipped AS c CROSS JOIN segment AS g ON g.customer_id = c.customer_id AND g.service_type = c.service_type AND g.a < c.b AND g.b > c.a
         GROUP BY c.k
       )
       SELECT c.customer_id AS customerId, c.service_type AS serviceType, count(*) AS stays, CAST(round(sum(julianday(c.b) - julianday(c.a))) AS INTEGER) AS occupiedDays,
         CAST(round(sum(coalesce(pr.days, 0))) AS INTEGER) AS pricedDays, coalesce(sum(pr.revenue), 0) AS revenue
       FROM clipped AS c LEFT JOIN priced AS pr ON pr.k = c.k GROUP BY 1, 2 ORDER BY 1, 2`,
      params,
    );
    return rows.map(({ pricedDays, ...row }) => ({ ...row, unpricedDays: row.occupiedDays - pricedDays, revenue: Math.round(row.revenue * 100) / 100 }));
  }

  /** Each customer's newest entry day on or before `upTo`; of `customerIds` only, if given. */
  private findLastEntryDays(upTo: string, customerIds?: readonly string[]): Map<string, string> {
    // lastEntryDates' answer in one statement: at 10× (3,000 customers) its 15,000 round trips from JavaScript
    // took 80–160 ms. The day-dated kinds take one seek per customer off their (customer, date) index (ORDER BY …
    // DESC LIMIT 1: `max(date)` with the date bound walked every entry of the customer, 43 ms at 10×). Notes and
    // meetings are dated by an instant, and home events list their customers in JSON: those few tables are read
    // once each, grouped by customer, instead of once per customer.
    const params = { upTo, end: startOfDay(addDays(upTo, 1)), ...(customerIds ? { customers: JSON.stringify(customerIds) } : {}) };
    const only = (column: string) => (customerIds ? `AND ${column} IN (SELECT value FROM json_each(@customers))` : '');
    const latestInstant = (table: string, column: string) =>
      `SELECT customer_id, hoiva_local_date(strftime('%Y-%m-%dT%H:%M:%fZ', max(julianday(${column})))) AS d FROM ${table}
       WHERE customer_id IS NOT NULL AND julianday(${column}) < julianday(@end) AND withdrawn_at IS NULL ${only('customer_id')} GROUP BY customer_id`;
    const rows = this.rows<{ id: string; d: string }>(
      `SELECT c.id, max(
         coalesce((SELECT date FROM contact_log_entry WHERE customer_id = c.id AND date <= @upTo AND withdrawn_at IS NULL ORDER BY date DESC LIMIT 1), ''),
         coalesce((SELECT date FROM supervision_visit WHERE customer_id = c.id AND date <= @upTo AND withdrawn_at IS NULL ORDER BY date DESC LIMIT 1), ''),
         coalesce((SELECT received_date FROM complaint WHERE customer_id = c.id AND received_date <= @upTo AND withdrawn_at IS NULL ORDER BY received_date DESC LIMIT 1), ''),
         coalesce(n.d, ''), coalesce(m.d, ''), coalesce(he.d, '')
       ) AS d
       FROM ${customerIds ? 'json_each(@customers) AS k CROSS JOIN customer AS c ON c.id = k.value' : 'customer AS c'}
       LEFT JOIN (${latestInstant('note', 'created_at')}) AS n ON n.customer_id = c.id
       LEFT JOIN (${latestInstant('development_meeting', 'starts_at')}) AS m ON m.customer_id = c.id
       LEFT JOIN (SELECT j.value AS customer_id, max(e.date) AS d FROM home_event AS e, json_each(e.customer_ids) AS j
                  WHERE e.date <= @upTo AND e.withdrawn_at IS NULL ${only('j.value')} GROUP BY j.value) AS he ON he.customer_id = c.id`,
      params,
    );
    return new Map(rows.filter((r) => r.d !== '').map((r) => [r.id, r.d]));
  }

  async entriesPerQuarter(customerIds: readonly string[], quarters: readonly QuarterSpan[]): Promise<{ customerId: string; quarter: string; count: number }[]> {
    if (customerIds.length === 0 || quarters.length === 0) return [];
    const [from, until] = [quarters[0]!.from, quarters.at(-1)!.until];
    const params = { customers: JSON.stringify(customerIds), from, until, start: startOfDay(from), end: startOfDay(until) };
    // The page's customers as the outer loop: each kind's entries of one customer in the window come off its
    // (customer, date) index, so the cost follows the page and the window, not the store. A note and a meeting
    // are dated by an instant: their quarter is that of the Helsinki day. Home events list their customers in
    // JSON, which no index reaches: the window's events are walked by date (they are few, hundreds).
    const byDay = (table: string, day: string) =>
      `SELECT c.value AS customerId, ${quarterOf(day)} AS quarter, count(*) AS n FROM json_each(@customers) AS c CROSS JOIN ${table} AS e ON e.customer_id = c.value
       WHERE e.${day} >= @from AND e.${day} < @until AND e.withdrawn_at IS NULL GROUP BY 1, 2`;
    const byInstant = (table: string, instant: string) =>
      `SELECT c.value AS customerId, ${quarterOf(`hoiva_local_date(e.${instant})`)} AS quarter, count(*) AS n FROM json_each(@customers) AS c CROSS JOIN ${table} AS e ON e.customer_id = c.value
       WHERE julianday(e.${instant}) >= julianday(@start) AND julianday(e.${instant}) < julianday(@end) AND e.withdrawn_at IS NULL GROUP BY 1, 2`;
    return this.rows(
      `SELECT customerId, quarter, sum(n) AS count FROM (
         ${byDay('contact_log_entry', 'date')}
         UNION ALL ${byDay('supervision_visit', 'date')}
         UNION ALL ${byDay('complaint', 'received_date')}
         UNION ALL ${byInstant('note', 'created_at')}
         UNION ALL ${byInstant('development_meeting', 'starts_at')}
         UNION ALL SELECT j.value AS customerId, ${quarterOf('e.date')} AS quarter, count(*) AS n FROM home_event AS e, json_each(e.customer_ids) AS j
           WHERE e.date >= @from AND e.date < @until AND e.withdrawn_at IS NULL AND j.value IN (SELECT value FROM json_each(@customers)) GROUP BY 1, 2
       ) GROUP BY 1, 2 ORDER BY 1, 2`,
      params,
    );
  }

  private takeFreePlaceMedians(query: FiguresPeriod): { homes: FreePeriodMedian[]; overall: Omit<FreePeriodMedian, 'careHomeId'> } {
    // A place is taken when its status goes from free or freeing to reserved or occupied (the audit trail's
    // status changes). It had been free since the free-from date the latest change before it recorded (a
    // reservation keeps the date: place-lifecycle.ts); taken before that date, it was free 0 days. A place
    // released and taken again counts from the same date again: free-from is what the table records.
    // The takings and their days are the figures' facts of migration 018 (figures-facts.ts), read by when.
    const params = { start: startOfDay(query.from), end: startOfDay(query.until), ...homesParam(query.homeIds) };
    const rows = this.rows<{ home: string; taken: number; median: number | null }>(
      `WITH taken AS MATERIALIZED (
         SELECT care_home_id AS home, days FROM place_taking INDEXED BY place_taking_at
         WHERE taken_at >= @start AND taken_at < @end ${inHomes(query.homeIds, 'care_home_id')}
       ),
       ranked AS (
         SELECT home, days, row_number() OVER (PARTITION BY home ORDER BY days) AS rn, count(*) OVER (PARTITION BY home) AS n FROM taken WHERE days IS NOT NULL
         UNION ALL
         SELECT NULL, days, row_number() OVER (ORDER BY days), count(*) OVER () FROM taken WHERE days IS NOT NULL
       )
       SELECT home, max(n) AS taken, avg(days) FILTER (WHERE rn IN ((n + 1) / 2, (n + 2) / 2)) AS median FROM ranked GROUP BY home`,
      params,
    );
    const overall = rows.find((r) => r.home === null);
    return {
      homes: rows.filter((r) => r.home !== null).map((r) => ({ careHomeId: r.home, taken: r.taken, medianDays: r.median })),
      overall: { taken: overall?.taken ?? 0, medianDays: overall?.median ?? null },
    };
  }

  private takeComplaintResponseTimes(homeIds: HomeSelection, quarters: readonly QuarterSpan[]): ComplaintResponseFigures[] {
    if (quarters.length === 0) return [];
    // The first reply is the first handling step recorded (actions agreed, or a later step when that one was
    // skipped: the steps come in order, complaint-lifecycle.ts); informed is the customer informed of the corrections.
    // Days are Helsinki days from the received date; a step dated before the receipt counts 0.
    const params = { from: quarters[0]!.from, until: quarters.at(-1)!.until, ...homesParam(homeIds) };
    const rows = this.rows<ComplaintResponseFigures>(
      `WITH c AS MATERIALIZED (
         SELECT ${quarterOf('received_date')} AS quarter,
           max(0, julianday(hoiva_local_date(coalesce(actions_agreed_at, corrected_at, informed_at, closed_at))) - julianday(received_date)) AS reply,
           max(0, julianday(hoiva_local_date(informed_at)) - julianday(received_date)) AS informed
         FROM complaint INDEXED BY complaint_live_received
         WHERE received_date >= @from AND received_date < @until AND withdrawn_at IS NULL ${inHomes(homeIds, 'care_home_id')}
       ),
       ranked AS (
         SELECT quarter, reply, informed,
           row_number() OVER (PARTITION BY quarter ORDER BY reply IS NULL, reply) AS rr, count(reply) OVER (PARTITION BY quarter) AS nr,
           row_number() OVER (PARTITION BY quarter ORDER BY informed IS NULL, informed) AS ri, count(informed) OVER (PARTITION BY quarter) AS ni
         FROM c
       )
       SELECT quarter, count(*) AS received, max(nr) AS replied, max(ni) AS informed,
         avg(reply) FILTER (WHERE rr IN ((nr + 1) / 2, (nr + 2) / 2)) AS medianDaysToReply,
         avg(informed) FILTER (WHERE ri IN ((ni + 1) / 2, (ni + 2) / 2)) AS medianDaysToInformed
       FROM ranked GROUP BY quarter ORDER BY quarter`,
      params,
    );
    return rows;
  }

  private one<T>(sql: string, ...params: unknown[]): T | undefined {
    const row = prepared(this.db, sql).get(...params) as T | undefined;
    if (row) this.meter.read(1);
    return row;
  }

  private placesOnDay(sql: string, params: Record<string, unknown>): PlaceOnDay[] {
    return this.rows<Record<string, unknown>>(sql, params).map((row) => ({ ...mappedRow('place', row), effectiveStatus: row.effective_status as PlaceStatus }));
  }

  private totals(sql: string, params: Record<string, unknown>): { total: number; homes: number } {
    return this.rows<{ total: number; homes: number }>(sql, params)[0] ?? { total: 0, homes: 0 };
  }

  private records<K extends RecordKind>(kind: K, sql: string, ...params: unknown[]): RecordOf<K>[] {
    return this.rows<Record<string, unknown>>(sql, ...params).map((row) => mappedRow(kind, row));
  }

  private rows<T>(sql: string, ...params: unknown[]): T[] {
    const rows = prepared(this.db, sql).all(...params) as T[];
    this.meter.read(rows.length);
    return rows;
  }
}

/**
 * FROM and WHERE of the complaints received in a period (`@from`–`@to`, inclusive), of the homes `@homes` (a JSON
 * list) or of every home. A page of homes comes home by home off the care_home_id index (CROSS JOIN keeps the
 * homes the outer loop, as in openPlaces); every home is one scan of the table.
 */
function complaintsOfPeriod(query: ComplaintPeriodQuery): string {
  const period = `c.withdrawn_at IS NULL AND c.received_date >= @from AND c.received_date <= @to`;
  return query.careHomeIds ? `FROM json_each(@homes) AS h CROSS JOIN complaint AS c ON c.care_home_id = h.value WHERE ${period}` : `FROM complaint AS c WHERE ${period}`;
}
/** A complaint summary query as the key its kept answer is found by. */
const summaryKey = (query: ComplaintPeriodQuery): string => JSON.stringify([query.from, query.to, query.careHomeIds ?? null, query.byHome]);
const periodParams = (query: ComplaintPeriodQuery) => ({ from: query.from, to: query.to, ...(query.careHomeIds ? { homes: JSON.stringify(query.careHomeIds) } : {}) });

/** The median of values given as (value, how many) in ascending order: the middle one, or the mean of the two middle ones. */
function medianOf(histogram: readonly { days: number; n: number }[]): number {
  const count = histogram.reduce((n, g) => n + g.n, 0);
  // 0-based positions of the middle one (odd count) or two (even count).
  const [low, high] = [Math.floor((count - 1) / 2), Math.floor(count / 2)];
  let seen = 0;
  let lowValue: number | undefined;
  for (const { days, n } of histogram) {
    if (lowValue === undefined && low < seen + n) lowValue = days;
    if (high < seen + n) return (lowValue! + days) / 2;
    seen += n;
  }
  return Number.NaN;
}

/** The figures' home filter: none for every home, else the column in the list bound as @homes (JSON). */
const inHomes = (homes: HomeSelection, column: string): string => (homes === 'all' ? '' : `AND ${column} IN (SELECT value FROM json_each(@homes))`);
const homesParam = (homes: HomeSelection): { homes?: string } => (homes === 'all' ? {} : { homes: JSON.stringify(homes) });

/** A day column's calendar quarter in SQL, as `YYYY-Qn` (the key quarters.ts gives a QuarterSpan). */
const quarterOf = (day: string): string => `substr(${day}, 1, 4) || '-Q' || ((CAST(substr(${day}, 6, 2) AS INTEGER) + 2) / 3)`;

/** A customer for the search: its folded name (what a search compares) beside it. */
interface SearchableCustomer {
  customer: CustomerName;
  folded: string;
}

/**
 * The customers in the search's order within a rank: the Finnish sort key (finnish-text.ts), then the name,
 * then the id, each compared as UTF-8 bytes exactly as SQLite's ORDER BY hoiva_fi_key(name), name, id did.
 */
function searchOrder(customers: readonly CustomerName[]): SearchableCustomer[] {
  const keyed = customers.map((customer) => ({
    entry: { customer, folded: fold(customer.name) },
    keys: [finnishSortKey(customer.name), customer.name, customer.id].map((k) => Buffer.from(k, 'utf8')),
  }));
  keyed.sort((a, b) => Buffer.compare(a.keys[0]!, b.keys[0]!) || Buffer.compare(a.keys[1]!, b.keys[1]!) || Buffer.compare(a.keys[2]!, b.keys[2]!));
  return keyed.map((k) => k.entry);
}

/** The Helsinki day of an instant column's value (a note's creation, a meeting's start). */
const dayOf = (instant: string): string => localDate(new Date(instant));
const asDay = (date: string): string => date;
