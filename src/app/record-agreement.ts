import { parseAgreementForm } from '../domain/commands/record-agreement.js';
import type { AgreementRecordedEvent } from '../domain/events/agreement-events.js';
import type { Agreement } from '../domain/records/agreement.js';
import { firstVersion, type ActorRef } from '../domain/records/common.js';
import type { Customer } from '../domain/records/customer.js';
import { notificationsFor } from '../notify/routing.js';
import type { AppContext } from './app-context.js';
import { authorize } from './authorize.js';
import { commitChanges } from './commit-changes.js';
import { referencedRecords } from './referenced-records.js';
import { forbidden, invalid, type UseCaseResult } from './result.js';

export interface AgreementRecorded {
  agreement: Agreement;
  customerName: string;
}

/**
 * The agreement form for a customer (the customer card's *Kirjaa sopimus*): only to someone who may record
 * an agreement for it, so a refused person is told so before typing, not after.
 */
export async function agreementFormFor(ctx: AppContext, actor: ActorRef, customerId: unknown): Promise<UseCaseResult<Customer>> {
  const { customer } = await referencedRecords(ctx, { customerId: typeof customerId === 'string' ? customerId : undefined });
  if (!customer) return invalid([{ field: 'customerId', key: 'customerCard.unknown' }]);
  const mayRecord = await authorize(ctx, actor, 'recordAgreement', { region: customer.region });
  if (!mayRecord.ok) return forbidden(mayRecord);
  return { ok: true, duplicate: false, value: customer };
}

/**
 * A customer's purchase-service agreement or service-voucher arrangement: content, price per day, service
 * types and description, start (and end), option years, payment commitment (thesis 6.1, 6.4.2). Checked
 * with the agreement's schema; recorded by the regional director of the customer's region, the business
 * director or sales (authorize.ts recordAgreement). The form's request id is the agreement's id.
 */
export async function recordAgreement(ctx: AppContext, actor: ActorRef, input: Record<string, unknown>): Promise<UseCaseResult<AgreementRecorded>> {
  const parsed = parseAgreementForm(input);
  if (!parsed.ok) return invalid(parsed.errors);
  const { requestId, agreement: fields } = parsed;
  const { customer, errors } = await referencedRecords(ctx, fields);
  if (!customer) return invalid(errors);
  const mayRecord = await authorize(ctx, actor, 'recordAgreement', { region: customer.region });
  if (!mayRecord.ok) return forbidden(mayRecord);

  const at = ctx.clock.now().toISOString();
  const agreement: Agreement = { ...firstVersion(requestId, actor, at), ...fields };
  const event: AgreementRecordedEvent = {
    type: 'agreement.recorded',
    eventId: ctx.newId(),
    occurredAt: at,
    actor,
    recordKey: `agreement:${agreement.id}`,
    data: {
      agreementId: agreement.id,
      customerId: customer.id,
      customerName: customer.name,
      title: agreement.title,
      serviceTypes: agreement.serviceTypes,
      pricePerDay: agreement.pricePerDay,
      startDate: agreement.startDate,
      endDate: agreement.endDate,
      optionYears: agreement.optionYears,
      recordedBy: actor,
    },
  };
  return commitChanges(ctx, {
    at,
    by: actor,
    idempotencyKey: `recordAgreement:${requestId}`,
    writes: [{ kind: 'agreement', record: agreement, expectedVersion: null }],
    outbox: notificationsFor(event),
    result: { agreement, customerName: customer.name },
  });
}
