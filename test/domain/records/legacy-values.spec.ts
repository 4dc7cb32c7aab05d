import assert from 'node:assert/strict';
import { serviceTypes } from '../../../src/domain/records/common.js';
import { contactRoles } from '../../../src/domain/records/contact.js';
import { contactRoleOf, contactRoleOfAnyEra, purchaserKindFromName, serviceTypeOf, serviceTypeOfAnyEra, withCurrentValues } from '../../../src/domain/records/legacy-values.js';
import { placeSchema } from '../../../src/domain/records/place.js';

/** The values of 2012 (thesis 2.2) read as those of 2026 (DOMAIN.md, "The customers of 2026"), never the other way. */
describe('values of 2012 → the customers and services of 2026', () => {
  it('maps the 2012 service types and the names in old sheets to the Social Welfare Act of 2023', () => {
    assert.equal(serviceTypeOf('tehostettu'), 'ymparivuorokautinen');
    assert.equal(serviceTypeOf('palveluasuminen'), 'yhteisollinen');
    assert.equal(serviceTypeOf('lyhytaikainen'), 'lyhytaikainen');
    assert.equal(serviceTypeOf('Tehostettu palveluasuminen'), 'ymparivuorokautinen');
    assert.equal(serviceTypeOf('  LYHYTAIKAINEN   palveluasuminen '), 'lyhytaikainen');
    assert.equal(serviceTypeOf('Yhteisöllinen asuminen'), 'yhteisollinen');
    assert.equal(serviceTypeOf('Tilapäinen asuminen'), 'lyhytaikainen');
    assert.equal(serviceTypeOf('Ympärivuorokautinen palveluasuminen'), 'ymparivuorokautinen');
    for (const s of serviceTypes) assert.equal(serviceTypeOf(s), s, 'a value of 2026 is itself');
    assert.equal(serviceTypeOf('kotihoito'), undefined, 'not every word is a service type');
  });

  it('keeps contacts\' roles under the county\'s names', () => {
    assert.equal(contactRoleOf('sote-johtaja'), 'palvelujohtaja');
    assert.equal(contactRoleOf('vanhustyon-paallikko'), 'vanhuspalvelujen-johtaja');
    assert.equal(contactRoleOf('Perusturvajohtaja'), 'palvelujohtaja');
    assert.equal(contactRoleOf('Palveluohjaaja'), 'sosiaalityontekija');
    for (const r of contactRoles) assert.equal(contactRoleOf(r), r);
  });

  it('gives a customer of 2012 its purchaser kind by its name: a municipality unless clearly a county or Helsinki', () => {
    assert.equal(purchaserKindFromName('Espoon kaupunki'), 'kunta');
    assert.equal(purchaserKindFromName('Tammelan kunta'), 'kunta');
    assert.equal(purchaserKindFromName('Vantaan ja Keravan hyvinvointialue'), 'hyvinvointialue');
    assert.equal(purchaserKindFromName('Österbottens välfärdsområde'), 'hyvinvointialue');
    assert.equal(purchaserKindFromName('Helsingin kaupunki'), 'helsinki');
    assert.equal(purchaserKindFromName('Helsinki'), 'helsinki');
    assert.equal(purchaserKindFromName('Helsingin seurakuntayhtymä'), 'kunta', 'only the city itself');
  });

  it('accepts old values only where old data enters: the record schema itself refuses them', () => {
    assert.equal(serviceTypeOfAnyEra.parse('tehostettu'), 'ymparivuorokautinen');
    assert.equal(contactRoleOfAnyEra.parse('sote-johtaja'), 'palvelujohtaja');
    assert.equal(serviceTypeOfAnyEra.safeParse('kotihoito').success, false);
    assert.equal(placeSchema.shape.serviceType.safeParse('tehostettu').success, false);
  });

  it('translates a raw record of any kind, leaving what is no alias for its schema to refuse', () => {
    assert.deepEqual(withCurrentValues('place', { label: 'A1', serviceType: 'tehostettu' }), { label: 'A1', serviceType: 'ymparivuorokautinen' });
    assert.deepEqual(withCurrentValues('careHome', { serviceTypes: ['palveluasuminen', 'lyhytaikainen'] }), { serviceTypes: ['yhteisollinen', 'lyhytaikainen'] });
    assert.deepEqual(withCurrentValues('customerPlan', { plannedEncounters: [{ month: 1, withRole: 'sote-johtaja' }] }), { plannedEncounters: [{ month: 1, withRole: 'palvelujohtaja' }] });
    assert.deepEqual(withCurrentValues('customer', { name: 'Pirkanmaan hyvinvointialue' }), { name: 'Pirkanmaan hyvinvointialue', kind: 'hyvinvointialue' });
    assert.deepEqual(withCurrentValues('customer', { name: 'Pirkanmaan hyvinvointialue', kind: 'muu' }), { name: 'Pirkanmaan hyvinvointialue', kind: 'muu' }, 'a recorded kind stays');
    const current = { label: 'A1', serviceType: 'rikki' };
    assert.equal(withCurrentValues('place', current), current, 'nothing to translate: the same object');
  });
});
