import { z } from 'zod';
import { recordId } from '../records/common.js';
import { contactLogEntryFieldsSchema, nextContactNeedsTopic, topicRule } from '../records/contact-log-entry.js';

/** `kirjaa`: a contact log entry as the user submits it; who recorded it is the signed-in user. */
export const logContactCommand = contactLogEntryFieldsSchema
  .omit({ recordedBy: true })
  .extend({ requestId: recordId })
  .refine(nextContactNeedsTopic, topicRule);
export type LogContactCommand = z.infer<typeof logContactCommand>;
