import assert from 'node:assert/strict';
import { BotHarness } from '../support/bot-harness.js';
import { cardOf, textsOf } from '../support/cards.js';
import { englishUser, installedInTeam, MYYNTI, channelMessage, personalConversationId, personalMessage, homeDirector } from '../support/teams-activities.js';

/**
 * Issue 11: the Agents Playground always sends `en-US`, so in local mode LOCAL_LOCALE (default fi) decides the
 * personal chat's language; `client` follows the message, as in a tenant. A channel is in its own language.
 */
describe('the language of local mode (protocol)', () => {
  let h: BotHarness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  const helpTitle = async (harness: BotHarness) => {
    const before = harness.connector.posted(personalConversationId(englishUser)).length;
    await harness.post(personalMessage(harness.connector.url, englishUser, 'help'));
    const card = harness.connector.posted(personalConversationId(englishUser)).slice(before).map(cardOf).find(Boolean);
    return textsOf(card)[0];
  };

  it('answers an en-US personal chat in Finnish by default (LOCAL_LOCALE=fi)', async () => {
    h = await new BotHarness().start({ LOCAL_LOCALE: 'fi' });
    assert.equal(await helpTitle(h), 'HoivaCRM – komennot');
  });

  it('answers it in English with LOCAL_LOCALE=en, and by the message with client', async () => {
    h = await new BotHarness().start({ LOCAL_LOCALE: 'en' });
    assert.equal(await helpTitle(h), 'HoivaCRM – commands');
    await h.stop();
    h = await new BotHarness().start({ LOCAL_LOCALE: 'client' });
    assert.equal(await helpTitle(h), 'HoivaCRM – commands');
  });

  it('answers in a channel in the channel\'s language, whoever asks', async () => {
    h = await new BotHarness().start({ LOCAL_LOCALE: 'client' });
    await h.post(installedInTeam(h.connector.url, homeDirector));
    const before = h.connector.posted().length;
    await h.post(channelMessage(h.connector.url, englishUser, MYYNTI, 'help'));
    const card = h.connector.posted().slice(before).map(cardOf).find(Boolean);
    assert.equal(textsOf(card)[0], 'HoivaCRM – komennot');
  });
});
