import assert from 'node:assert/strict';
import { customerHistoryCard } from '../../../bot/cards/customer-history-card.js';
import type { CustomerHistory, HistoryEntry } from '../../../src/app/customer-history.js';
import type { Locale } from '../../../src/i18n/messages.js';
import { validateCard } from '../../support/adaptive-cards.js';
import { textsOf as textsOfJson, type Json } from '../../support/cards.js';

const textsOf = (card: unknown) => textsOfJson(JSON.parse(JSON.stringify(card)) as Json);

/** The history card parses in both languages and stays under Teams' 28 KB however long the texts are. */
describe('the customer history card', () => {
  const long = 'Pitkä kuvaus asiasta, joka jatkuu ja jatkuu. '.repeat(80);
  const entry = (i: number): HistoryEntry => ({
    at: `2026-11-${String(23 - (i % 20)).padStart(2, '0')}T08:00:00.000Z`,
    by: { id: 'u1', name: 'Kaisa Kotijohtaja' },
    kind: 'complaint',
    action: i % 2 ? 'update' : 'status',
    subject: { name: 'Koivukoti', date: '2026-11-20' },
    status: { from: 'vastaanotettu', to: 'toimenpiteet-sovittu' },
    changes: Array.from({ length: 9 }, (_, n) => ({ field: n === 0 ? 'matter' : `correctiveActions`, from: long, to: `${long}${n}`, hidden: n === 0 })),
  });
  const history = (entries: HistoryEntry[], more = 0): CustomerHistory => ({ customer: { id: 'c1', name: 'Espoon kaupunki' }, entries, more, names: {} });

  for (const locale of ['fi', 'en'] as Locale[]) {
    it(`is a valid card in ${locale}, under 28 KB with 20 long changes, the oldest dropped into "more"`, () => {
      const card = customerHistoryCard(locale, history(Array.from({ length: 20 }, (_, i) => entry(i)), 30));
      assert.deepEqual(validateCard(card), []);
      assert.ok(Buffer.byteLength(JSON.stringify(card)) < 28 * 1024, `${Buffer.byteLength(JSON.stringify(card))} bytes`);
      const last = textsOf(card).at(-1)!;
      assert.match(last, locale === 'fi' ? /^… ja \d+ vanhempaa muutosta\.$/ : /^… and \d+ older changes\.$/);
    });
  }

  it('says so when nothing has changed', () => {
    assert.ok(textsOf(customerHistoryCard('fi', history([]))).includes('Asiakkaan tiedoissa ei ole vielä muutoksia.'));
  });
});
