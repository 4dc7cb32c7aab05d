import assert from 'node:assert/strict';
import { finnishSortKey, fold, likeLiteral } from '../../../src/store/sqlite/finnish-text.js';

/** The SQL sort key must order names as Intl.Collator('fi') does, which the rest of the app sorts by. */
describe('Finnish text in SQL (finnish-text.ts)', () => {
  it('orders names by their key as the Finnish collator does', () => {
    const names = ['Vaasa', 'Wasa', 'Wiitaniemi', 'Vöyri', 'Åland', 'Ähtäri', 'Äänekoski', 'Öljy', 'Zeta', 'Ylöjärvi', 'Über', 'Yli', 'Aura', 'Ébé', 'Eura', 'Kaa rina', 'Kaarina', 'Kaarinan kaupunki', 'Kunta 10', 'Kunta 2', 'Keski-Suomi', 'Keskinen', 'Pietarsaari'];
    const byCollator = [...names].sort(new Intl.Collator('fi').compare);
    const byKey = [...names].sort((a, b) => (finnishSortKey(a) < finnishSortKey(b) ? -1 : finnishSortKey(a) > finnishSortKey(b) ? 1 : 0));
    assert.deepEqual(byKey, byCollator);
  });

  it('folds case in Finnish, composed or not, and escapes LIKE wildcards', () => {
    assert.equal(fold('ÄHTÄRI'), 'ähtäri');
    assert.equal(fold('A\u0308htari'), 'ähtari');
    assert.equal(likeLiteral('100%_\\'), '100\\%\\_\\\\');
  });
});
