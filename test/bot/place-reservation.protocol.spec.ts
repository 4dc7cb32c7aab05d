import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Customer } from '../../src/domain/records/customer.js';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { cardOf, textsOf, visibleText, walk, type Json } from '../support/cards.js';
import type { RecordedCall } from '../support/connector-double.js';
import { openPlaceForm, submitPlaceForm, validPlaceValues } from '../support/place-form.js';
import { homeDirector, installedInTeam, MYYNTI, salesDirector, salesManager, searchInvoke, type TeamsUser } from '../support/teams-activities.js';

/** The freed-place card's lifecycle in the channel: reserve from the card, the same card updates for everyone. */
describe('reserving a freed place from its card (protocol)', () => {
  let h: BotHarness;
  let posted: RecordedCall;

  beforeEach(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, homeDirector));
    const form = await openPlaceForm(h);
    await submitPlaceForm(h, form, validPlaceValues(form.card));
    posted = await eventually(() => h.connector.posted(MYYNTI.id).find((c) => cardOf(c)));
  });
  afterEach(async () => {
    await h.stop();
  });

  function reserveAction(card: Json | undefined): { data: Json; choices: { title: string; value: string }[] } {
    let found: { data: Json; choices: { title: string; value: string }[] } | undefined;
    walk(card, (n) => {
      if (n.type === 'Action.ShowCard') {
        const sub = n.card as Json;
        const submit = (sub.actions as Json[])[0]!;
        const input = (sub.body as Json[])[0]!;
        found = { data: submit.data as Json, choices: input.choices as { title: string; value: string }[] };
      }
    });
    assert.ok(found, 'the card offers "Varaa alustavasti"');
    return found;
  }

  /** Reserve pressed on the posted card (Action.Execute): the answer is the card the one who pressed sees. */
  async function reserve(user: TeamsUser, customer: RegExp): Promise<string> {
    const { data, choices } = reserveAction(cardOf(posted));
    const customerId = choices.find((c) => customer.test(c.title))!.value;
    const answer = await h.execute(user, posted.activityIdAssigned!, { verb: 'place.reserve', data }, { customerId }, { channel: MYYNTI });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.type, 'application/vnd.microsoft.card.adaptive');
    return textsOf(answer.card).join('\n');
  }

  const threadReplies = () => h.connector.posted().filter((c) => c.conversationId.startsWith(`${MYYNTI.id};messageid=`)).map(visibleText);

  it('offers the municipalities of the home\'s region first', () => {
    const { choices } = reserveAction(cardOf(posted));
    assert.deepEqual(choices.slice(0, 2).map((c) => c.title), ['Helsingin kaupunki', 'Länsi-Uudenmaan hyvinvointialue']);
  });

  it('lists every customer when they all fit, with nothing to type for', () => {
    let input: Json | undefined;
    walk(cardOf(posted), (n) => {
      if (n.type === 'Input.ChoiceSet' && n.id === 'customerId') input = n;
    });
    assert.equal(input?.['choices.data'], undefined, 'the demo\'s eight customers are one plain list');
    assert.equal((input?.choices as unknown[]).length, 8);
  });

  it('finds any customer by typing (Data.Query) when there are more than a page, and reserves the one found', async () => {
    // More customers than the card lists: the others are found by typing.
    const at = h.clock.now().toISOString();
    const extra = Array.from({ length: 30 }, (_, i): Customer => ({
      id: randomUUID(), version: 1, createdAt: at, createdBy: 'test', updatedAt: at,
      name: `Kunta ${String(i + 1).padStart(2, '0')}`, kind: 'kunta', region: 'sisa-suomi', segment: 'ostopalvelu', lifecyclePhase: 'kasvu',
    }));
    await h.app.store.records.commit({ at, writes: extra.map((record) => ({ kind: 'customer' as const, record, expectedVersion: null })), outbox: [] });
    const form = await openPlaceForm(h);
    await submitPlaceForm(h, form, validPlaceValues(form.card, { label: 'B7' }));
    posted = await eventually(() => h.connector.posted(MYYNTI.id).filter((c) => cardOf(c))[1]);
    let input: Json | undefined;
    walk(cardOf(posted), (n) => {
      if (n.type === 'Input.ChoiceSet' && n.id === 'customerId') input = n;
    });
    assert.equal(input?.style, 'filtered');
    assert.deepEqual(input?.['choices.data'], { type: 'Data.Query', dataset: 'customers' });
    const answer = (await (await h.post(searchInvoke(h.connector.url, salesManager, 'keski-s'))).json()) as { value: { results: { title: string; value: string }[] } };
    const [found] = answer.value.results;
    assert.equal(found?.title, 'Keski-Suomen hyvinvointialue');
    const { data } = reserveAction(cardOf(posted));
    await h.execute(salesManager, posted.activityIdAssigned!, { verb: 'place.reserve', data }, { customerId: found!.value }, { channel: MYYNTI });
    await eventually(async () => (await h.app.store.records.list('place', { label: 'B7' }))[0]?.reservedForCustomerId === found!.value || undefined);
  });

  it('stores the reservation and updates the posted card in place (PUT), not a new post; the answer is private', async () => {
    const answer = await reserve(salesManager, /^Länsi-Uudenmaan/);
    const update = await eventually(() => h.connector.updates(MYYNTI.id)[0]);
    assert.equal(update.activityId, posted.activityIdAssigned, 'the PUT targets the card posted earlier');
    const text = textsOf(cardOf(update)).join('\n');
    assert.match(text, /Alustavasti varattu paikka: Koivukoti A12/);
    assert.match(text, /Varattu alustavasti: Länsi-Uudenmaan hyvinvointialue\. Varasi Mikko Myyntipäällikkö 23\.11\.2026/);
    let stillReservable = false;
    walk(cardOf(update), (n) => {
      if (n.type === 'Action.ShowCard') stillReservable = true;
    });
    assert.equal(stillReservable, false, 'a reserved place offers no Reserve action');
    assert.equal(h.connector.posted(MYYNTI.id).filter((c) => cardOf(c)).length, 1, 'no second card was posted');

    const [place] = await h.app.store.records.list('place', { label: 'A12' });
    assert.equal(place!.status, 'alustavasti-varattu');
    assert.equal(place!.reservedBy?.name, 'Mikko Myyntipäällikkö');
    assert.match(answer, /✓ Mikko Myyntipäällikkö varasi paikan A12 alustavasti .*Länsi-Uudenmaan hyvinvointialue/);
    assert.match(answer, /Alustavasti varattu paikka: Koivukoti A12/, 'the answer is the card as it is now');
    assert.deepEqual(threadReplies(), [], 'nothing was said in the thread for everyone');
  });

  it('lets exactly one of two simultaneous reservations win and tells the other who was first', async () => {
    const replies = await Promise.all([reserve(salesManager, /^Länsi-Uudenmaan/), reserve(salesDirector, /^Vantaan ja Keravan/)]);
    const [place] = await h.app.store.records.list('place', { label: 'A12' });
    assert.equal(place!.status, 'alustavasti-varattu');
    const winner = place!.reservedBy!.name;
    assert.deepEqual(threadReplies(), []);
    assert.equal(replies.filter((r) => /✓ .* varasi paikan A12/.test(r)).length, 1, 'one reservation confirmed');
    const told = replies.filter((r) => r.startsWith(`! ${winner} ehti ensin`));
    assert.equal(told.length, 1, `the other was told ${winner} was first: ${replies.join(' | ')}`);
    await eventually(() => h.connector.updates(MYYNTI.id)[0]);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(h.connector.updates(MYYNTI.id).length, 1, 'the card was updated once');
  });

  it('reserves once when the same person double-clicks', async () => {
    const replies = await Promise.all([reserve(salesManager, /^Länsi-Uudenmaan/), reserve(salesManager, /^Länsi-Uudenmaan/)]);
    assert.equal(replies.filter((r) => /ehti ensin/.test(r)).length, 0, replies.join(' | '));
    const [place] = await h.app.store.records.list('place', { label: 'A12' });
    assert.equal(place!.version, 2);
  });
});
