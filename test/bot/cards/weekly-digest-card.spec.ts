import assert from 'node:assert/strict';
import { weeklyDigestCard } from '../../../bot/cards/weekly-digest-card.js';
import type { WeeklyDigestEvent } from '../../../src/domain/events/digest-events.js';
import { validateCard } from '../../support/adaptive-cards.js';
import { shown, textsOf } from '../../support/cards.js';

export const digest = (rows: number): WeeklyDigestEvent => ({
  type: 'digest.weekly',
  eventId: 'e1',
  occurredAt: '2026-11-23T06:00:00.000Z',
  actor: { id: 'hoivacrm', name: 'HoivaCRM' },
  recordKey: 'digest:2026-W48',
  data: {
    week: '2026-W48',
    weekNumber: 48,
    today: '2026-11-23',
    entriesLastWeek: 3,
    quietCustomers: Array.from({ length: rows }, (_, i) => ({ customerId: `c${i}`, name: `Kunta ${i}`, ...(i % 2 ? { lastEntryDate: '2026-11-01', daysSince: 22 } : {}) })),
    longFreePlaces: rows > 0 ? [{ placeId: 'p1', careHomeName: 'Koivukoti', label: 'A1', freeFrom: '2026-11-01', daysFree: 22 }] : [],
    overdueComplaints: rows > 0 ? [{ complaintId: 'k1', customerName: 'Espoon kaupunki', careHomeName: 'Koivukoti', status: 'korjattu', nextStepDue: '2026-11-20', daysOverdue: 3 }] : [],
  },
});

describe('the weekly digest card', () => {
  for (const locale of ['fi', 'en'] as const) {
    for (const rows of [0, 3, 14]) {
      it(`parses without warnings (${locale}, ${rows} quiet customers)`, () => {
        assert.deepEqual(validateCard(weeklyDigestCard(digest(rows), locale)), []);
      });
    }
  }

  it('shows at most ten rows per list and counts the rest', () => {
    const texts = textsOf(weeklyDigestCard(digest(14), 'fi') as unknown as Record<string, unknown>);
    assert.equal(texts.filter((t) => t.startsWith('Kunta ')).length, 10);
    assert.ok(texts.includes('…ja 4 muuta.'));
  });

  it('says "none" in the good style for an empty list', () => {
    const card = weeklyDigestCard(digest(0), 'en') as unknown as { body: { style?: string; items?: { text?: string }[] }[] };
    const sections = card.body.filter((b) => b.style);
    assert.deepEqual(sections.map((s) => s.style), ['good', 'good', 'good']);
    assert.ok(sections.every((s) => s.items?.some((i) => shown(String(i.text)) === 'None.')));
  });
});
