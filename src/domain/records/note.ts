import { z } from 'zod';
import { actorRef, recordId, recordMeta, withdrawal } from './common.js';
import { freeText } from './privacy.js';

/**
 * Information one side of the house learned that the other needs (thesis 6.1, 6.3: "sales learned
 * something production needs", and the other way). The direction follows the recorder's role: a note
 * from sales goes to management (production), a note from production goes to the sales channel.
 */
export const noteDirections = ['myynnista-tuotantoon', 'tuotannosta-myyntiin'] as const;
export type NoteDirection = (typeof noteDirections)[number];

const noteFields = {
  customerId: recordId,
  careHomeId: recordId.optional(),
  matter: freeText(),
  specialMention: z.boolean(),
  direction: z.enum(noteDirections),
  recordedBy: actorRef,
};

export const noteInputSchema = z.object(noteFields);
export const noteSchema = z.object({ ...recordMeta, ...noteFields, ...withdrawal });
export type Note = z.infer<typeof noteSchema>;
