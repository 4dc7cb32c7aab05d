import { fieldLabel as finnishColumnLabel } from '../store/sharepoint/column-labels.js';
import type { RecordKind } from '../store/record-kinds.js';
import type { Locale } from './messages.js';

/**
 * A record field's name as people read it, for the change history. Finnish reuses the SharePoint column
 * labels (src/store/sharepoint/column-labels.ts), which the list views already show, so the history and
 * the list speak alike; English names the common fields and otherwise spells the field name out.
 */
const english: Record<string, string> = {
  customerId: 'Customer',
  careHomeId: 'Care home',
  reservedForCustomerId: 'Reserved for',
  reservedBy: 'Reserved by',
  reservedAt: 'Reserved at',
  status: 'Status',
  statusChangedBy: 'Status changed by',
  statusChangedAt: 'Status changed at',
  label: 'Place',
  freeFrom: 'Free from',
  note: 'Note',
  matter: 'Matter',
  correctiveActions: 'Corrective actions',
  replyText: 'Reply',
  nextStepDue: 'Next step due',
  receivedDate: 'Received',
  severity: 'Severity',
  channel: 'Channel',
  recordedBy: 'Recorded by',
  name: 'Name',
  region: 'Region',
  segment: 'Segment',
  lifecyclePhase: 'Lifecycle phase',
  personalNotes: 'Notes',
  customerIds: 'Customers',
  date: 'Date',
};

export function fieldName(locale: Locale, kind: RecordKind | 'channelBinding', field: string): string {
  if (kind === 'channelBinding') return locale === 'fi' ? 'Kanava' : 'Channel';
  if (locale === 'fi') return finnishColumnLabel(kind, field);
  return english[field] ?? spelledOut(field);
}

/** `actionsAgreedAt` → "Actions agreed at", `attendingContactIds` → "Attending contacts". */
function spelledOut(field: string): string {
  const words = field.replace(/Ids?$/, (m) => (m === 'Ids' ? 's' : '')).replace(/([A-Z])/g, ' $1').toLowerCase().trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
