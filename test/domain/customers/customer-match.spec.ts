import assert from 'node:assert/strict';
import { editDistance, matchCustomers, nameForms, nameKey } from '../../../src/domain/customers/customer-match.js';

/** Municipal customers of the 2012 data (the purchasers of 2026 are matched below) and a few more name shapes. */
const customers = [
  'Espoon kaupunki',
  'Vantaan kaupunki',
  'Turun kaupunki',
  'Salon kaupunki',
  'Tampereen kaupunki',
  'Jyväskylän kaupunki',
  'Tammelan kunta',
  'Helsingin kaupunki',
  'Rovaniemen kaupunki',
].map((name, i) => ({ id: `c${i}`, name }));

const match = (typed: string) => matchCustomers(typed, customers);
const names = (list: { name: string }[]) => list.map((c) => c.name);

describe('matching a typed name to customers', () => {
  it('drops case, diacritics and the words that only say "city" or "municipality"', () => {
    assert.equal(nameKey('Jyväskylän  Kaupunki'), 'jyvaskylan');
    assert.equal(nameKey('City of Espoo'), 'espoo');
    assert.equal(nameKey('Tammelan kunta'), 'tammelan');
    assert.equal(nameKey('  kaupunki '), '');
  });

  it('knows the base forms behind a genitive ("Turun kaupunki" is Turku\'s)', () => {
    assert.ok(nameForms('Espoon kaupunki').includes('espoo'));
    assert.ok(nameForms('Turun kaupunki').includes('turku'));
    assert.ok(nameForms('Tampereen kaupunki').includes('tampere'));
    assert.ok(nameForms('Helsingin kaupunki').includes('helsinki'));
    assert.ok(nameForms('Rovaniemen kaupunki').includes('rovaniemi'));
    assert.deepEqual(nameForms('Kauppila Oy'), ['kauppila oy'], 'no guessing without "kaupunki"/"kunta"');
  });

  it('finds exactly one customer by its name, its base form, in either language, with or without ä/ö', () => {
    for (const [typed, expected] of [
      ['espoo', 'Espoon kaupunki'],
      ['Espoon kaupunki', 'Espoon kaupunki'],
      ['ESPOON', 'Espoon kaupunki'],
      ['City of Espoo', 'Espoon kaupunki'],
      ['Espoo city', 'Espoon kaupunki'],
      ['Jyvaskyla', 'Jyväskylän kaupunki'],
      ['jyväskylä', 'Jyväskylän kaupunki'],
      ['Turku', 'Turun kaupunki'],
      ['tampere municipality', 'Tampereen kaupunki'],
      ['Tammela', 'Tammelan kunta'],
    ] as const) {
      const result = match(typed);
      assert.equal(result.kind, 'one', `${typed}: ${JSON.stringify(result)}`);
      assert.equal(result.kind === 'one' && result.customer.name, expected, typed);
    }
  });

  it('finds a wellbeing services county by its region, in the genitive or not, in either language (issue 11)', () => {
    const purchasers = ['Länsi-Uudenmaan hyvinvointialue', 'Varsinais-Suomen hyvinvointialue', 'Pirkanmaan hyvinvointialue', 'Satakunnan hyvinvointialue', 'Helsingin kaupunki'].map((name, i) => ({ id: `p${i}`, name }));
    for (const [typed, expected] of [
      ['pirkanmaa', 'Pirkanmaan hyvinvointialue'],
      ['Pirkanmaan hyvinvointialue', 'Pirkanmaan hyvinvointialue'],
      ['Pirkanmaa wellbeing services county', 'Pirkanmaan hyvinvointialue'],
      ['Länsi-Uusimaa', 'Länsi-Uudenmaan hyvinvointialue'],
      ['lansi-uudenmaan', 'Länsi-Uudenmaan hyvinvointialue'],
      ['Varsinais-Suomi', 'Varsinais-Suomen hyvinvointialue'],
      ['satakunta', 'Satakunnan hyvinvointialue'],
      ['Helsinki', 'Helsingin kaupunki'],
    ] as const) {
      const result = matchCustomers(typed, purchasers);
      assert.equal(result.kind === 'one' && result.customer.name, expected, `${typed}: ${JSON.stringify(result)}`);
    }
  });

  it('offers candidates for the start of a name, starts of words before matches inside a word', () => {
    const tam = match('tam');
    assert.deepEqual(tam.kind === 'candidates' && names(tam.customers), ['Tammelan kunta', 'Tampereen kaupunki']);
    const espo = match('Espo');
    assert.deepEqual(espo.kind === 'candidates' && names(espo.customers), ['Espoon kaupunki'], 'a name begun is offered, not guessed');
    const an = match('aan');
    assert.deepEqual(an.kind === 'candidates' && names(an.customers), ['Vantaan kaupunki']);
    const mixed = match('ta');
    assert.deepEqual(mixed.kind === 'candidates' && names(mixed.customers), ['Tammelan kunta', 'Tampereen kaupunki', 'Vantaan kaupunki']);
  });

  it('offers the closest names by edit distance when nothing matches', () => {
    const vantta = match('Vantta');
    assert.equal(vantta.kind, 'none');
    assert.equal(vantta.kind === 'none' && vantta.closest[0]!.name, 'Vantaan kaupunki');
    assert.equal(vantta.kind === 'none' && vantta.closest.length, 3);
    const turkku = match('Turkku');
    assert.equal(turkku.kind === 'none' && turkku.closest[0]!.name, 'Turun kaupunki');
    const espoo = match('Espooo');
    assert.equal(espoo.kind === 'none' && espoo.closest[0]!.name, 'Espoon kaupunki');
  });

  it('asks for a name when only "kaupunki" or nothing was typed', () => {
    assert.deepEqual(match(''), { kind: 'empty' });
    assert.deepEqual(match(' kaupunki '), { kind: 'empty' });
  });

  it('offers both when two customers share a name', () => {
    const twins = matchCustomers('salo', [...customers, { id: 'x', name: 'Salon kaupunki' }]);
    assert.equal(twins.kind, 'candidates');
    assert.equal(twins.kind === 'candidates' && twins.customers.length, 2);
  });

  it('measures edit distance', () => {
    assert.equal(editDistance('vantta', 'vantaa'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });
});
