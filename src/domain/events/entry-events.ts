import type { DomainEvent, EventBase } from '../events.js';
import type { ActorRef } from '../records/common.js';

/**
 * Corrections of what someone recorded (issue 11, `omat`). The cards already posted for the entry update in
 * place (routing 'postedCards', keyed by the entry's record key): an edit shows the entry as it is now, a
 * withdrawal shows that it was withdrawn, by whom and when — and no longer what it said.
 */

/** The kinds of entry a person can correct or withdraw (src/store/record-queries.ts recordedEntryKinds). */
export type CorrectableKind = 'place' | 'supervisionVisit' | 'homeEvent' | 'complaint' | 'contactLogEntry' | 'note' | 'developmentMeeting';

export interface EntryCorrectedData {
  /** The entry's card event as it would be posted now (the same type the first post had), so the card looks the same. */
  event: DomainEvent;
  correctedBy: ActorRef;
  correctedAt: string;
}

/** What a withdrawn entry's card still says: which entry it was (not its text), who withdrew it and when. */
export interface EntryWithdrawnData {
  kind: CorrectableKind;
  recordId: string;
  /** The entry's own day (visit date, meeting start, complaint received…), YYYY-MM-DD. */
  date: string;
  careHomeName?: string | undefined;
  customerName?: string | undefined;
  withdrawnBy: ActorRef;
  withdrawnAt: string;
}

export type EntryCorrectedEvent = EventBase<'entry.corrected', EntryCorrectedData>;
export type EntryWithdrawnEvent = EventBase<'entry.withdrawn', EntryWithdrawnData>;
export type EntryEvent = EntryCorrectedEvent | EntryWithdrawnEvent;
