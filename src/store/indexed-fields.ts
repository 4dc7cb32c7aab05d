import type { RecordKind } from './record-kinds.js';

/**
 * The fields queries filter on, per record kind. SQLite gets an index on each; SharePoint (issue 4)
 * gets an indexed column, because a list can only be filtered on indexed columns beyond 5,000 items.
 */
export const indexedFields: Partial<Record<RecordKind, readonly string[]>> = {
  place: ['careHomeId', 'status'],
  person: ['userId'],
  careHome: ['region'],
  contact: ['customerId'],
  agreement: ['customerId'],
  contactLogEntry: ['customerId', 'nextContactDate'],
  supervisionVisit: ['customerId'],
  homeEvent: ['careHomeId'],
  developmentMeeting: ['customerId'],
  complaint: ['careHomeId', 'status'],
  customerPlan: ['customerId'],
  note: ['customerId'],
};
