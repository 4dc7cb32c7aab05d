import assert from 'node:assert/strict';
import { summaryPeriod, summaryRow } from '../../../src/domain/complaints/complaint-summary.js';

/** The quality manager's summary: which months it covers and how the store's aggregate rows fold into a row. */
describe('complaint summary (domain)', () => {
  it('covers the last months up to today, this one included, across a year\'s turn', () => {
    assert.deepEqual(summaryPeriod('2026-11-23', 12), { from: '2025-12-01', to: '2026-11-23', months: ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'] });
    assert.deepEqual(summaryPeriod('2026-01-05', 3), { from: '2025-11-01', to: '2026-01-05', months: ['2025-11', '2025-12', '2026-01'] });
    assert.deepEqual(summaryPeriod('2026-03-31', 1).months, ['2026-03']);
  });

  it('folds counts by severity and month into totals, and says "no median" for a step nobody reached', () => {
    const row = summaryRow(
      ['2026-10', '2026-11'],
      [
        { severity: 'vakava', month: '2026-10', count: 2 },
        { severity: 'vahainen', month: '2026-11', count: 1 },
        { severity: 'vakava', month: '2026-11', count: 3 },
      ],
      [{ step: 'corrected', medianDays: 4.5, count: 6 }],
    );
    assert.deepEqual(row, {
      complaints: 6,
      bySeverity: { vahainen: 1, kohtalainen: 0, vakava: 5 },
      byMonth: [
        { month: '2026-10', total: 2, vahainen: 0, kohtalainen: 0, vakava: 2 },
        { month: '2026-11', total: 4, vahainen: 1, kohtalainen: 0, vakava: 3 },
      ],
      toCorrected: { medianDays: 4.5, count: 6 },
      toInformed: { medianDays: null, count: 0 },
    });
  });
});
