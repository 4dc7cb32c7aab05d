import type { ComplaintCardData } from '../events/complaint-events.js';
import type { CareHome } from '../records/care-home.js';
import type { Complaint } from '../records/complaint.js';
import type { Customer } from '../records/customer.js';
import { complaintHistory } from './complaint-lifecycle.js';

/** The snapshot a complaint card renders: the complaint, its customer's and home's names, the steps so far. */
export function complaintCardData(complaint: Complaint, customer: Pick<Customer, 'id' | 'name'>, home: Pick<CareHome, 'id' | 'name' | 'region'>): ComplaintCardData {
  return {
    complaintId: complaint.id,
    version: complaint.version,
    customerId: customer.id,
    customerName: customer.name,
    careHomeId: home.id,
    careHomeName: home.name,
    region: home.region,
    receivedDate: complaint.receivedDate,
    channel: complaint.channel,
    severity: complaint.severity,
    status: complaint.status,
    matter: complaint.matter,
    correctiveActions: complaint.correctiveActions,
    replyText: complaint.replyText,
    history: complaintHistory(complaint),
    nextStepDue: complaint.nextStepDue,
    recordedBy: complaint.recordedBy,
  };
}
