import { z } from 'zod';
import { actorRef, isoDate, recordId, recordMeta, withdrawal } from './common.js';
import { freeText, optionalFreeText } from './privacy.js';

/**
 * A contact log entry (kirjaus): who met the customer, what was said, what was agreed, and the date and
 * topic of the next contact (thesis 6.2, last paragraph), which becomes a reminder.
 */
export const contactTypes = ['puhelu', 'tapaaminen', 'sahkoposti', 'hintaneuvottelu', 'optioneuvottelu', 'asiakastilaisuus', 'muu'] as const;

const contactLogEntryFields = {
  customerId: recordId,
  date: isoDate,
  type: z.enum(contactTypes),
  matter: freeText(),
  agreedActions: optionalFreeText(),
  nextContactDate: isoDate.optional(),
  nextContactTopic: optionalFreeText(500),
  recordedBy: actorRef,
};

export const nextContactNeedsTopic = <T extends { nextContactDate?: string | undefined; nextContactTopic?: string | undefined }>(e: T) =>
  !e.nextContactDate || Boolean(e.nextContactTopic);
export const topicRule = { message: 'contactLog.nextContactTopicRequired', path: ['nextContactTopic'] };

/** The fields without cross-field rules, for deriving commands (zod cannot omit from a refined object). */
export const contactLogEntryFieldsSchema = z.object(contactLogEntryFields);
export const contactLogEntryInputSchema = contactLogEntryFieldsSchema.refine(nextContactNeedsTopic, topicRule);
export const contactLogEntrySchema = z.object({ ...recordMeta, ...contactLogEntryFields, ...withdrawal }).refine(nextContactNeedsTopic, topicRule);
export type ContactLogEntry = z.infer<typeof contactLogEntrySchema>;
