import assert from 'node:assert/strict';
import { MailboxLimiter } from '../../src/calendar/graph-mailbox-limiter.js';

describe('MailboxLimiter: at most four Graph calls in flight per mailbox (Outlook MailboxConcurrency)', () => {
  it('queues the fifth call to a mailbox until one ends, first come first served; other mailboxes do not wait', async () => {
    const limiter = new MailboxLimiter(4);
    const gates: (() => void)[] = [];
    const started: string[] = [];
    let peak = 0;
    const call = (mailbox: string, name: string) =>
      limiter.run(mailbox, async () => {
        started.push(name);
        peak = Math.max(peak, limiter.active('kokous@contoso.fi'));
        await new Promise<void>((resolve) => gates.push(resolve));
        return name;
      });
    const all = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => call(n === 'c' ? 'KOKOUS@contoso.fi' : 'kokous@contoso.fi', n));
    const other = call('toinen@contoso.fi', 'x');
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(started, ['a', 'b', 'c', 'd', 'x'], 'the address is compared without case; another mailbox is not held up');
    gates.shift()!();
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(started.slice(5), ['e']);
    while (gates.length) {
      gates.shift()!();
      await new Promise((r) => setImmediate(r));
    }
    assert.deepEqual(await Promise.all(all), ['a', 'b', 'c', 'd', 'e', 'f']);
    assert.equal(await other, 'x');
    assert.equal(peak, 4);
    assert.equal(limiter.active('kokous@contoso.fi'), 0);
  });

  it('frees the slot when a call fails', async () => {
    const limiter = new MailboxLimiter(1);
    await assert.rejects(limiter.run('m@contoso.fi', () => Promise.reject(new Error('503'))));
    assert.equal(await limiter.run('m@contoso.fi', () => Promise.resolve('next')), 'next');
  });
});
