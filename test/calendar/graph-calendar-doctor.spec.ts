import assert from 'node:assert/strict';
import { runDoctorCli } from '../../scripts/doctor.js';
import { startGraphTestbed, type GraphTestbed } from '../support/graph-double/testbed.js';

/** `npm run doctor` with CALENDAR=graph (issue 12): the organizer mailbox must answer, a 403 is named with the RBAC fix. */
describe('npm run doctor with CALENDAR=graph: the organizer mailbox', () => {
  let bed: GraphTestbed;
  before(async () => {
    bed = await startGraphTestbed();
  });
  after(async () => {
    await bed.double.stop();
  });
  beforeEach(() => bed.double.clearLog());

  const envFor = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
    MICROSOFT_APP_TENANT_ID: bed.tenantId,
    MICROSOFT_APP_ID: bed.clientId,
    MICROSOFT_APP_CERTIFICATE_PATH: bed.appCertificate.pemPath,
    GRAPH_BASE_URL: bed.double.graphBaseUrl,
    GRAPH_AUTHORITY_HOST: bed.double.origin,
    GRAPH_EXTRA_CA_PATH: bed.double.caPath,
    GRAPH_USER_AGENT_COMPANY: 'Hoivatesti Oy',
    CALENDAR: 'graph',
    ...extra,
  });
  const run = async (env: NodeJS.ProcessEnv) => {
    const out: string[] = [];
    const code = await runDoctorCli([], env, { out: (l) => out.push(l), err: (l) => out.push(l) });
    return { code, lines: out, out: out.join('\n') };
  };
  // The testbed's certificate is short-lived, so its expiry warning is left out of the list.
  const checks = (lines: string[]) => lines.filter((l) => /^[✓⚠✗] /.test(l) && !l.startsWith('⚠ Certificate')).map((l) => l.slice(0, l.indexOf(':')));

  it('passes when the shared organizer mailbox answers GET /users/{id}/calendar — read-only, no site needed with the SQLite store', async () => {
    const result = await run(envFor({ CALENDAR_ORGANIZER_SOURCE: 'mailbox', CALENDAR_ORGANIZER_MAILBOX: 'kehityskokoukset@contoso.fi' }));
    assert.equal(result.code, 0, result.out);
    assert.deepEqual(checks(result.lines), ['✓ Settings', '✓ Certificate', '✓ Token', '✓ Calendar']);
    assert.match(result.out, /✓ Calendar: GET \/users\/kehityskokoukset@contoso\.fi\/calendar answers/);
    const calendarReads = bed.double.calendarRequests();
    assert.deepEqual(calendarReads.map((r) => [r.method, r.path.split('?')[0], r.status]), [['GET', '/users/kehityskokoukset@contoso.fi/calendar', 200]]);
    assert.deepEqual(bed.double.log.filter((r) => r.kind !== 'token' && r.method !== 'GET'), []);
  });

  it('names a 403 (the mailbox is outside the app\'s RBAC for Applications scope) with the fix, and exits 1', async () => {
    bed.double.calendars.denyMailbox('johto@contoso.fi');
    const result = await run(envFor({ CALENDAR_ORGANIZER_SOURCE: 'mailbox', CALENDAR_ORGANIZER_MAILBOX: 'johto@contoso.fi' }));
    assert.equal(result.code, 1, result.out);
    assert.ok(result.lines.includes('✗ Calendar: the app may not use the calendar of johto@contoso.fi (403 Forbidden)'), result.out);
    assert.match(result.out, /→ an Exchange administrator puts johto@contoso\.fi in the app's RBAC for Applications scope: New-ManagementScope .*New-ManagementRoleAssignment .*-Role "Application Calendars\.ReadWrite"/);
    assert.match(result.out, /ErrorAccessDenied/);
  });

  it('warns when the organizer cannot host Teams meetings, and when with CALENDAR_ORGANIZER_SOURCE=person no mailbox is given to check', async () => {
    bed.double.calendars.cannotHostTeamsMeetings('ilman.teamsia@contoso.fi');
    const noTeams = await run(envFor({ CALENDAR_ORGANIZER_SOURCE: 'person', CALENDAR_ORGANIZER_MAILBOX: 'ilman.teamsia@contoso.fi' }));
    assert.equal(noTeams.code, 0, noTeams.out);
    assert.match(noTeams.out, /⚠ Calendar: ilman\.teamsia@contoso\.fi cannot host Teams meetings/);

    bed.double.clearLog();
    const person = await run(envFor({}));
    assert.equal(person.code, 0, person.out);
    assert.match(person.out, /✓ Calendar: not checked/);
    assert.match(person.out, /⚠ Calendar: set CALENDAR_ORGANIZER_MAILBOX/);
    assert.equal(bed.double.calendarRequests().length, 0);
  });

  it('refuses CALENDAR_ORGANIZER_SOURCE=mailbox without the mailbox', async () => {
    const result = await run(envFor({ CALENDAR_ORGANIZER_SOURCE: 'mailbox' }));
    assert.equal(result.code, 1);
    assert.match(result.out, /✗ Calendar: CALENDAR_ORGANIZER_SOURCE=mailbox but CALENDAR_ORGANIZER_MAILBOX is not set/);
  });
});
