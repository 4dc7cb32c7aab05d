import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../support/bot-harness.js';
import { cardOf, submitDataOf, textsOf } from '../support/cards.js';
import { ConnectorDouble } from '../support/connector-double.js';
import { choiceValue } from '../support/place-form.js';
import { startServerProcess } from '../support/server-process.js';
import { cardSubmit, homeDirector, installedInTeam, MYYNTI, personalConversationId, personalMessage, TEAM } from '../support/teams-activities.js';

/** Issue 9: a start that cannot go on says why in one sentence; SIGTERM answers every request in flight. */
describe('the server process: start-up errors and graceful shutdown', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'hoivacrm-process-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a port already in use stops the start with one line naming the port and PORT', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        env: { ...process.env, MODE: 'local', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'silent', WEEKLY_DIGEST: 'off' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      const code = await new Promise<number | null>((r) => child.once('exit', r));
      assert.equal(code, 2);
      const lines = stderr.trim().split('\n');
      assert.equal(lines.length, 1, `one line, not a stack trace:\n${stderr}`);
      assert.match(lines[0]!, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use.*set PORT`));
    } finally {
      blocker.close();
    }
  });

  it('SIGTERM during a burst: every request gets its answer, the process exits 0, and after a restart every card arrives once', async function () {
    this.timeout(60_000);
    const connector = await new ConnectorDouble().start();
    connector.teamChannels = [{ id: TEAM.id }, { id: MYYNTI.id, name: MYYNTI.name }];
    const env = { DATA_DIR: dataDir, OUTBOX_POLL_MS: '50', SHUTDOWN_GRACE_MS: '10000' };
    try {
      let server = await startServerProcess(env);
      const post = (activity: object) =>
        fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      await post(installedInTeam(connector.url, homeDirector));
      await post(personalMessage(connector.url, homeDirector, 'vapaa paikka'));
      const formCall = connector.posted(personalConversationId(homeDirector)).at(-1)!;
      const form = cardOf(formCall)!;
      const careHomeId = choiceValue(form, 'careHomeId', /^Koivukoti/);
      // Each answer (and each card) now takes the connector 500 ms: the 20 requests are all in flight at SIGTERM.
      connector.slowDown(500);
      const labels = Array.from({ length: 20 }, (_, i) => `S${i + 1}`);
      const answers = labels.map((label) =>
        post(
          cardSubmit(connector.url, homeDirector, formCall.activityIdAssigned!, {
            ...submitDataOf(form),
            requestId: randomUUID(),
            careHomeId,
            serviceType: 'ymparivuorokautinen',
            customerGroup: 'ikaantyneet',
            label,
            freeFrom: '2026-12-01',
          }),
        ).then((r) => r.status, (e: Error) => `failed: ${e.message}`),
      );
      await new Promise((r) => setTimeout(r, 250));
      server.child.kill('SIGTERM');
      assert.deepEqual(await Promise.all(answers), labels.map(() => 200), 'every request answered');
      assert.equal(await server.exited, 0);

      connector.slowDown(0);
      server = await startServerProcess(env);
      try {
        const cards = () => connector.posted(MYYNTI.id).filter((c) => cardOf(c));
        await eventually(() => (cards().length >= 20 ? true : undefined), 15_000);
        await new Promise((r) => setTimeout(r, 500));
        const posted = cards().map((c) => /\bS\d+\b/.exec(textsOf(cardOf(c)).join('\n'))?.[0]);
        assert.deepEqual([...posted].sort(), [...labels].sort(), 'every card once');
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    } finally {
      await connector.stop();
    }
  });
});
