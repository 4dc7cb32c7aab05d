import type Database from 'better-sqlite3';
import { registerLocalDay } from './local-day.js';
import { prepared } from './prepared.js';

/**
 * The figures' facts (migration 018): each sale of a place as a stay (home, service type, customer, start day,
 * the day the next status change ended it), each free place taken (the days it had been free), and each
 * customer's price segments by service type. The customer report and the free-place medians read these narrow
 * rows, bounded by the period asked, instead of walking the audit trail's status history and its JSON and every
 * agreement on each request (at ten times the company's size with a year of sales: 130 ms and 40 ms).
 *
 * Derived from the records and the audit trail alone, by the one SQL below, for one place or customer or for
 * all. The store's commit derives a written place's or agreement's facts again in the same transaction
 * (SqliteRecordStore.commitWith — the SharePoint store's mirror commits through it too, people's list edits
 * included), so they always agree with the history: a place's history is tens of entries, a customer's
 * agreements a few, read off their indexes. A withdrawn place has none (its stays and takings leave the
 * figures, as before). A store that held records before 018 is derived in full once, when it is opened.
 */

/** A sale, word for word as migration 016's partial indexes say it (so SQLite may use them). */
const SALE = `s.kind = 'place' AND s.status_to = 'kaytossa' AND (s.action = 'status' OR instr(s.changes, '"reservedForCustomerId"') > 0)`;
const TAKING = `t.kind = 'place' AND t.status_from IN ('vapaa', 'vapautuu') AND t.status_to IN ('alustavasti-varattu', 'kaytossa')`;

/** The latest value a place's change up to `entry` (inclusive, in (at, id) order) set for `field`: the field then. */
const fieldAt = (entry: string, field: string) =>
  `(SELECT json_extract(c.value, '$.to') FROM audit AS u, json_each(u.changes) AS c
     WHERE u.kind = 'place' AND u.record_id = ${entry}.record_id AND (u.at < ${entry}.at OR (u.at = ${entry}.at AND u.id <= ${entry}.id))
       AND instr(u.changes, '"${field}"') > 0 AND json_extract(c.value, '$.field') = '${field}'
     ORDER BY u.at DESC, u.id DESC LIMIT 1)`;

function deriveStays(onePlace: boolean): string {
  // The sales outer (each finds its place by key); the next change by its partial index, its fields read once.
  return `INSERT INTO place_stay (sale_id, place_id, care_home_id, service_type, customer_id, start_day, end_id, end_day)
    SELECT s.id, s.record_id, p.care_home_id, p.service_type,
      CASE WHEN n.id IS NULL THEN p.reserved_for_customer_id ELSE ${fieldAt('s', 'reservedForCustomerId')} END,
      hoiva_local_date(s.at), n.id,
      CASE WHEN n.id IS NULL THEN NULL
        ELSE coalesce((SELECT json_extract(c.value, '$.to') FROM json_each(n.changes) AS c WHERE json_extract(c.value, '$.field') = 'freeFrom'), hoiva_local_date(n.at)) END
    FROM audit AS s INDEXED BY ${onePlace ? 'audit_place_sale' : 'audit_place_sale_at'}
    CROSS JOIN place AS p ON p.id = s.record_id
    LEFT JOIN audit AS n ON n.id = (
      SELECT x.id FROM audit AS x INDEXED BY audit_place_status
      WHERE x.kind = 'place' AND x.status_to IS NOT NULL AND x.record_id = s.record_id AND (x.at > s.at OR (x.at = s.at AND x.id > s.id))
      ORDER BY x.at, x.id LIMIT 1)
    WHERE ${SALE} AND p.withdrawn_at IS NULL ${onePlace ? 'AND s.record_id = @place' : ''}`;
}

function deriveTakings(onePlace: boolean): string {
  return `INSERT INTO place_taking (audit_id, place_id, care_home_id, taken_at, days)
    SELECT t.id, t.record_id, p.care_home_id, t.at, max(0, julianday(hoiva_local_date(t.at)) - julianday(${fieldAt('t', 'freeFrom')}))
    FROM audit AS t ${onePlace ? '' : 'INDEXED BY audit_place_taken'} CROSS JOIN place AS p ON p.id = t.record_id
    WHERE ${TAKING} AND p.withdrawn_at IS NULL ${onePlace ? 'AND t.record_id = @place' : ''}`;
}

function deriveSegments(oneCustomer: boolean): string {
  return `INSERT INTO agreement_segment (customer_id, service_type, agreement_id, price, a, b)
    SELECT customer_id, service_type, id, price, start_date, min(coalesce(date(end_date, '+1 day'), '9999-12-31'), coalesce(next_start, '9999-12-31'))
    FROM (SELECT g.id, g.customer_id, t.value AS service_type, g.price_per_day AS price, g.start_date, g.end_date,
            lead(g.start_date) OVER (PARTITION BY g.customer_id, t.value ORDER BY g.start_date, g.id) AS next_start
          FROM agreement AS g, json_each(g.service_types) AS t ${oneCustomer ? 'WHERE g.customer_id = @customer' : ''})
    WHERE price IS NOT NULL`;
}

/** Derives one place's stays and takings again: after every write or removal of the place, in its transaction. */
export function rederivePlaceFacts(db: Database.Database, placeId: string): void {
  prepared(db, 'DELETE FROM place_stay WHERE place_id = ?').run(placeId);
  prepared(db, 'DELETE FROM place_taking WHERE place_id = ?').run(placeId);
  prepared(db, deriveStays(true)).run({ place: placeId });
  prepared(db, deriveTakings(true)).run({ place: placeId });
}

/** Derives one customer's price segments again: after a write or removal of one of its agreements. */
export function rederiveSegments(db: Database.Database, customerId: string): void {
  prepared(db, 'DELETE FROM agreement_segment WHERE customer_id = ?').run(customerId);
  prepared(db, deriveSegments(true)).run({ customer: customerId });
}

/** Every fact from everything the store holds, in one transaction. */
export function rederiveAllFacts(db: Database.Database): void {
  registerLocalDay(db);
  db.transaction(() => {
    db.exec('DELETE FROM place_stay; DELETE FROM place_taking; DELETE FROM agreement_segment;');
    db.prepare(deriveStays(false)).run();
    db.prepare(deriveTakings(false)).run();
    db.prepare(deriveSegments(false)).run();
    db.exec('UPDATE figures_facts_state SET built = 1');
  })();
}

/** On opening a store: the facts of what it held before migration 018, once; and the function the derivation needs. */
export function ensureFiguresFacts(db: Database.Database): void {
  registerLocalDay(db);
  const state = db.prepare('SELECT built FROM figures_facts_state').get() as { built: number } | undefined;
  if (!state?.built) rederiveAllFacts(db);
}
