import { z } from 'zod';

/**
 * The envelope every Action.Submit of ours carries in `data` (Teams merges it with the inputs into the
 * message activity's `value`). Only the envelope is checked here; the use case validates the fields.
 */
export const submitEnvelope = z.looseObject({
  action: z.string().regex(/^[a-zA-Z]+\.[a-zA-Z]+$/),
  requestId: z.uuid(),
});

/**
 * Teams sends an emptied input as "" (and may omit it): both mean "not given". Values are trimmed here
 * once so every use case sees the same shape whether the input came from a card or the tab.
 */
export function formValues(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(value)) {
    if (key === 'action' || key === 'msteams') continue;
    const v = typeof raw === 'string' ? raw.trim() : raw;
    if (v !== '' && v !== undefined && v !== null) out[key] = v;
  }
  return out;
}
