import assert from 'node:assert/strict';
import { recordKinds } from '../../src/store/record-kinds.js';
import { BotHarness } from '../support/bot-harness.js';
import type { Json } from '../support/cards.js';
import { choice, openForm, submitForm } from '../support/record-form-session.js';
import { installedBotOn, startSharePointSite, type SharePointSite } from '../support/sharepoint-site.js';
import { homeDirector, personalMessage, salesManager, type TeamsUser } from '../support/teams-activities.js';

/**
 * How many Microsoft Graph requests each use case makes with STORE=sharepoint (issue 4; the benchmark issue
 * tracks the numbers). Counted from the Graph double's log over HTTPS — token requests left out, a `$batch`
 * counted once — from the user's submit until the bot has answered. The table goes to the test output;
 * the assertions hold the budget: a use case that writes one record makes one request, and a read makes none
 * (reads come from the mirror).
 */
describe('Graph requests per use case (STORE=sharepoint)', function () {
  this.timeout(30_000);
  let site: SharePointSite;
  let h: BotHarness;
  const table: { useCase: string; requests: number; detail: string }[] = [];

  before(async () => {
    site = await startSharePointSite();
    h = await installedBotOn(site);
  });
  after(async () => {
    await h?.stop();
    await site?.stop();
    if (table.length) {
      console.log('\n    Graph requests per use case (STORE=sharepoint):');
      for (const row of table) console.log(`      ${row.useCase.padEnd(36)} ${String(row.requests).padStart(2)}  ${row.detail}`);
    }
  });

  /** Runs `action` and returns the Graph requests it caused (after the bot answered). */
  async function counted(useCase: string, action: () => Promise<unknown>): Promise<number> {
    const mark = site.mark();
    await action();
    const requests = site.requestsSince(mark);
    const shapes = new Map<string, number>();
    for (const r of requests) {
      const shape = `${r.method} ${r.path.split('?')[0]!.replace(/^\/sites\/[^/]+\/lists\/[^/]+/, '{list}')}${r.size ? ` (${r.size} inside)` : ''}`;
      shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    }
    table.push({ useCase, requests: requests.length, detail: [...shapes].map(([shape, n]) => (n > 1 ? `${n} × ${shape}` : shape)).join(', ') });
    return requests.length;
  }

  const record = async (user: TeamsUser, command: string, values: (card: Json) => Json) => {
    const { form } = await openForm(h, user, command);
    return submitForm(h, form, values(form.card));
  };

  it('recording a freed place: one request ($batch with the create)', async () => {
    const n = await counted('vapaa paikka (new place)', () =>
      record(homeDirector, 'vapaa paikka', (card) => ({ careHomeId: choice(card, 'careHomeId', /^Koivukoti/), serviceType: 'ymparivuorokautinen', customerGroup: 'ikaantyneet', label: 'R1', freeFrom: '2026-12-01' })),
    );
    assert.equal(n, 1);
    assert.equal((await h.app.store.records.list('place', { label: 'R1' })).length, 1);
  });

  it('recording the same place free again (an update): one request', async () => {
    const n = await counted('vapaa paikka (existing place)', () =>
      record(homeDirector, 'vapaa paikka', (card) => ({ careHomeId: choice(card, 'careHomeId', /^Koivukoti/), serviceType: 'ymparivuorokautinen', customerGroup: 'ikaantyneet', label: 'R1', freeFrom: '2026-11-23' })),
    );
    assert.equal(n, 1);
    assert.equal((await h.app.store.records.list('place', { label: 'R1' }))[0]?.version, 2);
  });

  it('a supervision visit, a complaint, a contact log entry: one request each', async () => {
    const visit = await counted('käynti (supervision visit)', () =>
      record(homeDirector, 'käynti', (card) => ({ customerId: choice(card, 'customerId', /^Länsi-Uudenmaan/), careHomeId: choice(card, 'careHomeId', /^Koivukoti/), date: '2026-11-20', participants: 'Valvoja', findings: 'Kunnossa', specialMention: 'false' })),
    );
    const complaint = await counted('reklamaatio (complaint)', () =>
      record(homeDirector, 'reklamaatio', (card) => ({ customerId: choice(card, 'customerId', /^Länsi-Uudenmaan/), careHomeId: choice(card, 'careHomeId', /^Koivukoti/), receivedDate: '2026-11-23', channel: 'puhelin', matter: 'Kirjaukset puutteellisia', severity: 'kohtalainen' })),
    );
    const contact = await counted('kirjaa (contact log entry)', () =>
      record(salesManager, 'kirjaa', (card) => ({ customerId: choice(card, 'customerId', /^Varsinais-Suomen/), date: '2026-11-23', type: 'hintaneuvottelu', matter: 'Indeksikorotus 2027' })),
    );
    assert.deepEqual([visit, complaint, contact], [1, 1, 1]);
    assert.equal((await h.app.store.records.list('supervisionVisit')).length, 1);
    assert.equal((await h.app.store.records.list('complaint')).length, 1);
  });

  it('reads — the customer card, the open places, a form — make no request', async () => {
    const customer = await counted('asiakas espoo (customer card)', () => h.post(personalMessage(h.connector.url, salesManager, 'asiakas länsi-uusimaa')));
    const places = await counted('paikat (open places)', () => h.post(personalMessage(h.connector.url, salesManager, 'paikat')));
    const form = await counted('reklamaatio (opening the form)', () => openForm(h, homeDirector, 'reklamaatio'));
    assert.deepEqual([customer, places, form], [0, 0, 0]);
  });

  it('one read of the delta feeds with nothing changed: one $batch holding a GET per list', async () => {
    const mark = site.mark();
    const n = await counted('delta poll, nothing changed', () => h.app.delta!.syncNow());
    assert.equal(n, 1);
    const inside = site.bed.bed.double.log.slice(mark).filter((r) => r.kind === 'in-batch' && r.path.includes('/items/delta'));
    assert.equal(inside.length, recordKinds.length, 'each list\'s feed is read');
  });
});
