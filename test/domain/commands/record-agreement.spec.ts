import assert from 'node:assert/strict';
import { agreementInputFrom, parseAgreementForm } from '../../../src/domain/commands/record-agreement.js';

/** The agreement form's strings as the agreement schema's types, and the schema's refusals as field errors. */
describe('agreement form input (src/domain/commands/record-agreement.ts)', () => {
  const requestId = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
  const customerId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
  const form = { action: 'agreement.submit', requestId, customerId, title: 'Puitesopimus', kind: 'ostopalvelu', serviceTypes: 'ymparivuorokautinen', startDate: '2026-01-01' };

  it('reads prices as people type them, option years in order once each, the toggle and the multi-select', () => {
    for (const [typed, price] of [['182,50', 182.5], ['182.5', 182.5], ['182,50 €', 182.5], ['1 250', 1250], ['0', 0]] as const) {
      assert.equal(agreementInputFrom({ pricePerDay: typed }).pricePerDay, price, typed);
    }
    assert.deepEqual(agreementInputFrom({ optionYears: '2029, 2028 2029' }).optionYears, [2028, 2029]);
    assert.deepEqual(agreementInputFrom({ serviceTypes: 'ymparivuorokautinen,lyhytaikainen' }).serviceTypes, ['ymparivuorokautinen', 'lyhytaikainen']);
    assert.equal(agreementInputFrom({ paymentCommitment: 'true' }).paymentCommitment, true);
    assert.equal(agreementInputFrom({}).paymentCommitment, false);
    assert.deepEqual(Object.keys(agreementInputFrom({ endDate: '', serviceDescription: '  ' })), ['paymentCommitment'], 'an empty optional field is absent');
  });

  it('gives the agreement its schema\'s fields and drops the card\'s own keys', () => {
    const parsed = parseAgreementForm({ ...form, pricePerDay: '190', optionYears: '2028' });
    assert.ok(parsed.ok);
    assert.equal(parsed.requestId, requestId);
    assert.deepEqual(parsed.agreement, { customerId, title: 'Puitesopimus', kind: 'ostopalvelu', serviceTypes: ['ymparivuorokautinen'], startDate: '2026-01-01', pricePerDay: 190, optionYears: [2028], paymentCommitment: false });
  });

  it('says what is wrong under each field: a mistyped price or year, a missing service, a period ending before it starts', () => {
    const bad = parseAgreementForm({ ...form, serviceTypes: '', pricePerDay: '-5', optionYears: '28' });
    assert.ok(!bad.ok);
    assert.deepEqual(
      bad.errors.map((e) => [e.field, e.key]),
      [
        ['serviceTypes', 'validation.required'],
        ['pricePerDay', 'agreement.invalidPrice'],
        ['optionYears', 'agreement.invalidOptionYears'],
      ],
    );
    const period = parseAgreementForm({ ...form, endDate: '2025-12-31' });
    assert.ok(!period.ok);
    assert.deepEqual(period.errors, [{ field: 'endDate', key: 'agreement.endBeforeStart' }]);
    const noRequest = parseAgreementForm({ ...form, requestId: 'x' });
    assert.ok(!noRequest.ok);
    assert.equal(noRequest.errors[0]!.field, 'requestId');
  });
});
