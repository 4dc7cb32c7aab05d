import assert from 'node:assert/strict';
import { mineCard, withdrawConfirmCard } from '../../../bot/cards/mine-card.js';
import { notificationCard } from '../../../bot/cards/notification-card.js';
import { supervisionVisitFormSpec } from '../../../bot/cards/supervision-visit-form-card.js';
import { formCard } from '../../../bot/forms/form-card.js';
import { receiptCard } from '../../../bot/forms/receipt-card.js';
import type { CareHome } from '../../../src/domain/records/care-home.js';
import type { DomainEvent } from '../../../src/domain/events.js';
import type { Locale } from '../../../src/i18n/messages.js';
import { validateCard } from '../../support/adaptive-cards.js';
import { executeActionsOf, textsOf, type Json } from '../../support/cards.js';

/** Issue 11's cards — receipt, edit-mode form, omat, the withdraw confirmation, withdrawn and corrected cards — valid in both languages. */
const meta = { version: 1, createdAt: '2026-11-23T08:00:00.000Z', createdBy: 'seed', updatedAt: '2026-11-23T08:00:00.000Z' };
const home: CareHome = { ...meta, id: '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5', name: 'Koivukoti', region: 'etela-suomi', city: 'Espoo', serviceTypes: ['ymparivuorokautinen'], customerGroups: ['ikaantyneet'] };
const jukka = { id: 'u3', name: 'Jukka Järvinen' };
const visitId = '7a1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const visit: DomainEvent = {
  type: 'supervisionVisit.logged',
  eventId: 'e2',
  occurredAt: '2026-11-23T08:00:00.000Z',
  actor: jukka,
  recordKey: `supervisionVisit:${visitId}`,
  data: {
    visitId,
    customerId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    customerName: 'Espoon kaupunki',
    careHomeId: home.id,
    careHomeName: home.name,
    region: home.region,
    date: '2026-11-20',
    participants: 'Valvoja, kotijohtaja',
    findings: 'Lääkehoitosuunnitelma päivitetty',
    specialMention: true,
    mentions: [{ userId: '00000000-0000-0000-0000-0000000000021', name: 'Mikko Myyntipäällikkö' }],
    recordedBy: jukka,
  },
};
const row = { kind: 'supervisionVisit' as const, recordId: visitId, version: 2, date: '2026-11-20', createdAt: '2026-11-23T08:00:00.000Z', careHomeName: 'Koivukoti', customerName: 'Espoon kaupunki' };

export const cards = (locale: Locale) => ({
  receipt: receiptCard(locale, { kind: 'supervisionVisit', recordId: visitId, saved: 'Tallennettu: valvontakäynti 20.11.2026', changed: true }),
  receiptNotEditable: receiptCard(locale, { kind: 'place', recordId: visitId, saved: 'Tallennettu', editable: false }),
  editForm: formCard(locale, { ...supervisionVisitFormSpec([], [home], '2026-11-23'), edit: { recordId: visitId, version: 2 } }, {
    requestId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
    values: { findings: 'Oma korjaus', specialMention: 'true' },
    refusal: 'Aino Virtanen muutti tätä ensin (23.11.2026 klo 10.00). Tarkista tiedot ja tallenna uudelleen.',
  }),
  mine: mineCard(locale, [{ ...row, editable: true }, { ...row, kind: 'place', editable: false }], 48),
  mineEmpty: mineCard(locale, [], 48),
  confirm: withdrawConfirmCard(locale, row),
  withdrawn: notificationCard(
    { type: 'entry.withdrawn', eventId: 'e4', occurredAt: '2026-11-24T08:00:00.000Z', actor: jukka, recordKey: `supervisionVisit:${visitId}`, data: { kind: 'supervisionVisit', recordId: visitId, date: '2026-11-20', careHomeName: 'Koivukoti', customerName: 'Espoon kaupunki', withdrawnBy: jukka, withdrawnAt: '2026-11-24T08:00:00.000Z' } },
    locale,
  ),
  corrected: notificationCard(
    { type: 'entry.corrected', eventId: 'e5', occurredAt: '2026-11-24T08:00:00.000Z', actor: jukka, recordKey: `supervisionVisit:${visitId}`, data: { event: visit, correctedBy: jukka, correctedAt: '2026-11-24T08:00:00.000Z' } },
    locale,
  ),
});

describe('the cards of omat, receipts and corrections', () => {
  for (const locale of ['fi', 'en'] as const) {
    for (const [name, card] of Object.entries(cards(locale))) {
      it(`${name} (${locale}) parses with adaptivecards without warnings and stays within 1.5`, () => {
        assert.deepEqual(validateCard(card), []);
        assert.equal(card.version, '1.5');
      });
    }
  }

  it('carries a request id in every Action.Execute', () => {
    for (const card of Object.values(cards('fi'))) {
      for (const action of executeActionsOf(card as unknown as Json)) assert.match(String(action.data.requestId), /^[0-9a-f-]{36}$/, action.verb);
    }
  });

  it('shows a withdrawn entry without what it said, and a corrected one with its special mention still @mentioning', () => {
    const { withdrawn, corrected } = cards('fi');
    assert.deepEqual(textsOf(withdrawn as unknown as Json).slice(0, 1), ['Valvontakäynti 20.11.2026 – peruttu']);
    assert.ok(!textsOf(withdrawn as unknown as Json).some((x) => /Lääkehoito/.test(x)));
    assert.match(textsOf(corrected as unknown as Json).join('\n'), /Muokkasi Jukka Järvinen/);
    assert.equal(corrected.msteams?.entities?.length, 1);
  });
});
