import { z } from 'zod';
import { actorRef, isoDateTime, recordId, recordMeta, withdrawal } from './common.js';
import { freeText, optionalFreeText } from './privacy.js';

/**
 * A development meeting (kehityskokous): yearly per agreement with the customer (purchaser), or the quarterly
 * joint meeting of service production and sales (thesis 6.3). Invites go out as Outlook events.
 */
export const developmentMeetingKinds = ['vuosittainen', 'neljannesvuosittainen'] as const;

const developmentMeetingFields = {
  kind: z.enum(developmentMeetingKinds),
  /** Absent for the quarterly internal meeting. */
  customerId: recordId.optional(),
  careHomeId: recordId.optional(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  participants: freeText(1000),
  memo: optionalFreeText(),
  feedback: optionalFreeText(),
  developmentItems: optionalFreeText(),
  /** The Outlook event id once the invite is sent (Graph /users/{id}/events). */
  calendarEventId: z.string().min(1).optional(),
  recordedBy: actorRef,
};

const endsAfterStart = <T extends { startsAt: string; endsAt: string }>(m: T) => Date.parse(m.endsAt) > Date.parse(m.startsAt);
const endRule = { message: 'meeting.endsBeforeStart', path: ['endsAt'] };
const yearlyNeedsCustomer = <T extends { kind: string; customerId?: string | undefined }>(m: T) => m.kind !== 'vuosittainen' || Boolean(m.customerId);
const customerRule = { message: 'meeting.customerRequired', path: ['customerId'] };

export const developmentMeetingInputSchema = z
  .object(developmentMeetingFields)
  .refine(endsAfterStart, endRule)
  .refine(yearlyNeedsCustomer, customerRule);
export const developmentMeetingSchema = z
  .object({ ...recordMeta, ...developmentMeetingFields, ...withdrawal })
  .refine(endsAfterStart, endRule)
  .refine(yearlyNeedsCustomer, customerRule);
export type DevelopmentMeeting = z.infer<typeof developmentMeetingSchema>;
