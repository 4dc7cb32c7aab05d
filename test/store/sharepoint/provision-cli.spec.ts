import assert from 'node:assert/strict';
import { runProvisionCli } from '../../../scripts/provision.js';
import { recordKinds } from '../../../src/store/record-kinds.js';
import { listViews } from '../../../src/store/sharepoint/list-views.js';
import { startProvisioningBed, type ProvisioningBed } from './provisioning-bed.js';

/**
 * `npm run provision` as an administrator runs it: settings from the environment (.env.example names), the
 * site URL for the views taken from Graph when SHAREPOINT_SITE_URL is not set, plain-text output.
 */
describe('npm run provision (issue 4)', () => {
  let p: ProvisioningBed;

  before(async () => {
    p = await startProvisioningBed();
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
  const run = async (argv: string[], env: NodeJS.ProcessEnv) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runProvisionCli(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('--dry-run prints the plan for an empty site and writes nothing; a real run provisions; the next one has nothing to do', async () => {
    const site = p.newSite();

    const dry = await run(['--dry-run'], envFor(site.siteId));
    assert.equal(dry.code, 0, dry.err);
    assert.match(dry.out, new RegExp(`^Dry run: provisioning the HoivaCRM lists on ${site.siteId} \\(${site.siteUrl}\\)`));
    assert.match(dry.out, /Dry run: 17 request\(s\) would be sent; nothing is written\./);
    assert.deepEqual(p.writes(), []);

    const real = await run([], envFor(site.siteId));
    assert.equal(real.code, 0, real.err);
    assert.match(real.out, /Done: 17 request\(s\) sent\./);
    assert.equal(p.writes().length, recordKinds.length + listViews.length);

    p.bed.double.clearLog();
    const again = await run([], envFor(site.siteId));
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /The site matches the schemas: nothing to do\./);
    assert.deepEqual(p.writes(), []);
  });

  it('names the first missing setting and exits 1', async () => {
    const noSite = await run([], envFor(undefined));
    assert.equal(noSite.code, 1);
    assert.match(noSite.err, /^SHAREPOINT_SITE_ID is not set: the Graph site id "hostname,siteCollectionId,webId"/);

    const noCompany = await run([], { ...envFor('x'), GRAPH_USER_AGENT_COMPANY: '' });
    assert.equal(noCompany.code, 1);
    assert.match(noCompany.err, /^Invalid Microsoft Graph settings \(see .env.example\):\n  GRAPH_USER_AGENT_COMPANY: /);
    assert.deepEqual(p.writes(), []);
  });

  it('with a client secret, provisions the lists and says the views need a certificate', async () => {
    const site = p.newSite();
    const env = { ...envFor(site.siteId), MICROSOFT_APP_CERTIFICATE_PATH: '', MICROSOFT_APP_PASSWORD: p.bed.clientSecret };
    const result = await run([], env);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /Note: list views not provisioned .*SharePoint REST accepts app-only tokens from a certificate only/);
    assert.match(result.err, /warning: Microsoft Graph: authenticating with a client secret/);
    assert.equal(p.writes().length, recordKinds.length);
  });

  it('refuses an unknown option with the usage', async () => {
    const result = await run(['--dryrun'], envFor('x'));
    assert.equal(result.code, 2);
    assert.match(result.err, /Unknown option\(s\): --dryrun/);
    assert.match(result.out, /Usage: npm run provision \[-- --dry-run\] \[--no-views\]/);
  });
});
