import assert from 'node:assert/strict';
import { routingTable } from '../../src/notify/routing.js';
import { isMessageKey } from '../../src/i18n/messages.js';

/** `tila` names each undelivered row by its event and audience: every routed event and audience has a name. */
describe('delivery status labels', () => {
  it('names every event the routing table routes, and every audience', () => {
    const missing = [
      ...Object.keys(routingTable).map((type) => `delivery.event.${type}`),
      ...['sales', 'management', 'person', 'calendar'].map((audience) => `delivery.audience.${audience}`),
    ].filter((key) => !isMessageKey(key));
    assert.deepEqual(missing, []);
  });
});
