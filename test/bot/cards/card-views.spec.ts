import assert from 'node:assert/strict';
import { complaintCard } from '../../../bot/cards/complaint-card.js';
import { actionExecute, refreshWith } from '../../../bot/cards/elements.js';
import { notice } from '../../../bot/cards/notice.js';
import { notificationCard } from '../../../bot/cards/notification-card.js';
import { placeCard } from '../../../bot/cards/place-freed-card.js';
import type { ComplaintEvent } from '../../../src/domain/events/complaint-events.js';
import type { PlaceCardData } from '../../../src/domain/events.js';
import { reservedPlaceCard } from '../../support/place-card-fixture.js';
import type { Locale } from '../../../src/i18n/messages.js';
import { assertValidCard, validateCard } from '../../support/adaptive-cards.js';
import { executeActionsOf, inputsOf, textsOf, type Json } from '../../support/cards.js';

/**
 * The person's own views of the shared cards (issue 11): with a private answer on top, a confirmation, none
 * of the steps their role does not allow, a refresh clause; all valid Adaptive Cards 1.5 in both languages.
 */
const requestId = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
const reserved: PlaceCardData = reservedPlaceCard;
const free: PlaceCardData = { ...reserved, status: 'vapaa', reservedForCustomerId: undefined, reservedForName: undefined, reservedBy: undefined, reservedAt: undefined };
const refresh = refreshWith(actionExecute({ title: 'refresh', verb: 'place.view', data: { requestId, placeId: reserved.placeId } }), ['29:mikko', '29:kaisa']);
const complaint: ComplaintEvent = {
  type: 'complaint.received',
  eventId: 'e1',
  occurredAt: '2026-11-24T10:00:00.000Z',
  actor: { id: 'u1', name: 'Kaisa Kotijohtaja' },
  data: {
    complaintId: '7a1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    version: 1,
    customerId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    customerName: 'Länsi-Uudenmaan hyvinvointialue',
    careHomeId: '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5',
    careHomeName: 'Koivukoti',
    region: 'etela-suomi',
    receivedDate: '2026-11-20',
    channel: 'puhelin',
    severity: 'vakava',
    status: 'vastaanotettu',
    matter: 'Lääkehoidon kirjaukset puutteellisia',
    history: [{ status: 'vastaanotettu', by: { id: 'u1', name: 'Kaisa Kotijohtaja' }, at: '2026-11-24T10:00:00.000Z' }],
    nextStepDue: '2026-11-26',
    recordedBy: { id: 'u1', name: 'Kaisa Kotijohtaja' },
  },
};

export const views = (locale: Locale) => ({
  doneNotice: placeCard(reserved, locale, requestId, { actions: { reserve: true, settle: true }, notice: notice(locale, 'done', 'Mikko varasi paikan A12.') }),
  confirmSell: placeCard(reserved, locale, requestId, { actions: { reserve: true, settle: true }, confirm: 'sell' }),
  confirmRelease: placeCard(reserved, locale, requestId, { actions: { reserve: true, settle: true }, confirm: 'release' }),
  refusedKeepsCustomer: placeCard(free, locale, requestId, { actions: { reserve: true, settle: false }, notice: notice(locale, 'refused', 'Ei sallittu.'), customerId: free.reserveChoices[0]!.id }),
  statusWithRefresh: notificationCard({ type: 'place.changed', eventId: 'e', occurredAt: reserved.freedAt, actor: reserved.freedBy, data: reserved }, locale, 'full', { audience: 'sales', refresh }),
  complaintStatus: notificationCard(complaint, locale, 'full', { audience: 'management', refresh }),
  complaintRefused: complaintCard(complaint, locale, 'full', { nextStep: true, notice: notice(locale, 'refused', 'Ei sallittu.'), values: { correctiveActions: 'Koulutus', correctionDue: '2026-12-15' } }),
  complaintLost: complaintCard(complaint, locale, 'summary', { nextStep: false, notice: notice(locale, 'refused', 'Mikko ehti ensin.'), values: { correctiveActions: 'Koulutus' } }),
});

describe('the person\'s own views of shared cards', () => {
  for (const locale of ['fi', 'en'] as const) {
    for (const [name, card] of Object.entries(views(locale))) {
      it(`${name} (${locale}) is a valid Adaptive Card 1.5 with Action.Execute buttons only`, () => {
        assertValidCard(card);
        assert.deepEqual(validateCard(card), []);
        assert.ok(!JSON.stringify(card).includes('"Action.Submit"'), 'no Action.Submit');
      });
    }
  }

  it('puts the private answer first and says only the reader sees it', () => {
    const texts = textsOf(views('fi').doneNotice as unknown as Json);
    assert.equal(texts[0], '✓ Mikko varasi paikan A12.');
    assert.equal(texts[1], 'Vain sinä näet tämän vastauksen.');
  });

  it('asks before selling, with Yes and Back', () => {
    const card = views('en').confirmSell as unknown as Json;
    assert.ok(textsOf(card).includes('Mark the place A12 sold to Länsi-Uudenmaan hyvinvointialue?'));
    assert.deepEqual(executeActionsOf(card).map((a) => [a.verb, a.title]), [
      ['place.sellConfirmed', 'Yes, mark sold'],
      ['place.view', 'Back'],
    ]);
  });

  it('keeps the chosen customer and the typed step on a refused view', () => {
    assert.equal(inputsOf(views('fi').refusedKeepsCustomer as unknown as Json).get('customerId')?.value, free.reserveChoices[0]!.id);
    const step = inputsOf(views('fi').complaintRefused as unknown as Json);
    assert.equal(step.get('correctiveActions')?.value, 'Koulutus');
    assert.equal(step.get('correctionDue')?.value, '2026-12-15');
    assert.ok(textsOf(views('fi').complaintLost as unknown as Json).includes('Koulutus'), 'a step that is gone shows the text back');
  });

  it('posts the status without buttons when each person gets their own view, and lists at most 60 people', () => {
    for (const card of [views('fi').statusWithRefresh, views('fi').complaintStatus]) {
      assert.equal(card.actions, undefined);
      assert.deepEqual(card.refresh?.userIds, ['29:mikko', '29:kaisa']);
    }
    const many = refreshWith(refresh.action, Array.from({ length: 80 }, (_, i) => `29:u${i}`));
    assert.equal(many.userIds?.length, 60);
  });
});
