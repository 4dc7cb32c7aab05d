import { z } from 'zod';

/**
 * Every refusal of the tab's API is one typed body (issue 13): a stable `code` the page branches on, a
 * `message` in the caller's language (Accept-Language), and for a bad request the message of each field.
 */
export const apiErrorCodes = ['unauthorized', 'notInPeopleList', 'forbidden', 'invalid', 'notFound', 'conflict', 'internal'] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(apiErrorCodes),
    message: z.string().min(1),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    /** A 409: who changed the record first, when, and what it is now. */
    changedFirst: z.object({ by: z.string(), at: z.string(), label: z.string(), status: z.string() }).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
