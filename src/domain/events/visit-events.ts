import type { ActorRef, Region } from '../records/common.js';
import type { EventBase } from '../events.js';

/** People @mentioned on a card: the sales people, when a visit or event carries a special mention. */
export interface Mention {
  userId: string;
  name: string;
}

/** A municipal supervision visit was logged (thesis 6.1): management and sales are told. */
export interface SupervisionVisitLoggedData {
  visitId: string;
  customerId: string;
  customerName: string;
  careHomeId: string;
  careHomeName: string;
  region: Region;
  date: string;
  participants: string;
  findings: string;
  followUpActions?: string | undefined;
  specialMention: boolean;
  mentions: Mention[];
  recordedBy: ActorRef;
}

export type SupervisionVisitLoggedEvent = EventBase<'supervisionVisit.logged', SupervisionVisitLoggedData>;
export type VisitEvent = SupervisionVisitLoggedEvent;
