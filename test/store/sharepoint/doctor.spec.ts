import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { runDoctorCli } from '../../../scripts/doctor.js';
import { runDoctor } from '../../../src/store/sharepoint/doctor.js';
import { listDefinitions } from '../../../src/store/sharepoint/list-schema.js';
import { provision } from '../../../src/store/sharepoint/provision.js';
import { startProvisioningBed, type ProvisioningBed } from './provisioning-bed.js';

/**
 * `npm run doctor` as an administrator runs it before STORE=sharepoint: settings from the environment, the real
 * msal + Graph client (and SharePoint REST for the views) against the HTTPS Graph double, one line per check,
 * stopping at the first failure with what to do about it.
 */
describe('npm run doctor (issue 4)', () => {
  let p: ProvisioningBed;
  let provisioned: { siteId: string; siteUrl: string };

  const people = listDefinitions.find((d) => d.kind === 'person')!.displayName;
  /** A person as an admin types them into the people list's view: the Entra object id, the name, roles as JSON. */
  const addPerson = (siteId: string, name: string, roles: string, fields: Record<string, string> = {}) =>
    p.bed.double.lists.writeItem(siteId, people, { Title: name, UserId: randomUUID(), Name: name, Roles: roles, ...fields });

  /** A new site, provisioned the way `npm run provision` does it (lists, columns, views), with its first admin. */
  const provisionedSite = async ({ admin = true } = {}) => {
    const site = p.newSite();
    await provision({ graph: p.graph, siteId: site.siteId, rest: site.rest });
    if (admin) addPerson(site.siteId, 'Aino Virtanen', '["liiketoimintajohtaja","admin"]');
    return site;
  };

  before(async () => {
    p = await startProvisioningBed();
    provisioned = await provisionedSite();
  });
  after(async () => {
    await p.stop();
  });
  beforeEach(() => p.bed.double.clearLog());

  const envFor = (siteId: string | undefined, extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
    MICROSOFT_APP_TENANT_ID: p.bed.tenantId,
    MICROSOFT_APP_ID: p.bed.clientId,
    MICROSOFT_APP_CERTIFICATE_PATH: p.bed.appCertificate.pemPath,
    GRAPH_BASE_URL: p.bed.double.graphBaseUrl,
    GRAPH_AUTHORITY_HOST: p.bed.double.origin,
    GRAPH_EXTRA_CA_PATH: p.bed.double.caPath,
    GRAPH_USER_AGENT_COMPANY: 'Hoivatesti Oy',
    ...(siteId ? { SHAREPOINT_SITE_ID: siteId } : {}),
    ...extra,
  });
  const run = async (env: NodeJS.ProcessEnv, argv: string[] = []) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runDoctorCli(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, lines: out, out: out.join('\n'), err: err.join('\n') };
  };
  /** Everything but the token request (the one POST a read-only check must send). */
  const nonGetRequests = () => p.bed.double.log.filter((r) => r.kind !== 'token' && r.method !== 'GET');
  const failures = (lines: string[]) => lines.filter((l) => l.startsWith('✗'));

  it('passes every check on a provisioned site, one ✓ line per check, and exits 0', async () => {
    const result = await run(envFor(provisioned.siteId));

    assert.equal(result.code, 0, result.out);
    assert.deepEqual(failures(result.lines), []);
    const checks = result.lines.filter((l) => l.startsWith('✓')).map((l) => l.slice(2, l.indexOf(':')));
    assert.deepEqual(checks, [
      'Settings',
      'SHAREPOINT_SITE_ID',
      'Certificate',
      'Token',
      'Site',
      ...listDefinitions.map((d) => `List "${d.displayName}"`),
      'Views',
      'Reading items',
      'People',
    ]);
    assert.ok(result.lines.includes(`✓ People: 1 person in "${people}", admin: Aino Virtanen`), result.out);
    assert.ok(result.lines.includes(`✓ Site: "HoivaCRM" at ${provisioned.siteUrl}`), result.out);
    assert.ok(result.lines.includes('✓ Views: all 4 views exist'), result.out);
    // The test certificate lives one day: the administrator is told to renew it in time.
    assert.match(result.out, /^⚠ Certificate: expires in 0 days \(\d{4}-\d\d-\d\d\): upload a new one/m);
    assert.match(result.lines.at(-1)!, /^All checks passed \(1 warning\)\. doctor only reads/);
  });

  it('is read-only: the only request that is not a GET is the token request', async () => {
    const result = await run(envFor(provisioned.siteId));

    assert.equal(result.code, 0, result.out);
    assert.deepEqual(nonGetRequests(), []);
    assert.ok(p.bed.double.log.some((r) => r.kind === 'sharepoint-rest'), 'it did read the views');
    const itemReads = p.bed.double.log.filter((r) => /\/lists\/[^/]+\/items\?/.test(r.path));
    // One item of each list (the read grant), then the people list's people and roles.
    assert.equal(itemReads.length, listDefinitions.length + 1);
    for (const read of itemReads.slice(0, -1)) assert.match(decodeURIComponent(read.path), /\$top=1&expand=fields\(select=HoivaId\)$/);
    assert.match(decodeURIComponent(itemReads.at(-1)!.path), /expand=fields\(select=UserId,Name,Roles,CareHomeIds,Region\)$/);
  });

  it('names a missing SHAREPOINT_SITE_ID, says where to find it, exits 1 and asks nothing of Graph', async () => {
    const result = await run(envFor(undefined));

    assert.equal(result.code, 1);
    assert.equal(result.lines[0]?.slice(0, 10), '✓ Settings');
    assert.equal(result.lines[1], '✗ SHAREPOINT_SITE_ID: not set');
    assert.match(result.lines[2]!, /^ {2}→ set it to the Graph site id "hostname,siteCollectionId,webId" .*\/sites\/\{hostname\}:\/sites\/\{path\}\?\$select=id/);
    assert.equal(result.lines.length, 3);
    assert.deepEqual(p.bed.double.log, []);
  });

  it('tells a site URL put in SHAREPOINT_SITE_ID apart, and names an invalid Graph setting', async () => {
    const url = await run(envFor('https://contoso.sharepoint.com/sites/hoivacrm'));
    assert.equal(url.code, 1);
    assert.equal(url.lines[1], '✗ SHAREPOINT_SITE_ID: "https://contoso.sharepoint.com/sites/hoivacrm" is not a Graph site id "hostname,siteCollectionId,webId"');
    assert.equal(url.lines[2], '  → that is the site URL: it belongs in SHAREPOINT_SITE_URL (optional)');

    const company = await run({ ...envFor(provisioned.siteId), GRAPH_USER_AGENT_COMPANY: '' });
    assert.equal(company.code, 1);
    assert.match(company.lines[0]!, /^✗ Settings: GRAPH_USER_AGENT_COMPANY: /);
    assert.deepEqual(p.bed.double.log, []);
  });

  it('names the token failure when the certificate is not registered on the app, with the thumbprint to look for', async () => {
    const result = await run(envFor(provisioned.siteId, { MICROSOFT_APP_CERTIFICATE_PATH: p.bed.strangerCertificate.pemPath }));

    assert.equal(result.code, 1);
    const [failure] = failures(result.lines);
    assert.equal(failure, `✗ Token: Entra ID refused the certificate (AADSTS700027): it is not registered on app ${p.bed.clientId}, or not the one whose key is in the PEM`);
    assert.match(result.out, /→ upload the certificate's public part \(the \.crt, never the key\) to the app registration → Certificates & secrets → Certificates; the thumbprint listed there must be [0-9A-F]{40} \(SHA-1/);
    assert.match(result.out, /\(AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application\./);
    assert.deepEqual(p.bed.double.graphRequests(), [], 'no Graph request after a failed token');
  });

  it('names an app id the tenant does not know, and an unknown tenant', async () => {
    const app = await run(envFor(provisioned.siteId, { MICROSOFT_APP_ID: randomUUID() }));
    assert.equal(app.code, 1);
    assert.match(app.out, /^✗ Token: Entra ID has no app [0-9a-f-]{36} in tenant [0-9a-f-]{36} \(AADSTS700016\)$/m);
    assert.match(app.out, /→ MICROSOFT_APP_ID must be the "Application \(client\) ID"/);

    const tenant = await run(envFor(provisioned.siteId, { MICROSOFT_APP_TENANT_ID: randomUUID() }));
    assert.equal(tenant.code, 1);
    assert.match(tenant.out, /^✗ Token: the authority https:\/\/127\.0\.0\.1:\d+ has no tenant [0-9a-f-]{36}$/m);
    assert.match(tenant.out, /→ MICROSOFT_APP_TENANT_ID .* must be the Directory \(tenant\) ID/);
  });

  it('names a site that does not exist, and a site the app has no role on', async () => {
    const unknownSite = `contoso.sharepoint.com,${randomUUID()},${randomUUID()}`;
    const missing = await run(envFor(unknownSite));
    assert.equal(missing.code, 1);
    assert.equal(failures(missing.lines)[0], `✗ Site: no site ${unknownSite} (404)`);
    assert.match(missing.out, /→ SHAREPOINT_SITE_ID must be the id of a site in this tenant/);

    // Graph answers 403 to a Sites.Selected app that was not granted a role on the site.
    p.bed.double.failNext(1, { status: 403, method: 'GET', path: /^\/sites\/[^/]+$/ });
    const forbidden = await run(envFor(provisioned.siteId));
    assert.equal(forbidden.code, 1);
    assert.equal(failures(forbidden.lines)[0], `✗ Site: the app has no role on site ${provisioned.siteId} (403 Forbidden)`);
    assert.match(forbidden.out, new RegExp(`→ an administrator grants it one: POST ${p.bed.double.graphBaseUrl}/sites/${provisioned.siteId}/permissions`));
    assert.match(forbidden.out, /Sites\.Selected with the manage or fullcontrol role/);
  });

  it('names the list and the column deleted from a provisioned list, and tells to run provision', async () => {
    const site = await provisionedSite();
    const places = listDefinitions.find((d) => d.kind === 'place')!;
    assert.ok(p.bed.double.lists.list(site.siteId, places.displayName)!.columns.delete('FreeFrom'));
    p.bed.double.clearLog();

    const result = await run(envFor(site.siteId));

    assert.equal(result.code, 1);
    assert.deepEqual(failures(result.lines), [`✗ List "${places.displayName}": the column FreeFrom is missing`]);
    assert.match(result.out, /→ run `npm run provision` with the provisioning grant \(Sites\.Selected manage or fullcontrol on the site\)/);
    // Lists before it passed; nothing after it was checked.
    const earlier = listDefinitions.slice(0, listDefinitions.indexOf(places));
    for (const d of earlier) assert.ok(result.lines.some((l) => l.startsWith(`✓ List "${d.displayName}"`)), d.displayName);
    assert.ok(!result.lines.some((l) => l.startsWith('✓ Reading items')));
    assert.deepEqual(nonGetRequests(), []);
  });

  it('names a list still on the choices of 2012 (issue 11), and what the schema wants instead', async () => {
    const site = await provisionedSite();
    const places = listDefinitions.find((d) => d.kind === 'place')!;
    // The place list as provisioning made it before the service types of 2026.
    const column = p.bed.double.lists.list(site.siteId, places.displayName)!.columns.get('ServiceType')!;
    column.definition = { ...column.definition, choice: { allowTextEntry: false, choices: ['tehostettu', 'palveluasuminen', 'lyhytaikainen'], displayAs: 'dropDownMenu' } };
    p.bed.double.clearLog();

    const result = await run(envFor(site.siteId));

    assert.equal(result.code, 1);
    assert.deepEqual(failures(result.lines), [
      `✗ List "${places.displayName}": the column ServiceType is still on the choices of 2012 (tehostettu, palveluasuminen); the schema's are ymparivuorokautinen, yhteisollinen, lyhytaikainen — items holding an old value read as the new one and HoivaCRM writes the new value back`,
    ]);
    assert.match(result.out, /→ run `npm run provision`/);
    assert.deepEqual(nonGetRequests(), []);
  });

  it('names a column that lost its index, and a missing list', async () => {
    const site = await provisionedSite();
    const customers = listDefinitions.find((d) => d.kind === 'customer')!;
    p.bed.double.lists.list(site.siteId, customers.displayName)!.columns.get('HoivaId')!.indexed = false;
    const notIndexed = await run(envFor(site.siteId));
    assert.equal(notIndexed.code, 1);
    assert.deepEqual(failures(notIndexed.lines), [`✗ List "${customers.displayName}": the column HoivaId is not indexed`]);

    const complaints = listDefinitions.find((d) => d.kind === 'complaint')!;
    const other = await provisionedSite();
    const lists = p.bed.double.lists.sites.get(other.siteId)!.lists;
    lists.delete(p.bed.double.lists.list(other.siteId, complaints.displayName)!.id);
    const missingList = await run(envFor(other.siteId));
    assert.equal(missingList.code, 1);
    assert.deepEqual(failures(missingList.lines), [`✗ List "${complaints.displayName}": missing on the site`]);
    assert.match(missingList.out, /→ run `npm run provision`/);
  });

  it('fails when the people list has no admin, naming the list and how to add yourself; a person whose roles do not parse is named', async () => {
    const site = await provisionedSite({ admin: false });
    const empty = await run(envFor(site.siteId));
    assert.equal(empty.code, 1);
    assert.deepEqual(failures(empty.lines), [`✗ People: "${people}" is empty: nobody can use HoivaCRM, and nobody can bind the channels`]);
    assert.match(empty.out, /→ add yourself in the list view of "HoivaCRM Henkilöt": UserId = your Entra object id .*Roles = \["admin"\]/);

    addPerson(site.siteId, 'Mikko Myyntipäällikkö', '["myynti"]');
    addPerson(site.siteId, 'Ilkka Ylläpitäjä', 'admin');
    const noAdmin = await run(envFor(site.siteId));
    assert.equal(noAdmin.code, 1);
    assert.deepEqual(failures(noAdmin.lines), [`✗ People: nobody in "${people}" has the admin role`]);
    assert.ok(noAdmin.lines.includes(`⚠ People: "Ilkka Ylläpitäjä" in "${people}" has Roles that are not a JSON list such as ["admin"]: HoivaCRM leaves the person out`), noAdmin.out);

    addPerson(site.siteId, 'Aino Virtanen', '["admin"]');
    const fixed = await run(envFor(site.siteId));
    assert.equal(fixed.code, 0, fixed.out);
    assert.ok(fixed.lines.includes(`✓ People: 3 people in "${people}", admin: Aino Virtanen`), fixed.out);
  });

  it('warns about a home director with no homes and a regional director with no region (their roles reach nothing)', async () => {
    const site = await provisionedSite();
    addPerson(site.siteId, 'Kaisa Kotijohtaja', '["kotijohtaja"]');
    addPerson(site.siteId, 'Jukka Järvinen', '["aluejohtaja"]');
    addPerson(site.siteId, 'Pekka Nieminen', '["vastaava-hoitaja"]', { CareHomeIds: '["0a000000-0000-4000-8000-000000000001"]' });
    const result = await run(envFor(site.siteId));
    assert.equal(result.code, 0, result.out);
    assert.ok(result.lines.includes(`⚠ People: "Kaisa Kotijohtaja" in "${people}" has a home role but no CareHomeIds (a JSON list of care-home ids): the role reaches no home`), result.out);
    assert.ok(result.lines.includes(`⚠ People: "Jukka Järvinen" in "${people}" is a regional director with no Region: the role reaches no region`), result.out);
    assert.doesNotMatch(result.out, /Pekka Nieminen/);
  });

  it('with a client secret: warns that a certificate is preferred and that the views were not checked, and passes', async () => {
    const env = { ...envFor(provisioned.siteId), MICROSOFT_APP_CERTIFICATE_PATH: '', MICROSOFT_APP_PASSWORD: p.bed.clientSecret };
    const result = await run(env);

    assert.equal(result.code, 0, result.out);
    assert.ok(result.lines.includes('⚠ Credential: MICROSOFT_APP_PASSWORD is a client secret: a certificate (MICROSOFT_APP_CERTIFICATE_PATH) is preferred, and SharePoint REST — the list views — accepts app-only tokens from a certificate only'));
    assert.match(result.out, /^⚠ Views: not checked \(they are optional\): SharePoint REST accepts app-only tokens from a certificate only/m);
    assert.ok(!result.lines.some((l) => l.startsWith('✓ Certificate')));
    assert.match(result.lines.at(-1)!, /^All checks passed \(2 warnings\)/);
  });

  it('only warns about a missing view: views are optional', async () => {
    const lines: string[] = [];
    const result = await runDoctor({
      env: envFor(provisioned.siteId),
      out: (l) => lines.push(l),
      views: [{ kind: 'place', title: 'Paikat kartalla', viewFields: ['LinkTitle'], query: '', rowLimit: 30 }],
    });

    assert.equal(result.ok, true, lines.join('\n'));
    assert.ok(lines.includes('⚠ Views: missing (they are optional): "Paikat kartalla" of "HoivaCRM Paikat" — `npm run provision` makes them'), lines.join('\n'));
    assert.ok(lines.some((l) => l.startsWith('✓ Reading items')));
  });

  it('fails on an expired certificate before asking for a token', async () => {
    const lines: string[] = [];
    const result = await runDoctor({ env: envFor(provisioned.siteId), out: (l) => lines.push(l), now: () => new Date(Date.now() + 3 * 86_400_000) });

    assert.equal(result.ok, false);
    assert.equal(result.failed, 'Certificate');
    assert.match(lines.at(-2)!, /^✗ Certificate: .*hoivacrm-app\.pem \(CN=HoivaCRM test app\) expired on \d{4}-\d\d-\d\d$/);
    assert.deepEqual(p.bed.double.log, []);
  });

  it('prints the usage for --help and refuses an unknown option', async () => {
    const help = await run(envFor(provisioned.siteId), ['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /^Usage: npm run doctor/);

    const unknown = await run(envFor(provisioned.siteId), ['--fix']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /Unknown option\(s\): --fix/);
    assert.deepEqual(p.bed.double.log, []);
  });
});
