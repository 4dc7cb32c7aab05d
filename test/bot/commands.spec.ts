import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeCommandText, parseCommand as parse } from '../../bot/commands.js';
import { commandsOf } from '../../bot/flows/index.js';

const parseCommand = (text: string) => parse(text, commandsOf());

describe('chat commands', () => {
  it('understands Finnish and English, any case, extra spaces and a leading @mention', () => {
    assert.deepEqual(parseCommand('ohje'), { kind: 'command', id: 'help', argument: '' });
    assert.deepEqual(parseCommand('HELP'), { kind: 'command', id: 'help', argument: '' });
    assert.deepEqual(parseCommand('  Vapaa   paikka '), { kind: 'command', id: 'freePlace', argument: '' });
    assert.deepEqual(parseCommand('free place'), { kind: 'command', id: 'freePlace', argument: '' });
    assert.deepEqual(parseCommand('<at>HoivaCRM</at> kanava myynti'), { kind: 'command', id: 'channelSales', argument: '' });
    assert.deepEqual(parseCommand('<at>HoivaCRM</at>&nbsp;channel management'), { kind: 'command', id: 'channelManagement', argument: '' });
    assert.deepEqual(parseCommand('paikat'), { kind: 'command', id: 'places', argument: '' });
  });

  it('suggests the nearest command for a typo, and nothing for unrelated text', () => {
    assert.deepEqual(parseCommand('vapa paikka'), { kind: 'unknown', text: 'vapa paikka', suggestion: 'vapaa paikka' });
    assert.deepEqual(parseCommand('paikt'), { kind: 'unknown', text: 'paikt', suggestion: 'paikat' });
    assert.deepEqual(parseCommand('hlep'), { kind: 'unknown', text: 'hlep', suggestion: 'help' });
    assert.deepEqual(parseCommand('mikä on sään ennuste huomenna'), { kind: 'unknown', text: 'mikä on sään ennuste huomenna' });
  });
});

/** The regular expressions the scanner replaced: the reference for inputs short enough for them. */
function regexNormalize(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

describe('command text scanner', () => {
  it('reads any text as the regular expressions did', () => {
    // Built from the pieces that matter (tags, mentions, &nbsp;, stray brackets) so most inputs hold some.
    const piece = fc.oneof(
      fc.constantFrom('<', '>', '<at>', '</at>', '<AT>', '</At>', '&nbsp;', '<p>', '</p>', '<>', ' ', '\n', 'a', 'vapaa paikka', 'ohje'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        assert.equal(normalizeCommandText(text), regexNormalize(text), JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads adversarial 100 kB messages (unclosed <, repeated <at>, unclosed mentions) in one pass', () => {
    // The old regex took seconds on the first of these (quadratic); mocha's timeout is the only bound.
    const n = 100_000;
    // assert.ok with a short message: a failing diff of 100 kB helps nobody.
    const reads = (text: string, expected: string) => assert.ok(normalizeCommandText(text) === expected, `${JSON.stringify(text.slice(0, 20))}…`);
    reads('<'.repeat(n), '<'.repeat(n));
    reads('<at>'.repeat(n / 4), '');
    reads('<at>x'.repeat(n / 5), Array.from({ length: n / 5 }, () => 'x').join(' '));
    reads(`<at>${'a'.repeat(n)}`, 'a'.repeat(n));
    reads('<a'.repeat(n / 2), '<a'.repeat(n / 2));
    reads(`${'<at>'.repeat(n / 8)}${'</at>'.repeat(n / 10)}`, '');
    assert.equal(parseCommand(`<at>HoivaCRM</at> ${'<'.repeat(n)}`).kind, 'unknown');
  });
});
