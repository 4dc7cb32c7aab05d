import assert from 'node:assert/strict';
import { localDate } from '../../../src/domain/dates.js';
import { helsinkiDay } from '../../../src/store/sqlite/local-day.js';

/** The figures' SQL day of an instant (hoiva_local_date) is localDate's, DST turns and offsets included. */
describe('hoiva_local_date (the Helsinki day in SQL)', () => {
  it('gives localDate\'s day for every quarter hour around the clock turns and at ordinary times', () => {
    const starts = ['2026-03-28T00:00:00Z', '2026-10-24T00:00:00Z', '2026-06-30T18:00:00Z', '2026-12-31T18:00:00Z'];
    for (const start of starts) {
      for (let i = 0; i < 4 * 24 * 3; i++) {
        const instant = new Date(Date.parse(start) + i * 15 * 60_000);
        assert.equal(helsinkiDay(instant.toISOString()), localDate(instant), instant.toISOString());
      }
    }
  });

  it('reads an instant written with an offset, and refuses what is no instant', () => {
    assert.equal(helsinkiDay('2026-10-11T23:30:00+03:00'), '2026-10-11');
    assert.equal(helsinkiDay('2026-10-11T20:30:00.000Z'), '2026-10-11');
    assert.equal(helsinkiDay('2026-10-11T21:30:00.000Z'), '2026-10-12');
    assert.equal(helsinkiDay('ei päivä'), null);
  });
});
