import { readFileSync } from 'node:fs';
import { startServerProcess, type ServerProcess } from '../../test/support/server-process.js';

/** The server's peak resident memory so far (VmHWM), in MB; undefined once it has exited. */
export function rssPeakMb(pid: number | undefined): number | undefined {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return hwm ? Math.round(Number(hwm) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts the real server on the seeded folder (local mode, a free port, WEEKLY_DIGEST=off: the digest is
 * timed on its own) and measures spawn → the first answer of /healthz.
 */
export async function startMeasured(dataDir: string, timeoutMs: number): Promise<{ server: ServerProcess; startupMs: number }> {
  const started = Date.now();
  const server = await startServerProcess({ DATA_DIR: dataDir, WEEKLY_DIGEST: 'off' }, timeoutMs);
  for (;;) {
    const ok = await fetch(`${server.url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return { server, startupMs: Date.now() - started };
    if (Date.now() - started > timeoutMs) throw new Error(`/healthz did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function stopServer(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  const killed = setTimeout(() => server.child.kill('SIGKILL'), 15_000);
  await server.exited;
  clearTimeout(killed);
}
