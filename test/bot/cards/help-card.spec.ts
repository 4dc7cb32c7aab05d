import assert from 'node:assert/strict';
import { COMMAND_RUN_VERB, helpCard } from '../../../bot/cards/help-card.js';
import { commandsOf } from '../../../bot/flows/index.js';
import { assertValidCard } from '../../support/adaptive-cards.js';
import { executeActionsOf, textsOf, type Json } from '../../support/cards.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('the help card', () => {
  for (const locale of ['fi', 'en'] as const) {
    const card = helpCard(locale, commandsOf()) as unknown as Json;

    it(`(${locale}) is a valid card with a command.run button per command but help itself`, () => {
      assertValidCard(card);
      const buttons = executeActionsOf(card);
      const ids = commandsOf().map((c) => c.id).filter((id) => id !== 'help');
      assert.deepEqual(buttons.map((b) => (b.data as Json).command).sort(), [...ids].sort());
      for (const b of buttons) {
        assert.equal(b.verb, COMMAND_RUN_VERB);
        assert.equal((b.data as Json).action, COMMAND_RUN_VERB);
        assert.match(String((b.data as Json).requestId), uuid);
      }
      assert.equal(new Set(buttons.map((b) => (b.data as Json).requestId)).size, buttons.length, 'a request id per button');
    });

    it(`(${locale}) groups the commands by what people do, the button named by the command word`, () => {
      const texts = textsOf(card);
      const groups = locale === 'fi' ? ['Paikat', 'Kirjaukset', 'Asiakkaat', 'Ylläpito'] : ['Places', 'Records', 'Customers', 'Administration'];
      const at = groups.map((g) => texts.indexOf(g));
      assert.ok(at.every((i, n) => i > 0 && (n === 0 || i > at[n - 1]!)), `groups in order: ${at.join(', ')}`);
      const titles = executeActionsOf(card).map((b) => b.title);
      assert.ok(titles.includes(locale === 'fi' ? 'Vapaa paikka' : 'Free place'));
      // A command that takes a name says its button asks whose (the flows answer no argument with a choice).
      assert.match(texts.join('\n'), locale === 'fi' ? /asiakas Espoo\. Painike kysyy, kenen\./ : /asiakas Espoo\. The button asks whose\./);
    });
  }
});
