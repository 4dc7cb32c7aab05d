import type { ActorRef, ServiceType } from '../records/common.js';
import type { EventBase } from '../events.js';

/**
 * A customer's agreement was recorded (thesis 6.1: content, price, service description, option years).
 * DOMAIN.md's routing table names no notice for it, so nobody is told today: the agreement is on the
 * customer card. The event carries what a card would show, so routing it somewhere is one row.
 */
export interface AgreementRecordedData {
  agreementId: string;
  customerId: string;
  customerName: string;
  title: string;
  serviceTypes: ServiceType[];
  pricePerDay?: number | undefined;
  startDate: string;
  endDate?: string | undefined;
  optionYears?: number[] | undefined;
  recordedBy: ActorRef;
}

export type AgreementRecordedEvent = EventBase<'agreement.recorded', AgreementRecordedData>;
