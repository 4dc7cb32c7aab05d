import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CalendarPort } from '../../src/calendar/calendar-port.js';
import { runningClockFrom } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';
import { startApp, type RunningApp } from '../../src/server/start-app.js';
import { ConnectorDouble } from './connector-double.js';
import type { Person } from '../../src/domain/records/person.js';
import { stableIdFor } from '../../src/domain/stable-id.js';
import { executeAnswerOf, type ExecuteAnswer } from './cards.js';
import { executeAction, MYYNTI, TEAM, type TeamsUser } from './teams-activities.js';

/**
 * Starts the real HoivaCRM server (local mode, a fresh SQLite file, a fixed clock) and a connector
 * double for its replies. `post` sends an activity to /api/messages the way the Teams channel does.
 */
export class BotHarness {
  connector = new ConnectorDouble();
  clock = runningClockFrom('2026-11-23T08:00:00.000Z');
  app!: RunningApp;
  dataDir = mkdtempSync(join(tmpdir(), 'hoivacrm-test-'));
  /** Every error the server logged (a failed turn, a failed outbox pass): a test can require none. */
  readonly loggedErrors: { message: string; fields?: Record<string, unknown> | undefined }[] = [];
  private readonly logger: Logger = {
    info: () => {},
    warn: () => {},
    error: (message, fields) => {
      this.loggedErrors.push({ message, fields });
    },
  };

  /** `calendar`: a calendar adapter for the server (e.g. the Graph one against the Graph double). */
  async start(env: Record<string, string> = {}, options: { calendar?: CalendarPort } = {}): Promise<this> {
    if (!this.connector.url) {
      await this.connector.start();
      this.connector.teamChannels = [{ id: TEAM.id }, { id: MYYNTI.id, name: MYYNTI.name }];
    }
    const config = loadConfig({
      MODE: 'local',
      PORT: '0',
      DATA_DIR: this.dataDir,
      LOG_LEVEL: 'silent',
      OUTBOX_POLL_MS: '50',
      OUTBOX_RETRY_BASE_MS: '20',
      OUTBOX_RETRY_MAX_MS: '200',
      // The harness clock starts on a Monday morning: only the digest's own tests want the digest.
      WEEKLY_DIGEST: 'off',
      // Tests send the locales Teams sends (fi-FI, en-US) and expect the answer in that language, as in a tenant.
      LOCAL_LOCALE: 'client',
      ...env,
    });
    this.app = await startApp(config, { clock: this.clock, logger: this.logger, ...(options.calendar ? { calendar: options.calendar } : {}) });
    return this;
  }

  /** Stops the server but keeps the data folder: `start()` again is a restart. */
  async restart(env: Record<string, string> = {}): Promise<void> {
    await this.app.stop();
    await this.start(env);
  }

  async stop(): Promise<void> {
    await this.app?.stop();
    await this.connector.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /**
   * Puts a Teams user on the people list with roles (and homes, by name), as an admin would in the list
   * view; the demo people are seeded already.
   */
  async addPerson(user: TeamsUser, roles: Person['roles'], homes: string[] = [], region?: Person['region']): Promise<void> {
    const at = this.clock.now().toISOString();
    const person: Person = {
      id: stableIdFor(`person:${user.aadObjectId}`),
      version: 1,
      createdAt: at,
      createdBy: 'test',
      updatedAt: at,
      userId: user.aadObjectId,
      name: user.name,
      roles,
      ...(homes.length > 0 ? { careHomeIds: homes.map((name) => stableIdFor(`home:${name}`)) } : {}),
      ...(region ? { region } : {}),
    };
    await this.app.store.records.commit({ at, writes: [{ kind: 'person', record: person, expectedVersion: null }], outbox: [] });
  }

  async post(activity: object): Promise<Response> {
    const response = await this.postRaw(activity);
    if (response.status >= 400) throw new Error(`/api/messages answered ${response.status}: ${await response.text()}`);
    return response;
  }

  /**
   * Presses an Action.Execute as `user` (on a card in `channel`, or in the user's personal chat) and returns
   * the invoke's answer: the card Teams shows that person. `inputs` are what they typed (merged into data).
   */
  async execute(
    user: TeamsUser,
    replyToId: string,
    action: { verb: string; data: Record<string, unknown> },
    inputs: Record<string, unknown> = {},
    options: { channel?: { id: string }; trigger?: 'manual' | 'automatic' } = {},
  ): Promise<ExecuteAnswer> {
    const response = await this.post(executeAction(this.connector.url, user, replyToId, { verb: action.verb, data: { ...action.data, ...inputs } }, options));
    return executeAnswerOf(response);
  }

  /** POSTs to /api/messages and returns whatever the server answered, errors included. */
  postRaw(activity: unknown): Promise<Response> {
    return fetch(`${this.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
  }
}

/** Polls until `check` returns a value (bounded: the outbox posts asynchronously). */
export async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
