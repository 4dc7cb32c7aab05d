import assert from 'node:assert/strict';
import { laneHead, laneOf, lanesOf } from '../../src/notify/outbox-lanes.js';
import type { OutboxEntry } from '../../src/store/store-port.js';

const now = Date.parse('2026-11-23T08:00:00Z');
const at = (ms: number) => new Date(now + ms).toISOString();

function row(id: number, overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    id,
    eventId: `e${id}`,
    eventType: 'place.freed',
    mode: 'post',
    audience: 'sales',
    recipient: '',
    variant: 'full',
    payload: {},
    status: 'pending',
    attempts: 0,
    nextAttemptAt: at(0),
    createdAt: at(0),
    retryFrom: at(0),
    ...overrides,
  };
}

describe('outbox lanes: one per conversation, strictly in order', () => {
  it('puts channel posts, personal posts and a record\'s updates in their own lanes', () => {
    assert.equal(laneOf(row(1)), 'channel:sales');
    assert.equal(laneOf(row(2, { audience: 'person', recipient: 'u1' })), 'person:u1');
    assert.equal(laneOf(row(3, { mode: 'update', recordKey: 'place:p1' })), 'record:place:p1');
    assert.deepEqual([...lanesOf([row(1), row(2, { audience: 'management' }), row(3)]).keys()], ['channel:sales', 'channel:management']);
  });

  it('a row waiting for its retry blocks the rows behind it, even those already due', () => {
    const head = laneHead([row(1, { attempts: 1, lastError: '429', nextAttemptAt: at(1_000) }), row(2)], now);
    assert.deepEqual(head, { kind: 'blocked', untilMs: now + 1_000 });
  });

  it('a row being sent (leased) blocks its lane', () => {
    assert.equal(laneHead([row(1, { status: 'sending', attempts: 1, nextAttemptAt: at(60_000) }), row(2)], now).kind, 'blocked');
  });

  it('a row scheduled for later (a reminder next week) holds up nobody', () => {
    const head = laneHead([row(1, { nextAttemptAt: at(7 * 86_400_000) }), row(2)], now);
    assert.equal(head.kind === 'due' && head.entry.id, 2);
  });

  it('the oldest due row goes first', () => {
    const head = laneHead([row(1), row(2)], now);
    assert.equal(head.kind === 'due' && head.entry.id, 1);
  });
});
