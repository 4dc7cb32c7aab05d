import assert from 'node:assert/strict';
import fc from 'fast-check';
import { placeInputSchema } from '../../../src/domain/records/index.js';
import { text } from '../../../src/domain/records/common.js';
import { freeText } from '../../../src/domain/records/privacy.js';
import { containsPersonalIdentityCode, normalizeTypedText, personalIdentityCodeCheck } from '../../../src/domain/text/text-guard.js';
import { fieldErrorsFrom } from '../../../src/domain/validation.js';

const centurySigns = ['+', '-', 'A', 'B', 'C', 'D', 'E', 'F', 'Y', 'X', 'W', 'V', 'U'] as const;
const invisibles = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u061C'];
const dashes = ['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A valid henkilötunnus: any day 01–31, month, year, century sign and individual number, checksum right. */
const hetu = fc
  .record({
    day: fc.integer({ min: 1, max: 31 }),
    month: fc.integer({ min: 1, max: 12 }),
    year: fc.integer({ min: 0, max: 99 }),
    sign: fc.constantFrom(...centurySigns),
    individual: fc.integer({ min: 2, max: 999 }),
  })
  .map(({ day, month, year, sign, individual }) => {
    const date = `${pad(day, 2)}${pad(month, 2)}${pad(year, 2)}`;
    const nnn = pad(individual, 3);
    return { date, sign: sign as string, nnn, check: personalIdentityCodeCheck(date, nnn) };
  });

/** Text around the code; it must not end or start in a digit, which would make the code part of a longer number. */
const surrounding = fc.string({ maxLength: 30 }).map((s) => (/\d$/.test(s) ? `${s} ` : s));
const following = fc.string({ maxLength: 30 }).map((s) => (/^\d/.test(s) ? ` ${s}` : s));

/** Inserts `chars` at random positions of `s`. */
function sprinkle(s: string, inserts: readonly { at: number; char: string }[]): string {
  const out = [...s];
  for (const { at, char } of inserts) out.splice(at % (out.length + 1), 0, char);
  return out.join('');
}

/**
 * A reference implementation written differently (every 11-character window, checked by hand), used as
 * the oracle for random text: the guard refuses exactly the texts that hold a valid code.
 */
function oracle(raw: string): boolean {
  const views = [normalizeTypedText(raw), normalizeTypedText(raw.replace(/\u00AD/g, '-'))].map((v) => v.replace(/[\u2010-\u2015\u2212\uFE58]/g, '-'));
  return views.some((s) => {
    for (let i = 0; i + 11 <= s.length; i++) {
      if (i > 0 && /\d/.test(s[i - 1]!)) continue;
      if (i + 11 < s.length && /\d/.test(s[i + 11]!)) continue;
      const w = s.slice(i, i + 11).toUpperCase();
      if (!/^\d{6}$/.test(w.slice(0, 6)) || !/^\d{3}$/.test(w.slice(7, 10))) continue;
      const day = Number(w.slice(0, 2));
      const month = Number(w.slice(2, 4));
      if (day < 1 || day > 31 || month < 1 || month > 12) continue;
      if (!(centurySigns as readonly string[]).includes(w[6]!)) continue;
      if (personalIdentityCodeCheck(w.slice(0, 6), w.slice(7, 10)) === w[10]) return true;
    }
    return false;
  });
}

describe('text guard: henkilötunnus', () => {
  it('refuses the codes of the finding, with every dash and invisible variant', () => {
    for (const code of ['131052-308T', '131052–308T', '131052\u2011308T', '131052\u2212308T', '1310\u200B52-308T', '131052-\u202E308T', '１３１０５２－３０８Ｔ', 'hetu131052-308T', '131052-308t']) {
      assert.ok(containsPersonalIdentityCode(code), JSON.stringify(code));
    }
  });

  it('accepts a code-shaped text with a wrong checksum, and numbers that only look alike', () => {
    for (const s of ['131052-308A', '311299+1234', 'Y-tunnus 0101263-6', 'puh. 040-1234567', 'lasku 9131052-308T', '131052-3081234', 'Huone A12 vapautuu 1.12.2026']) {
      assert.ok(!containsPersonalIdentityCode(s), s);
    }
  });

  it('refuses any valid code, with any century sign, in any text, with invisible characters inside', () => {
    fc.assert(
      fc.property(
        hetu,
        surrounding,
        following,
        fc.array(fc.record({ at: fc.nat(), char: fc.constantFrom(...invisibles) }), { maxLength: 4 }),
        (code, before, after, inserts) => {
          const typed = `${before}${sprinkle(`${code.date}${code.sign}${code.nnn}${code.check}`, inserts)}${after}`;
          assert.ok(containsPersonalIdentityCode(typed), JSON.stringify(typed));
        },
      ),
    );
  });

  it('refuses a code written with a dash lookalike for its "-"', () => {
    fc.assert(
      fc.property(hetu, fc.constantFrom(...dashes), surrounding, (code, dash, before) => {
        const typed = `${before}${code.date}${dash}${code.nnn}${code.check}`;
        assert.equal(containsPersonalIdentityCode(typed), true, JSON.stringify(typed));
      }),
    );
  });

  it('never refuses random text that holds no valid code (and refuses exactly those that do)', () => {
    const randomText = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: fc.constantFrom(...'0123456789-+ABCDEFUVWXYT \u2013\u200B'.split('')), maxLength: 40 }),
    );
    fc.assert(
      fc.property(randomText, (s) => {
        assert.equal(containsPersonalIdentityCode(s), oracle(s), JSON.stringify(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('names the field that holds the code, for a label as for a note', () => {
    const place = {
      careHomeId: '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5',
      serviceType: 'ymparivuorokautinen',
      customerGroup: 'ikaantyneet',
      label: '131052-308T',
      status: 'vapaa',
      freeFrom: '2026-12-01',
      statusChangedAt: '2026-11-23T08:00:00.000Z',
      statusChangedBy: { id: 'u1', name: 'Kaisa' },
    };
    const result = placeInputSchema.safeParse(place);
    assert.equal(result.success, false);
    assert.deepEqual(fieldErrorsFrom(result.error!), [{ field: 'label', key: 'privacy.personalIdentityCode' }]);
  });
});

describe('text guard: normalization and control characters', () => {
  it('stores NFKC text without zero-width characters and bidi controls', () => {
    assert.equal(text(40).parse(' Ａ１２\u200B\u202E '), 'A12');
    assert.equal(freeText().parse('ﬁlé\u00AD\u2066 x'), 'filé x');
  });

  it('refuses control characters, allowing line breaks and tabs only in multi-line fields', () => {
    const errorOf = (schema: typeof freeText extends (...a: never[]) => infer S ? S : never, value: string) => {
      const result = schema.safeParse(value);
      return result.success ? undefined : result.error.issues[0]!.message;
    };
    for (const c of ['\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u009B']) {
      assert.equal(errorOf(text(40), `A${c}12`), 'validation.controlCharacter', JSON.stringify(c));
      assert.equal(errorOf(freeText(), `A${c}12`), 'validation.controlCharacter', JSON.stringify(c));
    }
    assert.equal(errorOf(text(40), 'A\n12'), 'validation.controlCharacter');
    assert.equal(freeText().parse('rivi 1\nrivi 2\r\n\tsisennys'), 'rivi 1\nrivi 2\r\n\tsisennys');
  });

  it('is idempotent: a stored value is stored unchanged when saved again', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        const once = normalizeTypedText(s);
        assert.equal(normalizeTypedText(once), once);
      }),
      { numRuns: 2000 },
    );
  });
});
