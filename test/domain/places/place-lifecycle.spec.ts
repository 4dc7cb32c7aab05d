import assert from 'node:assert/strict';
import {
  canTransition,
  effectiveStatus,
  isOpenForSale,
  markFree,
  PlaceTransitionRefused,
  statusForFreeFrom,
} from '../../../src/domain/places/place-lifecycle.js';
import type { Place } from '../../../src/domain/records/place.js';

const actor = { id: 'u1', name: 'Kaisa Kotijohtaja' };
const occupied: Place = {
  id: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'seed',
  updatedAt: '2026-01-01T00:00:00.000Z',
  careHomeId: '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5',
  label: 'A12',
  serviceType: 'tehostettu',
  customerGroup: 'ikaantyneet',
  status: 'kaytossa',
};

describe('place lifecycle', () => {
  it('is free when the date is today or past, freeing when it is ahead', () => {
    assert.equal(statusForFreeFrom('2026-11-23', '2026-11-23'), 'vapaa');
    assert.equal(statusForFreeFrom('2026-11-01', '2026-11-23'), 'vapaa');
    assert.equal(statusForFreeFrom('2026-11-24', '2026-11-23'), 'vapautuu');
  });

  it('turns a freeing place free on its date without anyone touching it', () => {
    const freeing = { status: 'vapautuu' as const, freeFrom: '2026-12-01' };
    assert.equal(effectiveStatus(freeing, '2026-11-30'), 'vapautuu');
    assert.equal(effectiveStatus(freeing, '2026-12-01'), 'vapaa');
  });

  it('offers free and freeing places for sale, not occupied or reserved ones', () => {
    assert.equal(isOpenForSale({ status: 'vapaa', freeFrom: '2026-11-01' }, '2026-11-23'), true);
    assert.equal(isOpenForSale({ status: 'vapautuu', freeFrom: '2026-12-01' }, '2026-11-23'), true);
    assert.equal(isOpenForSale({ status: 'kaytossa' }, '2026-11-23'), false);
    assert.equal(isOpenForSale({ status: 'alustavasti-varattu', freeFrom: '2026-11-01' }, '2026-11-23'), false);
  });

  it('follows occupied → freeing → free → reserved → occupied, or reserved → free', () => {
    assert.ok(canTransition('kaytossa', 'vapautuu'));
    assert.ok(canTransition('vapautuu', 'vapaa'));
    assert.ok(canTransition('vapaa', 'alustavasti-varattu'));
    assert.ok(canTransition('alustavasti-varattu', 'kaytossa'));
    assert.ok(canTransition('alustavasti-varattu', 'vapaa'));
    assert.ok(!canTransition('kaytossa', 'alustavasti-varattu'), 'an occupied place cannot be reserved');
    assert.ok(!canTransition('alustavasti-varattu', 'vapautuu'));
  });

  it('marks an occupied place freeing with who and when, and clears an old reservation', () => {
    const next = markFree(
      { ...occupied, reservedBy: actor, reservedAt: '2026-01-02T00:00:00.000Z' },
      { freeFrom: '2026-12-01', actor, at: '2026-11-23T08:00:00.000Z', today: '2026-11-23' },
    );
    assert.equal(next.status, 'vapautuu');
    assert.equal(next.freeFrom, '2026-12-01');
    assert.deepEqual(next.statusChangedBy, actor);
    assert.equal(next.reservedBy, undefined);
  });

  it('refuses to record a reserved place as freed', () => {
    assert.throws(
      () => markFree({ ...occupied, status: 'alustavasti-varattu', freeFrom: '2026-11-01' }, { freeFrom: '2026-12-01', actor, at: 'x', today: '2026-11-23' }),
      PlaceTransitionRefused,
    );
  });
});
