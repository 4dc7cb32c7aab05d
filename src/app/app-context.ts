import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Store } from '../store/store-port.js';

/** What every use case needs: the store, the time, new ids, and a way to say "notifications are queued". */
export interface AppContext {
  store: Store;
  clock: Clock;
  newId(): string;
  /** Wakes the outbox worker after a commit that queued notifications. */
  notificationsQueued(): void;
  /** How long after recording an entry its author may withdraw it (config WITHDRAW_WINDOW_HOURS; 48 when absent). */
  withdrawWindowHours?: number;
}

export function appContext(store: Store, clock: Clock, notificationsQueued: () => void = () => {}, options: { withdrawWindowHours?: number } = {}): AppContext {
  return { store, clock, newId: randomUUID, notificationsQueued, ...options };
}
