import { execSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { cpus, platform } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './seeded-folder.js';

const HEADING = '# Read paths at real size';

const INTRO = `${HEADING}

\`npm run bench:read\` (\`bench/read-paths.bench.ts\`): for each scale in \`BENCH_SCALES\` (default \`1,10\`) the real-size demo
(\`npm run seed:large\`, kept in \`.tmp/read-bench/large-<scale>x\` and reused by later runs) and the real server as its own
process (\`node --import tsx src/main.ts\`, local mode, \`WEEKLY_DIGEST=off\`) against the Bot Connector double over
loopback HTTP. \`asiakas <name>\` (the busiest customer, "Länsi-Uudenmaan hyvinvointialue") and \`paikat\` are sent by the
business director in her personal chat, one after another, and timed from the POST to /api/messages to the reply at
the connector (\`BENCH_REQUESTS\`, default 30, after one warm-up; each command stops after \`BENCH_COMMAND_MAX_S\`,
default 240 s, or at a request slower than \`BENCH_REQUEST_TIMEOUT_S\`, default 120 s, so n may be smaller). Reply sizes
are the card's JSON in UTF-8 bytes. The digest is \`composeWeeklyDigest\` in a process of its own on the seeded store
(clock at this week's Monday 08:30, writes discarded so every run composes). Start-up is spawn → first \`/healthz\`
answer; RSS peak is the server's VmHWM after the commands. On a working day (the digest scheduler's Monday 08:00 →
Friday) the server is started once more with \`WEEKLY_DIGEST=on\` and \`DIGEST_CHECK_MS=5000\`: start-up, and the slowest of
\`/healthz\` asked one after another for \`BENCH_STALL_WATCH_S\` (default 20 s) — how long a request waits behind a check.
`;

export function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpus().length} cores (${cpu}), Node ${process.version}, ${platform()}`;
}

export function commit(): string {
  try {
    const sha = execSync('git rev-parse --short HEAD', { cwd: projectRoot }).toString().trim();
    const dirty = execSync('git status --porcelain --untracked-files=no', { cwd: projectRoot }).toString().trim() !== '';
    return dirty ? `${sha} (+ uncommitted changes)` : sha;
  } catch {
    return 'unknown';
  }
}

/** Appends a dated section (with the introduction the first time) to bench/RESULTS.md. */
export function appendResults(title: string, table: string, notes: string[]): void {
  const file = join(projectRoot, 'bench', 'RESULTS.md');
  const existing = readFileSync(file, 'utf8');
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const section = [
    '',
    ...(existing.includes(HEADING) ? [] : [INTRO]),
    `## ${when} UTC${title ? ` — ${title}` : ''}`,
    '',
    `Machine: ${machine()}. Commit: ${commit()}.`,
    '',
    table,
    ...(notes.length ? ['', ...notes.map((n) => `- ${n}`)] : []),
    '',
  ].join('\n');
  appendFileSync(file, `${existing.endsWith('\n') ? '' : '\n'}${section}`);
}
