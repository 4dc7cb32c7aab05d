import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { stableIdFor } from '../../src/domain/stable-id.js';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { cardOf, textsOf, visibleText, type Json } from '../support/cards.js';
import { openPlaceForm, submitPlaceForm, validPlaceValues } from '../support/place-form.js';
import {
  BOT,
  businessDirector,
  cardSubmit,
  channelCardSubmit,
  channelMessage,
  GENERAL,
  homeDirector,
  installedInTeam,
  MYYNTI,
  personalConversationId,
  personalMessage,
  qualityManager,
  salesManager,
  TEAM,
  TENANT_ID,
  type TeamsUser,
} from '../support/teams-activities.js';

/**
 * Issue 9, "Who may do what": each finding reproduced over the Bot Framework protocol — the channel
 * binding hijack (by command and by install), cross-home actions, a reservation cleared by recording the
 * place free again, and a stranger recording.
 */
describe('who may do what, where (protocol)', () => {
  let h: BotHarness;
  const stranger: TeamsUser = { id: '29:vieras', name: 'Vieras Henkilö', aadObjectId: '0b000000-0000-4000-8000-000000000041', locale: 'fi-FI' };
  const auraDirector: TeamsUser = { id: '29:olga', name: 'Olga Aurakoski', aadObjectId: '0b000000-0000-4000-8000-000000000042', locale: 'fi-FI' };
  const otherTeam = { id: '19:toinen-tiimi@thread.tacv2', name: 'Toinen tiimi' };
  const otherSales = { id: '19:toinen-sales@thread.tacv2', name: 'Sales' };
  const otherManagement = { id: '19:toinen-management@thread.tacv2', name: 'Management' };
  const espooId = stableIdFor('customer:Länsi-Uudenmaan hyvinvointialue');

  beforeEach(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, homeDirector));
    await h.addPerson(auraDirector, ['kotijohtaja'], ['Aurakoti']);
  });
  afterEach(async () => {
    await h.stop();
  });

  const bindings = async () => (await h.app.store.conversations.listBindings()).map((b) => [b.audience, b.channelId]).sort();
  const original = [
    ['management', GENERAL.id],
    ['sales', MYYNTI.id],
  ];
  const lastReply = (conversationPrefix: string) => visibleText(h.connector.posted().filter((c) => c.conversationId.startsWith(conversationPrefix)).at(-1)!);
  const personalReplies = (user: TeamsUser) => h.connector.posted(personalConversationId(user)).map(visibleText);

  it('tells someone outside the people list, in their language, that an admin must add them — with the help', async () => {
    const englishStranger: TeamsUser = { ...stranger, id: '29:stranger-en', locale: 'en-US' };
    await h.post(personalMessage(h.connector.url, englishStranger, 'help'));
    const [notice, help] = h.connector.posted(personalConversationId(englishStranger));
    assert.match(visibleText(notice!), /^You are not in HoivaCRM's people list yet: an administrator must add you/);
    assert.match(textsOf(cardOf(help)).join('\n'), /free place/);
    await h.post(personalMessage(h.connector.url, homeDirector, 'ohje'));
    assert.ok(cardOf(h.connector.posted(personalConversationId(homeDirector)).at(-1)), 'a person on the list gets the help alone');
    assert.doesNotMatch(personalReplies(homeDirector).join('\n'), /henkilölistalla/);
  });

  describe('channel bindings', () => {
    it('refuses `kanava myynti` from someone outside the people list, typed in another team\'s channel', async () => {
      await h.post(inOtherTeam(channelMessage(h.connector.url, stranger, otherSales, 'kanava myynti')));
      assert.match(lastReply(`${otherSales.id};messageid=`), /^Et ole HoivaCRM:n henkilölistalla/);
      assert.deepEqual(await bindings(), original);
    });

    it('refuses it from a staff member who is not an admin, naming who may', async () => {
      await h.post(channelMessage(h.connector.url, homeDirector, { id: '19:toinen@thread.tacv2', name: 'Toinen' }, 'kanava johto'));
      assert.match(lastReply('19:toinen@thread.tacv2;messageid='), /^Tämän voi tehdä vain: ylläpitäjä\. Mitään ei tallennettu\.$/);
      assert.deepEqual(await bindings(), original);
    });

    it('lets an admin move a binding, and says where from', async () => {
      const other = { id: '19:uusi-myynti@thread.tacv2', name: 'Uusi myynti' };
      await h.post(channelMessage(h.connector.url, businessDirector, other, 'kanava myynti'));
      assert.match(lastReply(`${other.id};messageid=`), /myynnin kanava.*Siirretty kanavalta Myynti\./);
      assert.deepEqual((await bindings()).find(([audience]) => audience === 'sales'), ['sales', other.id]);
      const trail = await h.app.store.audit.list({ kind: 'channelBinding', recordId: 'sales' });
      const moved = trail.find((e) => e.by.id === businessDirector.aadObjectId);
      assert.ok(moved, 'the move is in the audit trail with who made it');
      assert.deepEqual(moved.changes, [
        { field: 'channel', from: { teamId: TEAM.id, channelId: MYYNTI.id, channelName: 'Myynti' }, to: { teamId: TEAM.id, channelId: other.id, channelName: 'Uusi myynti' } },
      ]);
    });

    it('an install in another team with Sales and Management channels moves nothing and tells the admins and management', async () => {
      // The admin has talked to the bot, so her personal chat can be reached.
      await h.post(personalMessage(h.connector.url, businessDirector, 'ohje'));
      h.connector.teamChannels = [{ id: otherTeam.id }, otherSales, otherManagement];
      await h.post(installInOtherTeam(stranger));
      assert.deepEqual(await bindings(), original);

      const notice = await eventually(() => h.connector.posted(GENERAL.id).find((c) => /HoivaCRM asennettiin toiseen tiimiin/.test(textsOf(cardOf(c)).join('\n'))));
      const noticeText = textsOf(cardOf(notice)).join('\n');
      assert.match(noticeText, /Vieras Henkilö asensi HoivaCRM:n tiimiin Toinen tiimi .*Kanavien sidontoja ei muutettu/);
      assert.match(noticeText, /myynnin kanava: Myynti/);
      assert.match(noticeText, /johdon kanava: General/);
      const adminNotice = await eventually(() => h.connector.posted(personalConversationId(businessDirector)).find((c) => /toiseen tiimiin/.test(textsOf(cardOf(c)).join('\n'))));
      assert.ok(adminNotice, 'the admin is told in her own chat');

      // The next complaint's full text still goes to this company's management channel only.
      assert.equal(h.connector.posted(otherManagement.id).length + h.connector.posted(otherSales.id).length, 0);
    });
  });

  describe('scope: a home director acts for her own home', () => {
    it('refuses a place recorded for another home (a forged form), naming the home; nothing stored or posted', async () => {
      const form = await openPlaceForm(h, auraDirector);
      const forged: Json = { careHomeId: stableIdFor('home:Koivukoti'), serviceType: 'ymparivuorokautinen', customerGroup: 'ikaantyneet', label: 'A12', freeFrom: '2026-12-01' };
      const replies = await submitPlaceForm(h, form, forged);
      assert.match(visibleText(replies[0]!), /^Roolisi ei ulotu tänne \(Koivukoti\)/);
      assert.equal((await h.app.store.records.list('place', { label: 'A12' })).length, 0);
      await new Promise((r) => setTimeout(r, 150));
      assert.equal(h.connector.posted(MYYNTI.id).length, 0);
    });

    it('refuses selling, releasing or reserving another home\'s place', async () => {
      const { placeId } = await freePlace();
      await h.post(channelCardSubmit(h.connector.url, auraDirector, MYYNTI, 'card-1', { action: 'place.reserve', requestId: randomUUID(), placeId, version: (await place()).version, customerId: espooId }));
      assert.match(lastReply(`${MYYNTI.id};messageid=`), /^Roolisi ei ulotu tänne \(Koivukoti\)/);
      assert.equal((await place()).status, 'vapaa');
      await reserve(salesManager, placeId);
      const version = (await place()).version;
      for (const action of ['place.sell', 'place.release']) {
        await h.post(channelCardSubmit(h.connector.url, auraDirector, MYYNTI, 'card-1', { action, requestId: randomUUID(), placeId, version }));
        assert.match(lastReply(`${MYYNTI.id};messageid=`), /^Roolisi ei ulotu tänne \(Koivukoti\)/);
      }
      assert.equal((await place()).status, 'alustavasti-varattu');
      assert.equal((await place()).version, version);
    });

    it('refuses advancing another home\'s complaint', async () => {
      const complaintId = randomUUID();
      await h.app.store.records.commit({
        at: '2026-11-23T07:00:00.000Z',
        writes: [
          {
            kind: 'complaint',
            expectedVersion: null,
            record: {
              id: complaintId,
              version: 1,
              createdAt: '2026-11-23T07:00:00.000Z',
              createdBy: 'test',
              updatedAt: '2026-11-23T07:00:00.000Z',
              customerId: espooId,
              careHomeId: stableIdFor('home:Koivukoti'),
              receivedDate: '2026-11-20',
              channel: 'puhelin',
              matter: 'Lääkemuutoksesta ei kerrottu omaiselle',
              severity: 'kohtalainen',
              status: 'vastaanotettu',
              nextStepDue: '2026-11-27',
              recordedBy: { id: homeDirector.aadObjectId, name: homeDirector.name },
            },
          },
        ],
        outbox: [],
      });
      await h.post(
        cardSubmit(h.connector.url, auraDirector, 'card-2', {
          action: 'complaint.advance',
          requestId: randomUUID(),
          complaintId,
          version: 1,
          step: 'toimenpiteet-sovittu',
          correctiveActions: 'Lääkemuutoksista ilmoitetaan omaisille',
          correctionDue: '2026-12-15',
        }),
      );
      assert.match(personalReplies(auraDirector).at(-1)!, /^Roolisi ei ulotu tänne \(Koivukoti\)/);
      assert.equal((await h.app.store.records.get('complaint', complaintId))!.status, 'vastaanotettu');
    });
  });

  describe('recording a place free again', () => {
    it('never clears a reservation: the form comes back naming who reserved it and for whom', async () => {
      const { placeId } = await freePlace();
      await reserve(salesManager, placeId);
      const form = await openPlaceForm(h, homeDirector);
      const replies = await submitPlaceForm(h, form, validPlaceValues(form.card, { freeFrom: '2026-11-23' }));
      const text = textsOf(cardOf(replies[0])).join('\n');
      assert.match(text, /Paikka on alustavasti varattu asiakkaalle Länsi-Uudenmaan hyvinvointialue \(varasi Mikko Myyntipäällikkö\)/);
      const stored = await place();
      assert.equal(stored.status, 'alustavasti-varattu');
      assert.equal(stored.reservedBy?.name, 'Mikko Myyntipäällikkö');
    });

    it('an occupied place recorded free needs the release right (the quality manager has none)', async () => {
      const { placeId } = await freePlace();
      await reserve(salesManager, placeId);
      await h.post(channelCardSubmit(h.connector.url, salesManager, MYYNTI, 'card-1', { action: 'place.sell', requestId: randomUUID(), placeId, version: (await place()).version }));
      await eventually(async () => (await place()).status === 'kaytossa');
      const form = await openPlaceForm(h, qualityManager);
      const replies = await submitPlaceForm(h, form, validPlaceValues(form.card, { freeFrom: '2026-11-30' }));
      assert.match(visibleText(replies[0]!), /^Tämän voi tehdä vain: palvelutalon johtaja, vastaava hoitaja, aluejohtaja, liiketoimintajohtaja, myynti\./);
      assert.equal((await place()).status, 'kaytossa');
    });

    it('a stranger records nothing, even with a forged form', async () => {
      const form = await openPlaceForm(h, homeDirector);
      const before = h.connector.posted(personalConversationId(stranger)).length;
      await h.post(cardSubmit(h.connector.url, stranger, form.activityId, { action: 'placeFreed.submit', requestId: randomUUID(), ...validPlaceValues(form.card) }));
      const [answer] = h.connector.posted(personalConversationId(stranger)).slice(before);
      assert.match(visibleText(answer!), /^Et ole HoivaCRM:n henkilölistalla/);
      assert.equal((await h.app.store.records.list('place', { label: 'A12' })).length, 0);
    });
  });

  async function freePlace(): Promise<{ placeId: string }> {
    const form = await openPlaceForm(h, homeDirector);
    await submitPlaceForm(h, form, validPlaceValues(form.card, { freeFrom: '2026-11-16' }));
    await eventually(() => h.connector.posted(MYYNTI.id).find((c) => cardOf(c)));
    return { placeId: (await place()).id };
  }
  async function place() {
    return (await h.app.store.records.list('place', { label: 'A12' }))[0]!;
  }
  async function reserve(user: TeamsUser, placeId: string): Promise<void> {
    await h.post(channelCardSubmit(h.connector.url, user, MYYNTI, 'card-1', { action: 'place.reserve', requestId: randomUUID(), placeId, version: (await place()).version, customerId: espooId }));
    await eventually(async () => (await place()).status === 'alustavasti-varattu');
  }
  function inOtherTeam<T extends { channelData: Record<string, unknown> }>(activity: T): T {
    return { ...activity, channelData: { ...activity.channelData, team: { id: otherTeam.id }, teamsTeamId: otherTeam.id } };
  }
  function installInOtherTeam(user: TeamsUser) {
    const install = installedInTeam(h.connector.url, user);
    return {
      ...install,
      recipient: BOT,
      conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT_ID, id: otherTeam.id },
      channelData: { eventType: 'teamMemberAdded', team: { id: otherTeam.id, name: otherTeam.name }, tenant: { id: TENANT_ID } },
    };
  }
});
