import assert from 'node:assert/strict';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { cardOf, inputsOf, shown, submitDataOf, textsOf, visibleText, type Json } from '../support/cards.js';
import { choiceValue, openPlaceForm, submitPlaceForm, validPlaceValues, type OpenForm } from '../support/place-form.js';
import {
  cardSubmit,
  channelMessage,
  englishUser,
  GENERAL,
  homeDirector,
  installedInTeam,
  MYYNTI,
  personalConversationId,
  personalMessage,
  type TeamsUser,
  businessDirector,
} from '../support/teams-activities.js';

/**
 * The first vertical slice over the real Bot Framework protocol: activities POSTed to /api/messages
 * as Teams sends them, replies and channel posts read back from the connector double.
 */
describe('free a place in Teams → the sales channel gets a card (protocol)', () => {
  let h: BotHarness;

  beforeEach(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, homeDirector));
  });
  afterEach(async () => {
    await h.stop();
  });

  const openForm = (user?: TeamsUser) => openPlaceForm(h, user);
  const submit = (form: OpenForm, values: Json) => submitPlaceForm(h, form, values);
  const validValues = (card: Json) => validPlaceValues(card);

  it('binds Myynti as the sales channel and General as management when installed in the team', async () => {
    const bindings = await h.app.store.conversations.listBindings();
    assert.deepEqual(
      bindings.map((b) => [b.audience, b.channelId]),
      [
        ['management', GENERAL.id],
        ['sales', MYYNTI.id],
      ],
    );
  });

  it('answers `ohje` and `help` with the command list', async () => {
    for (const text of ['ohje', 'help']) {
      await h.post(personalMessage(h.connector.url, homeDirector, text));
      const texts = textsOf(cardOf(h.connector.posted(personalConversationId(homeDirector)).at(-1))).join('\n');
      for (const command of ['vapaa paikka', 'paikat', 'kanava myynti']) assert.match(texts, new RegExp(command));
    }
  });

  it('sends the free-place form with the homes, service types and customer groups', async () => {
    const { card } = await openForm();
    const inputs = inputsOf(card);
    assert.deepEqual([...inputs.keys()], ['careHomeId', 'serviceType', 'customerGroup', 'label', 'freeFrom', 'note']);
    const homes = (inputs.get('careHomeId')!.choices as { title: string }[]).map((c) => c.title);
    assert.deepEqual(homes.map((title) => title.split(' ')[0]), ['Koivukoti'], 'a home director is offered her own home');
    const services = (inputs.get('serviceType')!.choices as { title: string }[]).map((c) => c.title);
    assert.deepEqual(services, ['Ympärivuorokautinen palveluasuminen', 'Yhteisöllinen asuminen', 'Lyhytaikainen (tilapäinen) asuminen']);
    assert.equal(inputs.get('freeFrom')!.type, 'Input.Date');
  });

  it('stores the place, confirms it, and posts the card to Myynti only', async () => {
    const form = await openForm();
    const replies = await submit(form, validValues(form.card));
    assert.match(visibleText(replies[0]!), /Tallennettu: A12, Koivukoti – vapautuu 1\.12\.2026/);

    const places = await h.app.store.records.list('place', { label: 'A12' });
    assert.equal(places.length, 1);
    assert.equal(places[0]!.status, 'vapautuu', 'a date after today means freeing');
    assert.equal(places[0]!.statusChangedBy?.name, 'Kaisa Kotijohtaja');

    const posted = await eventually(() => h.connector.posted(MYYNTI.id)[0]);
    const text = textsOf(cardOf(posted)).join('\n');
    assert.match(text, /Vapautuva paikka: Koivukoti A12/);
    assert.match(text, /Alue: Etelä-Suomi/);
    assert.match(text, /Palvelumuoto: Ympärivuorokautinen palveluasuminen/);
    assert.match(text, /Asiakasryhmä: Ikääntyneet/);
    assert.match(text, /Vapaa alkaen: 1\.12\.2026/);
    assert.match(text, /Kirjasi Kaisa Kotijohtaja 23\.11\.2026 klo 10\.00/);
    assert.equal(h.connector.posted(GENERAL.id).filter((c) => cardOf(c)).length, 0, 'management is not told of a freed place');
  });

  it('records a place free from today as free (vapaa)', async () => {
    const form = await openForm();
    await submit(form, { ...validValues(form.card), freeFrom: '2026-11-23' });
    const [place] = await h.app.store.records.list('place', { label: 'A12' });
    assert.equal(place!.status, 'vapaa');
    const posted = await eventually(() => h.connector.posted(MYYNTI.id)[0]);
    assert.match(textsOf(cardOf(posted)).join('\n'), /Vapaa paikka: Koivukoti A12/);
  });

  it('brings the form back with field errors and the typed values, and stores and posts nothing', async () => {
    const form = await openForm();
    const placesBefore = (await h.app.store.records.list('place')).length;
    const replies = await submit(form, {
      careHomeId: choiceValue(form.card, 'careHomeId', /^Koivukoti/),
      serviceType: 'yhteisollinen',
      customerGroup: 'mielenterveys',
      label: '   ',
      freeFrom: '2028-02-30',
      note: 'Tarkista ensin',
    });
    const card = cardOf(replies[0]);
    assert.ok(card, 'the form came back');
    const inputs = inputsOf(card);
    assert.equal(inputs.get('careHomeId')!.value, choiceValue(form.card, 'careHomeId', /^Koivukoti/));
    assert.equal(inputs.get('serviceType')!.value, 'yhteisollinen');
    assert.equal(inputs.get('customerGroup')!.value, 'mielenterveys');
    assert.equal(inputs.get('freeFrom')!.value, '2028-02-30');
    assert.equal(inputs.get('note')!.value, 'Tarkista ensin');
    const texts = textsOf(card);
    assert.ok(texts.includes('⚠ Tarkista merkityt kentät.'));
    assert.ok(texts.includes('Pakollinen tieto puuttuu.'), 'the empty label is named');
    assert.ok(texts.includes('Anna päivämäärä muodossa vvvv-kk-pp.'), 'the impossible date is named');
    // The message stands right under its field.
    const body = card.body as Json[];
    const labelIndex = body.findIndex((e) => e.id === 'label');
    assert.equal(shown(body[labelIndex + 1]!.text as string), 'Pakollinen tieto puuttuu.');

    assert.equal((await h.app.store.records.list('place')).length, placesBefore);
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(h.connector.posted(MYYNTI.id).length, 0);
    assert.equal((await h.app.store.outbox.list()).length, 0);
  });

  it('refuses a date over a year ahead and an unknown home', async () => {
    const form = await openForm();
    const replies = await submit(form, {
      ...validValues(form.card),
      careHomeId: '2b0f6a8e-1c1d-4f7a-9d55-000000000000',
    });
    assert.ok(textsOf(cardOf(replies[0])).includes('Valitse palvelutalo listalta.'));
    const again = await submit(form, { ...validValues(form.card), freeFrom: '2027-11-24' });
    assert.ok(textsOf(cardOf(again[0])).includes('Päivämäärä voi olla enintään vuoden päässä.'));
    assert.equal((await h.app.store.records.list('place', { label: 'A12' })).length, 0);
  });

  it('speaks English to an English-locale user, errors included', async () => {
    await h.addPerson(englishUser, ['liiketoimintajohtaja']);
    const form = await openForm(englishUser);
    assert.equal(textsOf(form.card)[0], 'Free place');
    const replies = await submit(form, { ...validValues(form.card), label: '' });
    const texts = textsOf(cardOf(replies[0]));
    assert.ok(texts.includes('This field is required.'));
    assert.ok(texts.includes('⚠ Please check the marked fields.'));
  });

  it('stores one place and posts one card when the same submit arrives twice', async () => {
    const form = await openForm();
    const values = validValues(form.card);
    const activity = cardSubmit(h.connector.url, homeDirector, form.activityId, { ...submitDataOf(form.card), ...values });
    await Promise.all([h.post(activity), h.post({ ...activity, id: 'another-delivery' })]);
    assert.equal((await h.app.store.records.list('place', { label: 'A12' })).length, 1);
    await eventually(() => h.connector.posted(MYYNTI.id)[0]);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(h.connector.posted(MYYNTI.id).length, 1);
    const replies = h.connector.posted(personalConversationId(homeDirector)).map(visibleText);
    assert.ok(replies.some((r) => r.startsWith('Tämä lomake on jo tallennettu')), 'the second click is told it was saved already');
  });

  it('answers an unknown command with "did you mean" and the help card', async () => {
    await h.post(personalMessage(h.connector.url, homeDirector, 'vapa paikka'));
    const [text, help] = h.connector.posted(personalConversationId(homeDirector)).slice(-2);
    assert.match(visibleText(text!), /Tarkoititko "vapaa paikka"\?/);
    assert.match(textsOf(cardOf(help)).join('\n'), /HoivaCRM – komennot/);
  });

  it('lists free and freeing places per home with `paikat`', async () => {
    const form = await openForm();
    await submit(form, validValues(form.card));
    await h.post(personalMessage(h.connector.url, homeDirector, 'paikat'));
    const texts = textsOf(cardOf(h.connector.posted(personalConversationId(homeDirector)).at(-1))).join('\n');
    assert.match(texts, /Vapaat, vapautuvat ja varatut paikat/);
    assert.match(texts, /Koivukoti · Etelä-Suomi/);
    assert.match(texts, /A12 · Ympärivuorokautinen palveluasuminen · Ikääntyneet · vapautuu 1\.12\.2026/);
  });

  it('binds a channel with `kanava myynti` typed in it, and posts there from then on', async () => {
    const other = { id: '19:toinen@thread.tacv2', name: 'Toinen' };
    await h.post(channelMessage(h.connector.url, businessDirector, other, 'kanava myynti'));
    const reply = h.connector.posted().find((c) => c.conversationId.startsWith(`${other.id};messageid=`));
    assert.match(visibleText(reply!), /myynnin kanava/, 'the reply goes to the thread the command was typed in');
    const form = await openForm();
    await submit(form, validValues(form.card));
    await eventually(() => h.connector.posted(other.id).find((c) => cardOf(c)));
    assert.equal(h.connector.posted(MYYNTI.id).length, 0);
  });

  it('keeps places and channel bindings over a restart', async () => {
    const form = await openForm();
    await submit(form, validValues(form.card));
    await eventually(() => h.connector.posted(MYYNTI.id)[0]);
    await h.restart();
    assert.equal((await h.app.store.records.list('place', { label: 'A12' })).length, 1);
    // No new install: the stored binding and conversation reference are used.
    const again = await openForm();
    await submit(again, { ...validValues(again.card), label: 'B3' });
    const second = await eventually(() => h.connector.posted(MYYNTI.id)[1]);
    assert.match(textsOf(cardOf(second)).join('\n'), /Koivukoti B3/);
  });
});
