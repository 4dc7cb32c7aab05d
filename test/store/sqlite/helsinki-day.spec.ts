import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { localDate } from '../../../src/domain/dates.js';
import { helsinkiDaySql } from '../../../src/store/sqlite/helsinki-day.js';

/** The Helsinki calendar day in SQL (the complaint summary's days to correction) is the app's own localDate. */
describe('helsinkiDaySql', () => {
  const db = new Database(':memory:');
  after(() => db.close());
  const dayOf = db.prepare(`SELECT ${helsinkiDaySql('@at')} AS day`);
  const sqlDay = (at: string) => (dayOf.get({ at }) as { day: string }).day;

  it('agrees with localDate every half hour from 2024 to 2028, summer-time changes included', () => {
    const wrong: string[] = [];
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2028, 0, 1); t += 30 * 60_000) {
      const at = new Date(t);
      const expected = localDate(at);
      const actual = sqlDay(at.toISOString());
      if (actual !== expected) wrong.push(`${at.toISOString()}: ${actual} ≠ ${expected}`);
    }
    assert.deepEqual(wrong.slice(0, 5), []);
  });

  it('reads an instant written with an offset as the same instant', () => {
    // 23:30 in Helsinki on midsummer eve (UTC+3) is 20:30 UTC: the same day either way it is written.
    assert.equal(sqlDay('2026-06-19T23:30:00+03:00'), '2026-06-19');
    assert.equal(sqlDay('2026-06-19T20:30:00.000Z'), '2026-06-19');
    assert.equal(sqlDay('2026-06-19T21:30:00.000Z'), '2026-06-20');
  });
});
