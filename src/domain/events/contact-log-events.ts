import type { ActorRef } from '../records/common.js';
import type { EventBase } from '../events.js';

/**
 * A contact log entry was recorded (thesis 6.2). Nobody is told at once; on the next-contact date the
 * person who recorded it gets a reminder with the topic and a button to log the contact.
 */
export interface ContactLoggedData {
  entryId: string;
  customerId: string;
  customerName: string;
  date: string;
  type: string;
  matter: string;
  nextContactDate?: string | undefined;
  nextContactTopic?: string | undefined;
  /** When the reminder is due: 08:00 Helsinki time on the next-contact date. */
  remindAt?: string | undefined;
  recordedBy: ActorRef;
}

export type ContactLoggedEvent = EventBase<'contactLog.recorded', ContactLoggedData>;
