import { z } from 'zod';

/**
 * How the tab signs in, from GET /api/v1/settings (asked before any identity exists): local mode uses the identity
 * picker; tenant mode gets a token for the app's API scope through Nested App Authentication.
 */
export const tabSettingsSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('local') }),
  z.object({
    mode: z.literal('tenant'),
    clientId: z.string().min(1),
    tenantId: z.string().min(1),
    /** api://{PUBLIC_HOSTNAME}/{clientId}/access_as_user */
    apiScope: z.string().min(1),
  }),
]);
export type TabSettings = z.infer<typeof tabSettingsSchema>;
