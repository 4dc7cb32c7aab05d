import assert from 'node:assert/strict';
import { may, permissions, roleScopes, type Action } from '../../src/app/authorize.js';
import type { Person, PersonRole } from '../../src/domain/records/person.js';
import { personRoles } from '../../src/domain/records/person.js';

const koivukoti = '0a000000-0000-4000-8000-000000000001';
const aurakoti = '0a000000-0000-4000-8000-000000000002';
const homeOf = (id: string, region: Person['region'] = 'etela-suomi') => ({ careHomeId: id, careHomeName: id === koivukoti ? 'Koivukoti' : 'Aurakoti', region });

function person(roles: PersonRole[], extra: Partial<Person> = {}): Person {
  return { id: '0c000000-0000-4000-8000-000000000001', version: 1, createdAt: '2026-11-01T00:00:00.000Z', createdBy: 'test', updatedAt: '2026-11-01T00:00:00.000Z', userId: 'u', name: 'N', roles, ...extra };
}

describe('may(person, action, target): roles with scopes', () => {
  it('refuses everything to someone outside the people list', () => {
    for (const action of Object.keys(permissions) as Action[]) {
      const decision = may(undefined, action, homeOf(koivukoti));
      assert.equal(decision.ok, false);
      assert.equal(!decision.ok && decision.message, 'auth.notInPeopleList');
    }
  });

  it('gives a home director her own homes only, and names the home in a refusal', () => {
    const kaisa = person(['kotijohtaja'], { careHomeIds: [koivukoti] });
    assert.equal(may(kaisa, 'settlePlace', homeOf(koivukoti)).ok, true);
    const refused = may(kaisa, 'settlePlace', homeOf(aurakoti, 'lounais-suomi'));
    assert.deepEqual(!refused.ok && [refused.message, 'params' in refused && refused.params.where], ['auth.outOfScope', 'Aurakoti']);
    assert.equal(may(person(['kotijohtaja'], { careHomeIds: [koivukoti, aurakoti] }), 'recordForHome', homeOf(aurakoti)).ok, true, 'two homes');
    assert.equal(may(person(['kotijohtaja']), 'recordForHome', homeOf(koivukoti)).ok, false, 'a home director with no home has none');
  });

  it('gives a regional director the homes of her region', () => {
    const jukka = person(['aluejohtaja'], { region: 'etela-suomi' });
    assert.equal(may(jukka, 'advanceComplaint', homeOf(koivukoti, 'etela-suomi')).ok, true);
    assert.equal(may(jukka, 'advanceComplaint', homeOf(aurakoti, 'lounais-suomi')).ok, false);
    assert.equal(may(person(['aluejohtaja']), 'advanceComplaint', homeOf(koivukoti)).ok, false, 'no region, no homes');
  });

  it('gives the company-wide roles every home, and only the actions of their role', () => {
    for (const role of personRoles.filter((r) => roleScopes[r] === 'company')) {
      for (const action of Object.keys(permissions) as Action[]) {
        const expected = (permissions[action] as readonly string[]).includes(role);
        assert.equal(may(person([role]), action, homeOf(aurakoti, 'sisa-suomi')).ok, expected, `${role} ${action}`);
      }
    }
  });

  it('names the roles that may when the role is wrong', () => {
    const decision = may(person(['myynti']), 'bindChannel');
    assert.deepEqual(!decision.ok && [decision.message, decision.roles], ['auth.roleRequired', ['admin']]);
  });

  it('lets the best-placed of a person\'s roles decide', () => {
    const both = person(['kotijohtaja', 'aluejohtaja'], { careHomeIds: [koivukoti], region: 'lounais-suomi' });
    assert.equal(may(both, 'recordForHome', homeOf(aurakoti, 'lounais-suomi')).ok, true, 'by the region');
    assert.equal(may(both, 'recordForHome', homeOf(koivukoti, 'etela-suomi')).ok, true, 'by the home');
    assert.equal(may(both, 'recordForHome', { careHomeId: '0a000000-0000-4000-8000-000000000003', careHomeName: 'X', region: 'sisa-suomi' }).ok, false);
  });

  it('keeps complaint text from sales and from the admin role', () => {
    assert.equal(may(person(['myynti']), 'readConfidential', homeOf(koivukoti)).ok, false);
    assert.equal(may(person(['admin']), 'readConfidential', homeOf(koivukoti)).ok, false);
    assert.equal(may(person(['laatupaallikko']), 'readConfidential', homeOf(koivukoti)).ok, true);
  });

  it("lets the directors who develop the relationship and sales record a customer's agreement, a regional director in her region", () => {
    const espoo = { region: 'etela-suomi' as const };
    for (const role of ['liiketoimintajohtaja', 'myynti'] as const) assert.equal(may(person([role]), 'recordAgreement', espoo).ok, true, role);
    assert.equal(may(person(['aluejohtaja'], { region: 'etela-suomi' }), 'recordAgreement', espoo).ok, true);
    const elsewhere = may(person(['aluejohtaja'], { region: 'sisa-suomi' }), 'recordAgreement', espoo);
    assert.equal(elsewhere.ok ? '' : elsewhere.message, 'auth.outOfScope');
    for (const role of ['kotijohtaja', 'vastaava-hoitaja', 'laatupaallikko', 'admin'] as const) {
      const refused = may(person([role], { careHomeIds: [koivukoti] }), 'recordAgreement', espoo);
      assert.equal(refused.ok ? '' : refused.message, 'auth.roleRequired', role);
    }
  });
});
