import assert from 'node:assert/strict';
import {
  canTransition,
  effectiveStatus,
  isOpenForSale,
  markFree,
  occupy,
  PlaceTransitionRefused,
  release,
  reserve,
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
  serviceType: 'ymparivuorokautinen',
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

  describe('the end of a reservation: sold or released', () => {
    const seller = { id: 'u2', name: 'Mikko Myyntipäällikkö' };
    const customerId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const freed = (freeFrom: string) => markFree(occupied, { freeFrom, actor, at: '2026-11-20T08:00:00.000Z', today: '2026-11-20' });
    const reserved = (freeFrom: string) => reserve(freed(freeFrom), { customerId, actor: seller, at: '2026-11-21T09:00:00.000Z', today: '2026-11-21' });
    const now = { actor: seller, at: '2026-11-23T10:00:00.000Z', today: '2026-11-23' };

    it('sells a reserved place: occupied, who and when, and still says to whom (the reservation stays)', () => {
      const sold = occupy(reserved('2026-11-20'), now);
      assert.equal(sold.status, 'kaytossa');
      assert.deepEqual(sold.statusChangedBy, seller);
      assert.equal(sold.statusChangedAt, now.at);
      assert.equal(sold.reservedForCustomerId, customerId, 'sold to the municipality it was reserved for');
      assert.deepEqual(sold.reservedBy, seller);
      assert.equal(sold.reservedAt, '2026-11-21T09:00:00.000Z');
      assert.equal(isOpenForSale(sold, now.today), false, 'a sold place is not offered any more');
    });

    it('releases a reservation back to free, or to freeing while its date is ahead, and clears it', () => {
      const free = release(reserved('2026-11-20'), now);
      assert.equal(free.status, 'vapaa');
      assert.equal(free.reservedForCustomerId, undefined);
      assert.equal(free.reservedBy, undefined);
      assert.equal(free.reservedAt, undefined);
      assert.deepEqual(free.statusChangedBy, seller, 'who released it is the latest change');
      assert.equal(isOpenForSale(free, now.today), true);

      const freeing = release(reserved('2026-12-10'), now);
      assert.equal(freeing.status, 'vapautuu');
      assert.equal(freeing.freeFrom, '2026-12-10');
      assert.equal(effectiveStatus(freeing, '2026-12-10'), 'vapaa');
    });

    it('a released place can be reserved again, a sold one can be freed again (which forgets the sale)', () => {
      const again = reserve(release(reserved('2026-11-20'), now), { customerId, actor, at: now.at, today: now.today });
      assert.equal(again.status, 'alustavasti-varattu');
      const freedAgain = markFree(occupy(reserved('2026-11-20'), now), { freeFrom: '2027-01-15', actor, at: now.at, today: now.today });
      assert.equal(freedAgain.status, 'vapautuu');
      assert.equal(freedAgain.reservedForCustomerId, undefined);
    });

    it('refuses to sell or release a place that is not reserved', () => {
      assert.throws(() => occupy(freed('2026-11-20'), now), PlaceTransitionRefused);
      assert.throws(() => occupy(occupied, now), PlaceTransitionRefused);
      assert.throws(() => release(freed('2026-11-20'), now), PlaceTransitionRefused);
      const sold = occupy(reserved('2026-11-20'), now);
      assert.throws(() => release(sold, now), PlaceTransitionRefused, 'a sold place is not released');
      assert.throws(() => occupy(sold, now), PlaceTransitionRefused, 'nor sold twice');
    });
  });
});
