import assert from 'node:assert/strict';
import { auditOfWrite, customersOf } from '../../src/store/audit.js';

/** Which customers an entry belongs to, and what it says changed: the pure part of the audit trail. */
describe('audit entries', () => {
  const by = { id: 'u1', name: 'Jukka Järvinen' };
  const at = '2026-11-23T08:00:00.000Z';
  const meta = { id: 'r1', version: 1, createdAt: at, createdBy: 'u1', updatedAt: at };

  it('belong to every customer a home event names, to the customer itself, and to both sides of a changed reservation', () => {
    assert.deepEqual(customersOf('homeEvent', { ...meta, customerIds: ['c1', 'c2'] }), ['c1', 'c2']);
    assert.deepEqual(customersOf('customer', { ...meta, id: 'c3' }), ['c3']);
    assert.deepEqual(customersOf('place', { ...meta, reservedForCustomerId: 'c1' }, { ...meta }), ['c1'], 'a released reservation stays in the history');
    assert.deepEqual(customersOf('careHome', { ...meta }), []);
  });

  it('name the status change of a record with a status, and only the fields that changed', () => {
    const before = { ...meta, status: 'vastaanotettu', matter: 'Asia', nextStepDue: '2026-11-25' };
    const after = { ...before, version: 2, updatedAt: '2026-11-24T08:00:00.000Z', status: 'toimenpiteet-sovittu', correctiveActions: 'Korjataan' };
    const entry = auditOfWrite('complaint', before, after, by, at);
    assert.equal(entry.action, 'status');
    assert.deepEqual(entry.status, { from: 'vastaanotettu', to: 'toimenpiteet-sovittu' });
    assert.deepEqual(entry.changes, [
      { field: 'status', from: 'vastaanotettu', to: 'toimenpiteet-sovittu' },
      { field: 'correctiveActions', from: null, to: 'Korjataan' },
    ]);
    const renamed = auditOfWrite('careHome', { ...meta, name: 'A' }, { ...meta, version: 2, name: 'B' }, by, at);
    assert.equal(renamed.action, 'update');
    assert.equal(renamed.status, undefined);
  });
});
