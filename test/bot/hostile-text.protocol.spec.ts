import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { consoleLogger } from '../../src/logger.js';
import { startApp } from '../../src/server/start-app.js';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { cardOf, inputsOf, textsOf, visibleText, walk, type Json } from '../support/cards.js';
import { openPlaceForm, submitPlaceForm, validPlaceValues } from '../support/place-form.js';
import { cardsIn, choice, messageUnder, openForm, outboxSettles, submitForm } from '../support/record-form-session.js';
import { englishUser, homeDirector, installedInTeam, MYYNTI, personalConversationId, personalMessage, salesManager } from '../support/teams-activities.js';

/**
 * Issue 9, "Personal identity codes and hostile text", over the Bot Framework protocol: what a careless or
 * hostile user types is refused, normalized or shown as typed, never interpreted, and a broken request gets
 * a 400 that says nothing about the server.
 */
describe('hostile text and malformed activities (protocol)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, homeDirector));
  });
  afterEach(async () => {
    await h.stop();
  });

  const rawPost = (body: string) => fetch(`${h.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  describe('malformed activities', () => {
    it('answers {} , an activity without a type and malformed JSON with 400 and no internals', async () => {
      const withoutType: Json = personalMessage(h.connector.url, homeDirector, 'ohje');
      delete withoutType.type;
      const withoutFrom: Json = personalMessage(h.connector.url, homeDirector, 'ohje');
      delete withoutFrom.from;
      const textNotAString = { ...personalMessage(h.connector.url, homeDirector, 'ohje'), text: { length: 1 } };
      const invalid = { error: 'invalid activity' };
      const cases: [string, Json][] = [
        ['{}', invalid],
        [JSON.stringify(withoutType), invalid],
        [JSON.stringify(withoutFrom), invalid],
        [JSON.stringify(textNotAString), invalid],
        ['[1,2]', invalid],
        // express.json is strict: only an object or an array is JSON for it.
        ['"ohje"', { error: 'malformed JSON' }],
        ['{"type":', { error: 'malformed JSON' }],
      ];
      for (const [body, expected] of cases) {
        const response = await rawPost(body);
        assert.equal(response.status, 400, body.slice(0, 40));
        // Exactly this and nothing else: no stack, no parser or schema message.
        assert.deepEqual(await response.json(), expected, body.slice(0, 40));
      }
      assert.deepEqual(h.connector.posted(personalConversationId(homeDirector)), [], 'nothing was answered in Teams');
    });

    it('still answers a well-formed activity', async () => {
      const response = await rawPost(JSON.stringify(personalMessage(h.connector.url, homeDirector, 'ohje')));
      assert.equal(response.status, 200);
    });
  });

  describe('personal identity codes', () => {
    it('refuses a henkilötunnus in the place label, in its Unicode variants, naming the field, and stores nothing', async () => {
      for (const label of ['131052-308T', '131052–308T', '131052\u2011308T', '1310\u200B52-308T', '１３１０５２－３０８Ｔ']) {
        const form = await openPlaceForm(h);
        const [reply] = await submitPlaceForm(h, form, validPlaceValues(form.card, { label, note: '' }));
        const card = cardOf(reply);
        assert.ok(card, `the form came back for ${JSON.stringify(label)}`);
        assert.equal(messageUnder(card, 'label'), 'Älä kirjaa henkilötunnuksia.', JSON.stringify(label));
        assert.equal(messageUnder(card, 'note'), undefined);
      }
      assert.deepEqual(await h.app.store.records.list('place', { createdBy: homeDirector.aadObjectId }), []);
      await outboxSettles();
      assert.deepEqual(cardsIn(h, MYYNTI.id), []);
    });

    it('says it in English to an English user', async () => {
      await h.addPerson(englishUser, ['kotijohtaja'], ['Koivukoti']);
      const form = await openPlaceForm(h, englishUser);
      const [reply] = await submitPlaceForm(h, form, validPlaceValues(form.card, { note: 'room of 010594Y9021' }));
      assert.equal(messageUnder(cardOf(reply)!, 'note'), 'Do not enter personal identity codes.');
    });
  });

  describe('control and invisible characters', () => {
    it('stores the label without bidi overrides and zero-width characters, and refuses control characters', async () => {
      const form = await openPlaceForm(h);
      await submitPlaceForm(h, form, validPlaceValues(form.card, { label: 'A\u202E12\u200B', note: 'rivi 1\nrivi 2' }));
      const [place, ...more] = await h.app.store.records.list('place', { createdBy: homeDirector.aadObjectId });
      assert.equal(more.length, 0);
      assert.equal(place!.label, 'A12');
      assert.equal(place!.note, 'rivi 1\nrivi 2', 'a note keeps its line breaks');

      const again = await openPlaceForm(h);
      const [reply] = await submitPlaceForm(h, again, validPlaceValues(again.card, { label: 'B\u000712', note: 'x\u0000y' }));
      const card = cardOf(reply)!;
      assert.equal(messageUnder(card, 'label'), 'Teksti sisältää ohjausmerkkejä. Kirjoita se uudelleen tai liitä se ilman muotoiluja.');
      assert.equal(messageUnder(card, 'note'), 'Teksti sisältää ohjausmerkkejä. Kirjoita se uudelleen tai liitä se ilman muotoiluja.');
      assert.equal((await h.app.store.records.list('place', { createdBy: homeDirector.aadObjectId })).length, 1);
    });
  });

  describe('forged form values', () => {
    it('echoes a returned form\'s values only up to each field\'s maximum, and choices only when offered', async () => {
      const form = await openPlaceForm(h);
      const huge = 'x'.repeat(100_000);
      const [reply] = await submitPlaceForm(h, form, {
        ...validPlaceValues(form.card),
        // The 100 kB of the finding in the label; the rest smaller, to stay within the 256 kB body limit.
        careHomeId: huge.slice(0, 5000),
        serviceType: 'ymparivuorokautinen',
        label: huge,
        note: 'a😀'.repeat(10_000),
        freeFrom: `2026-12-01${huge.slice(0, 5000)}`,
      });
      const card = cardOf(reply);
      assert.ok(card, 'the form came back');
      const inputs = inputsOf(card);
      assert.equal(inputs.get('label')!.value, 'x'.repeat(40));
      assert.ok((inputs.get('note')!.value as string).length <= 500);
      assert.doesNotMatch(inputs.get('note')!.value as string, /[\uD800-\uDBFF]$/, 'no half emoji at the cut');
      assert.equal(inputs.get('careHomeId')!.value, undefined, 'a value that is not a choice is not echoed');
      assert.equal(inputs.get('serviceType')!.value, 'ymparivuorokautinen');
      assert.ok(String(inputs.get('freeFrom')!.value ?? '').length <= 10, 'the forged date is not echoed (the default may be)');
      assert.ok(Buffer.byteLength(JSON.stringify(reply!.body)) < 28_000 / 2, 'the reply is well under Teams\' 28 KB');
      assert.equal(messageUnder(card, 'label'), 'Enintään 40 merkkiä.');
    });
  });

  describe('markdown and mentions typed by users', () => {
    const link = '[klikkaa](https://evil.example/x)';
    /** Every raw TextBlock and Fact text of a card: what Teams parses as markdown. */
    const rawTexts = (card: Json) => {
      const texts: string[] = [];
      walk(card, (n) => {
        if (n.type === 'TextBlock' && typeof n.text === 'string') texts.push(n.text);
        if (typeof n.title === 'string' && typeof n.value === 'string' && !n.type) texts.push(n.title, n.value);
      });
      return texts;
    };
    /** A markdown link or an `<at>` tag whose brackets are not escaped. */
    const live = /(?<!\\)\[[^\]]*(?<!\\)\]\(|(?<!\\)<at>/i;

    it('shows a typed link and <at> in a channel card as text; only the bot\'s own mentions are entities', async () => {
      const typed = `Katso ${link} ja <at>Mikko Myyntipäällikkö</at> sekä <at>Kaisa Kotijohtaja</at> **heti** _nyt_`;
      const { form } = await openForm(h, homeDirector, 'tieto');
      await submitForm(h, form, {
        customerId: choice(form.card, 'customerId', /^Länsi-Uudenmaan/),
        matter: typed,
        specialMention: 'true',
      });
      const posted = await eventually(() => cardsIn(h, MYYNTI.id)[0]);
      const card = cardOf(posted)!;
      assert.ok(textsOf(card).includes(typed), 'the matter shows exactly as typed');
      const matterBlock = rawTexts(card).find((text) => text.includes('klikkaa'))!;
      assert.doesNotMatch(matterBlock, live, 'the typed link and <at> are escaped');

      // The special mention @mentions the sales people, and only in the bot's own line.
      const entities = (card.msteams as { entities: { text: string; mentioned: { id: string } }[] }).entities;
      assert.deepEqual(entities.map((e) => e.text).sort(), ['<at>Mikko Myyntipäällikkö</at>', '<at>Sanna Myyntijohtaja</at>']);
      assert.ok(!entities.some((e) => e.mentioned.id === homeDirector.aadObjectId), 'no mention of what the user typed');
      for (const entity of entities) {
        const carrying = rawTexts(card).filter((text) => text.includes(entity.text));
        assert.equal(carrying.length, 1, `${entity.text} appears verbatim only in the bot's mention line`);
        assert.notEqual(carrying[0], matterBlock);
      }
    });

    it('shows a link typed in a place label and note as text, and the place card mentions nobody', async () => {
      const form = await openPlaceForm(h);
      const label = '[A12](https://e.example)';
      const note = `<at>Mikko Myyntipäällikkö</at> ${link}`;
      await submitPlaceForm(h, form, validPlaceValues(form.card, { label, note }));
      const posted = await eventually(() => cardsIn(h, MYYNTI.id)[0]);
      const card = cardOf(posted)!;
      assert.equal(card.msteams, undefined, 'no mention entities');
      const texts = textsOf(card).join('\n');
      assert.ok(texts.includes(`Koivukoti ${label}`), 'the label shows as typed in the title');
      assert.ok(texts.includes(note), 'the note shows as typed');
      for (const text of rawTexts(card)) assert.doesNotMatch(text, live, text);
    });

    it('does not turn a link typed as a command into a link in the bot\'s answer', async () => {
      await h.post(personalMessage(h.connector.url, homeDirector, link));
      const [answer] = h.connector.posted(personalConversationId(homeDirector));
      assert.doesNotMatch(String(answer!.body.text), live);
      assert.match(String(answer!.body.text), /klikkaa/);
    });
  });

  describe('long messages', () => {
    it('answers a 100 kB message of < with a polite refusal in the user\'s language', async () => {
      await h.post(personalMessage(h.connector.url, homeDirector, '<'.repeat(100_000)));
      const [fi] = h.connector.posted(personalConversationId(homeDirector));
      // Numbers as Finnish writes them: 100 000 with a no-break space.
      assert.equal(visibleText(fi!), 'Viesti on liian pitkä (100\u00a0000 merkkiä, enintään 28\u00a0000). Kirjoita komento lyhyemmin.');
      await h.post(personalMessage(h.connector.url, englishUser, '<at>x'.repeat(20_000)));
      const [en] = h.connector.posted(personalConversationId(englishUser));
      assert.equal(visibleText(en!), 'The message is too long (100,000 characters, at most 28,000). Please write a shorter command.');
    });

    it('still reads a long message within the limit (an unknown command, answered with help)', async () => {
      await h.post(personalMessage(h.connector.url, homeDirector, `${'<'.repeat(27_000)} ohje`));
      const replies = h.connector.posted(personalConversationId(homeDirector));
      assert.match(visibleText(replies[0]!), /En tunnista komentoa/);
      assert.ok(JSON.stringify(replies[0]!.body).length < 1000, 'the unknown text is not echoed in full');
    });
  });
});
