import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('Config: CALENDAR, CALENDAR_ORGANIZER_SOURCE, CALENDAR_ORGANIZER_MAILBOX (issue 12)', () => {
  const tenant = {
    MODE: 'tenant',
    MICROSOFT_APP_ID: '11111111-2222-4333-8444-555555555555',
    MICROSOFT_APP_TENANT_ID: '66666666-7777-4888-9999-000000000000',
    MICROSOFT_APP_CERTIFICATE_PATH: '/secrets/hoivacrm.pem',
    GRAPH_USER_AGENT_COMPANY: 'Hoiva Oy',
  };

  it('defaults to ics invitations with the person as organizer, and no Graph settings needed', () => {
    const config = loadConfig({});
    assert.equal(config.CALENDAR, 'ics');
    assert.equal(config.CALENDAR_ORGANIZER_SOURCE, 'person');
    assert.equal(config.CALENDAR_ORGANIZER_MAILBOX, undefined);
    assert.equal(config.graph, undefined);
  });

  it('CALENDAR=graph in tenant mode reads the Graph settings even with the SQLite store', () => {
    const config = loadConfig({ ...tenant, CALENDAR: 'graph', CALENDAR_ORGANIZER_SOURCE: 'mailbox', CALENDAR_ORGANIZER_MAILBOX: 'kehityskokoukset@contoso.fi' });
    assert.equal(config.CALENDAR, 'graph');
    assert.equal(config.CALENDAR_ORGANIZER_MAILBOX, 'kehityskokoukset@contoso.fi');
    assert.equal(config.graph?.clientId, tenant.MICROSOFT_APP_ID);
  });

  it('refuses CALENDAR=graph in local mode, a shared organizer without its address, a wrong address, a wrong value, and missing Graph settings', () => {
    assert.throws(() => loadConfig({ CALENDAR: 'graph' }), (e: unknown) => e instanceof ConfigError && /CALENDAR: graph needs MODE=tenant/.test(e.message));
    assert.throws(() => loadConfig({ ...tenant, CALENDAR: 'graph', CALENDAR_ORGANIZER_SOURCE: 'mailbox' }), /CALENDAR_ORGANIZER_MAILBOX: CALENDAR_ORGANIZER_SOURCE=mailbox needs/);
    assert.throws(() => loadConfig({ ...tenant, CALENDAR: 'graph', CALENDAR_ORGANIZER_SOURCE: 'mailbox', CALENDAR_ORGANIZER_MAILBOX: 'kehityskokoukset' }), /CALENDAR_ORGANIZER_MAILBOX: must be a mailbox address/);
    assert.throws(() => loadConfig({ CALENDAR: 'outlook' }), /CALENDAR:/);
    const { GRAPH_USER_AGENT_COMPANY: _company, ...withoutCompany } = tenant;
    assert.throws(() => loadConfig({ ...withoutCompany, CALENDAR: 'graph' }), (e: unknown) => e instanceof ConfigError && /^CALENDAR=graph: /.test(e.message));
  });
});
