import assert from 'node:assert/strict';
import { parseCommand } from '../../bot/commands.js';

describe('chat commands', () => {
  it('understands Finnish and English, any case, extra spaces and a leading @mention', () => {
    assert.deepEqual(parseCommand('ohje'), { kind: 'command', id: 'help' });
    assert.deepEqual(parseCommand('HELP'), { kind: 'command', id: 'help' });
    assert.deepEqual(parseCommand('  Vapaa   paikka '), { kind: 'command', id: 'freePlace' });
    assert.deepEqual(parseCommand('free place'), { kind: 'command', id: 'freePlace' });
    assert.deepEqual(parseCommand('<at>HoivaCRM</at> kanava myynti'), { kind: 'command', id: 'channelSales' });
    assert.deepEqual(parseCommand('<at>HoivaCRM</at>&nbsp;channel management'), { kind: 'command', id: 'channelManagement' });
    assert.deepEqual(parseCommand('paikat'), { kind: 'command', id: 'places' });
  });

  it('suggests the nearest command for a typo, and nothing for unrelated text', () => {
    assert.deepEqual(parseCommand('vapa paikka'), { kind: 'unknown', text: 'vapa paikka', suggestion: 'vapaa paikka' });
    assert.deepEqual(parseCommand('paikt'), { kind: 'unknown', text: 'paikt', suggestion: 'paikat' });
    assert.deepEqual(parseCommand('hlep'), { kind: 'unknown', text: 'hlep', suggestion: 'help' });
    assert.deepEqual(parseCommand('mikä on sään ennuste huomenna'), { kind: 'unknown', text: 'mikä on sään ennuste huomenna' });
  });
});
