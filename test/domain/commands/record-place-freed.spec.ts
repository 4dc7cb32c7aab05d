import assert from 'node:assert/strict';
import { recordPlaceFreedCommand } from '../../../src/domain/commands/record-place-freed.js';
import { fieldErrorsFrom } from '../../../src/domain/validation.js';

const valid = {
  requestId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
  careHomeId: '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5',
  serviceType: 'ymparivuorokautinen',
  customerGroup: 'ikaantyneet',
  label: ' A12 ',
  freeFrom: '2026-12-01',
};

function errorsOf(input: Record<string, unknown>) {
  const result = recordPlaceFreedCommand('2026-11-23').safeParse(input);
  assert.equal(result.success, false);
  return fieldErrorsFrom(result.error!);
}

describe('the "place freed" command schema', () => {
  it('accepts a complete form and trims the label', () => {
    const parsed = recordPlaceFreedCommand('2026-11-23').parse(valid);
    assert.equal(parsed.label, 'A12');
  });

  it('names each bad field with a translatable key', () => {
    assert.deepEqual(errorsOf({ ...valid, label: '  ' }), [{ field: 'label', key: 'validation.required' }]);
    assert.deepEqual(errorsOf({ ...valid, freeFrom: '1.12.2026' }), [{ field: 'freeFrom', key: 'validation.invalidDate' }]);
    assert.deepEqual(errorsOf({ ...valid, freeFrom: '2026-02-30' }), [{ field: 'freeFrom', key: 'validation.invalidDate' }]);
    assert.deepEqual(errorsOf({ ...valid, serviceType: 'kotihoito' }), [{ field: 'serviceType', key: 'validation.invalidChoice' }]);
    const { careHomeId: _omit, ...withoutHome } = valid;
    assert.deepEqual(errorsOf(withoutHome), [{ field: 'careHomeId', key: 'validation.required' }]);
  });

  it('accepts a date up to a year ahead and refuses one beyond', () => {
    assert.ok(recordPlaceFreedCommand('2026-11-23').safeParse({ ...valid, freeFrom: '2027-11-23' }).success);
    assert.deepEqual(errorsOf({ ...valid, freeFrom: '2027-11-24' }), [{ field: 'freeFrom', key: 'place.freeFromTooFar' }]);
  });

  it('refuses a note that holds a personal identity code', () => {
    assert.deepEqual(errorsOf({ ...valid, note: 'Asukas 131052-308T muuttaa' }), [{ field: 'note', key: 'privacy.personalIdentityCode' }]);
  });

  it('reports every bad field at once, one message per field', () => {
    const errors = errorsOf({ ...valid, label: '', freeFrom: 'huomenna', customerGroup: undefined });
    assert.deepEqual(errors.map((e) => e.field).sort(), ['customerGroup', 'freeFrom', 'label']);
  });
});
