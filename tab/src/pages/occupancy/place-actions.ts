import type { z } from 'zod';
import type { ApiPlace, placesSchema } from '../../../../src/api/schemas/places';

export type PlaceAction = 'freeing' | 'free' | 'reserve' | 'sell' | 'release';
export type HomePermissions = z.infer<typeof placesSchema>['may'];

/**
 * The changes a place offers in its status on today, as the bot's cards and forms offer them (place-lifecycle.ts):
 * an occupied place can be recorded freeing or free; a freeing one free (or its date moved) or reserved; a free
 * one reserved (or recorded freeing after all); a reserved one sold or released. Each is shown only when the
 * person's role covers this home (`may`, from the same `allows` the use cases decide by); the server still decides.
 */
export function actionsFor(place: ApiPlace, may: HomePermissions): PlaceAction[] {
  switch (place.effectiveStatus) {
    case 'kaytossa':
      // Recording an occupied place free ends a stay: it also takes the right to settle (record-place-freed.ts).
      return may.record && may.settle ? ['freeing', 'free'] : [];
    case 'vapautuu':
      return [...(may.record ? (['freeing', 'free'] as const) : []), ...(may.reserve ? (['reserve'] as const) : [])];
    case 'vapaa':
      return [...(may.reserve ? (['reserve'] as const) : []), ...(may.record ? (['freeing'] as const) : [])];
    case 'alustavasti-varattu':
      return may.settle ? ['sell', 'release'] : [];
  }
}
