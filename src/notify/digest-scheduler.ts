import { composeWeeklyDigest } from '../app/compose-weekly-digest.js';
import type { AppContext } from '../app/app-context.js';
import type { Logger } from '../logger.js';

/**
 * Checks now and then whether this week's Monday digest is due, and queues it once. No cron: the
 * check is cheap and idempotent (the week is the key), and a server that was down at 08:00 on Monday
 * sends the digest when it comes back. Time comes from the app's clock, so tests jump to Monday.
 */
export class DigestScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** The week whose "waiting for a week of use" was logged: once a week, not at every check. */
  private waitingLoggedFor: string | undefined;

  constructor(private readonly options: { app: AppContext; logger: Logger; checkIntervalMs: number }) {}

  start(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One check; tests call it directly after moving the clock. */
  async check(): Promise<void> {
    const outcome = await composeWeeklyDigest(this.options.app);
    if (outcome.queued) this.options.logger.info('weekly digest queued', { week: outcome.week });
    else if (outcome.reason === 'tooSoon' && this.waitingLoggedFor !== outcome.week) {
      this.waitingLoggedFor = outcome.week;
      this.options.logger.info('weekly digest not sent: the store has not been in use for a week yet', { week: outcome.week });
    }
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.check()
        .catch((error: unknown) => this.options.logger.error('weekly digest check failed', { error: String(error) }))
        .finally(() => {
          this.running = undefined;
          if (this.timer) this.schedule(this.options.checkIntervalMs);
        });
    }, delayMs);
    this.timer.unref();
  }
}
