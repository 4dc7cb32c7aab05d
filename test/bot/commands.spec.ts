import assert from 'node:assert/strict';
import { parseCommand as parse } from '../../bot/commands.js';
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
