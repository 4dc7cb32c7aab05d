import { tabSettingsSchema, type TabSettings } from '../../../src/api/schemas/settings';

export type { TabSettings };

/** What the server says about how to sign in (GET /api/v1/settings, no identity needed). */
export async function loadTabSettings(): Promise<TabSettings> {
  const response = await fetch('/api/v1/settings', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET /api/v1/settings: HTTP ${response.status}`);
  return tabSettingsSchema.parse(await response.json());
}
