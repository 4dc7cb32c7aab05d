import { startServerProcess } from '../../test/support/server-process.js';
import { stopServer } from './server-probe.js';

export interface DigestStall {
  /** Spawn → first /healthz answer with the digest on: its first check runs right after listening. */
  startupMs: number;
  /** The slowest /healthz answer while the digest scheduler checked every `checkEveryMs`. */
  longestHealthzMs: number;
  healthzRequests: number;
}

/**
 * What the digest scheduler costs the requests around it on a working day (Monday 08:00 → Friday): the server
 * with WEEKLY_DIGEST=on and a check every few seconds, and /healthz asked one after another for `watchMs`.
 * The first check of the week queues the digest into the store (a management channel is never bound here,
 * so it waits); later checks meet the week's key. On a weekend the scheduler does nothing to measure.
 */
export async function measureDigestStall(dataDir: string, options: { watchMs: number; checkEveryMs: number; startupTimeoutMs: number }): Promise<DigestStall> {
  const started = Date.now();
  const server = await startServerProcess({ DATA_DIR: dataDir, WEEKLY_DIGEST: 'on', DIGEST_CHECK_MS: String(options.checkEveryMs) }, options.startupTimeoutMs);
  try {
    const healthz = () => fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(options.startupTimeoutMs) }).then((r) => r.ok, () => false);
    while (!(await healthz())) {
      if (Date.now() - started > options.startupTimeoutMs) throw new Error('/healthz did not answer');
      await new Promise((r) => setTimeout(r, 20));
    }
    const startupMs = Date.now() - started;
    let longest = 0;
    let count = 0;
    const until = Date.now() + options.watchMs;
    while (Date.now() < until) {
      const t = Date.now();
      await healthz();
      longest = Math.max(longest, Date.now() - t);
      count++;
      await new Promise((r) => setTimeout(r, 10));
    }
    return { startupMs, longestHealthzMs: longest, healthzRequests: count };
  } finally {
    await stopServer(server);
  }
}
