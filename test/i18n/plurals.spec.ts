import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { catalogs, formatDate, formatDateTime, formatNumber, isMessageKey, pluralKeys, t, tn, type Locale, type MessageKey } from '../../src/i18n/messages.js';

const locales = ['fi', 'en'] as const;

/** What a text would say with a count in the wrong form: the partitive or plural noun after a lone 1. */
const wrongOne = /(?:^|[^\d\s.,\u00a0\u202f])\s?1 (?:paikkaa|päivää|kuntaa|korttia|muuta|vanhempaa|kenttää|uusinta|merkkiä|days|places|homes|cards|fields|changes|characters|municipalities|others)\b/;
/** Placeholders filled with something plain, so a template renders as a person would read it. */
const filled = (template: string): Record<string, string> =>
  Object.fromEntries([...template.matchAll(/\{(\w+)\}/g)].filter(([, name]) => name !== 'count').map(([, name]) => [name!, 'X']));

describe('plural forms (Intl.PluralRules)', () => {
  it('finds the plural keys of the catalogs', () => {
    for (const key of ['card.places.summary', 'card.places.notShown', 'customerCard.lastEntry', 'delivery.retry.done', 'history.more', 'digest.more', 'reserve.moreChoices'] as const) {
      assert.ok(pluralKeys.includes(key), key);
    }
  });

  it('every plural key has both forms, .one and .other, in both languages, and no lone variant is left', () => {
    for (const locale of locales) {
      const keys = Object.keys(catalogs[locale]);
      for (const key of pluralKeys) {
        assert.ok(keys.includes(`${key}.one`) && keys.includes(`${key}.other`), `${locale}: ${key}`);
        assert.notEqual(catalogs[locale][`${key}.other` as MessageKey], '', `${locale}: ${key}.other is empty`);
      }
      for (const key of keys.filter((k) => /\.(one|other)$/.test(k))) {
        assert.ok(pluralKeys.includes(key.replace(/\.(one|other)$/, '') as never), `${locale}: ${key} has no pair`);
      }
    }
  });

  it('no text outside a plural pair puts a noun after a count: "{count} paikkaa" would read "1 paikkaa"', () => {
    // `{length}` of command.tooLong is the length of a message over 28,000 characters: never 1.
    const allowed = new Set(['command.tooLong']);
    for (const locale of locales) {
      for (const [key, template] of Object.entries(catalogs[locale])) {
        if (/\.(one|other)$/.test(key) || allowed.has(key)) continue;
        assert.doesNotMatch(template, /\{(count|days|n|shown|maximum|minimum|length)\} \p{L}/u, `${locale} ${key}: "${template}" needs .one/.other`);
      }
    }
  });

  it('chooses .one for exactly 1 and .other for every other count, in both languages', () => {
    for (const locale of locales) {
      assert.equal(tn(locale, 'delivery.retry.done', 1), locale === 'fi' ? '1 kortti lähtee uudelleen.' : '1 card will be sent again.');
      assert.equal(tn(locale, 'delivery.retry.done', 2), locale === 'fi' ? '2 korttia lähtee uudelleen.' : '2 cards will be sent again.');
      assert.equal(tn(locale, 'delivery.retry.done', 0), locale === 'fi' ? '0 korttia lähtee uudelleen.' : '0 cards will be sent again.');
    }
    assert.equal(tn('fi', 'customerCard.lastEntry', 1, { date: '1.12.2026' }), 'Viimeisin kirjaus 1 päivä sitten (1.12.2026).');
    assert.equal(tn('en', 'customerCard.lastEntry', 1, { date: '1 Dec 2026' }), 'Last entry 1 day ago (1 Dec 2026).');
    assert.equal(tn('fi', 'card.places.summary', 1, { homes: tn('fi', 'card.places.homes', 1) }), '1 paikka 1 kodissa');
    assert.equal(tn('en', 'card.places.summary', 5, { homes: tn('en', 'card.places.homes', 1) }), '5 places in 1 home');
  });

  it('a plural key named without its variant (a domain error) takes the variant of its one number', () => {
    assert.equal(t('fi', 'validation.tooLong', { maximum: 1 }), 'Enintään 1 merkki.');
    assert.equal(t('en', 'validation.tooLong', { maximum: 4000 }), 'At most 4,000 characters.');
  });

  it('no rendered plural text says "1 paikkaa", "1 päivää" or "1 days", whatever the count (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...locales), fc.constantFrom(...pluralKeys), fc.oneof(fc.constant(1), fc.nat(2_000_000)), (locale: Locale, key, count) => {
        const template = catalogs[locale][`${key}.other` as MessageKey];
        const text = tn(locale, key, count, filled(template));
        assert.doesNotMatch(text, wrongOne, text);
        assert.doesNotMatch(text, /\{\w+\}/, `${text}: a placeholder left unfilled`);
        // Finnish and English integers: "one" is exactly 1 (CLDR), every other count "other".
        assert.equal(text, t(locale, `${key}.${count === 1 ? 'one' : 'other'}`, { count, ...filled(template) }));
      }),
      { numRuns: 500 },
    );
  });
});

describe('numbers and dates (Intl)', () => {
  it('writes numbers as the locale does: 1 600 with a no-break space in Finnish, 1,600 in English', () => {
    assert.match(formatNumber('fi', 1600), /^1[\u00a0\u202f]600$/);
    assert.equal(formatNumber('en', 1600), '1,600');
    // Every number placed into a text: a count of 16 240 places never breaks over two lines.
    assert.match(tn('fi', 'card.places.notShown', 16240), /^…ja 16[\u00a0\u202f]240 paikkaa lisää/);
    assert.equal(t('en', 'command.tooLong', { length: 100000, maximum: 28000 }), 'The message is too long (100,000 characters, at most 28,000). Please write a shorter command.');
  });

  it('writes dates in Finnish as d.m.yyyy (Intl fi-FI) and in English as 1 Dec 2026', () => {
    assert.equal(formatDate('fi', '2026-12-01'), '1.12.2026');
    assert.equal(formatDate('fi', '2026-03-09'), '9.3.2026');
    assert.equal(formatDate('en', '2026-12-01'), '1 Dec 2026');
    assert.equal(formatDate('fi', 'not a date'), 'not a date', 'a malformed stored value is shown, not thrown');
    assert.equal(formatDateTime('fi', '2026-12-01T10:30:00.000Z'), '1.12.2026 klo 12.30');
  });

  it('a calendar date is the same day whatever the time zone (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d: Date) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
        assert.equal(formatDate('fi', iso), `${day}.${m}.${y}`);
      }),
    );
  });
});

describe('message keys in the code', () => {
  /** `t(locale, 'x.y')` and `tn(locale, 'x.y', n)` with a literal key, in every source folder. */
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
    });

  it('every literal key given to t() is in the catalogs, and every key given to tn() is a plural key', () => {
    const missing: string[] = [];
    for (const file of ['bot', 'src', 'tab'].flatMap((d) => sources(d))) {
      const code = readFileSync(file, 'utf8');
      for (const [, fn, key] of code.matchAll(/\b(tn?)\((?:[\w.]+), '([a-zA-Z][\w.-]*)'/g)) {
        if (fn === 'tn' ? !pluralKeys.includes(key as never) : !isMessageKey(key!) && !isMessageKey(`${key}.other`)) missing.push(`${file}: ${fn}('${key}')`);
      }
    }
    assert.deepEqual(missing, []);
  });
});
