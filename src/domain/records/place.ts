import { z } from 'zod';
import { actorRef, customerGroup, isoDate, isoDateTime, recordId, recordMeta, serviceType, text, withdrawal } from './common.js';
import { optionalFreeText } from './privacy.js';

/**
 * A resident place in a care home, as the home director keeps it in the occupancy table
 * (käyttöasteseurantataulukko, thesis 6.1). A place record never names the resident: it tracks the
 * place's availability for sale to customers (purchasers), nothing about who lives there (DOMAIN.md, Privacy).
 *
 * Lifecycle: kaytossa (occupied) → vapautuu (freeing, a date ahead) → vapaa (free)
 *            → alustavasti-varattu (preliminarily reserved for a customer) → kaytossa, or back to vapaa.
 */
export const placeStatuses = ['kaytossa', 'vapautuu', 'vapaa', 'alustavasti-varattu'] as const;
export const placeStatus = z.enum(placeStatuses);
export type PlaceStatus = z.infer<typeof placeStatus>;

const placeFields = {
  careHomeId: recordId,
  /** The place or room label used in the home, e.g. "A12" or "Huone 4". */
  label: text(40),
  serviceType,
  customerGroup,
  status: placeStatus,
  /** The day the place is or becomes free; set while freeing, free or reserved. */
  freeFrom: isoDate.optional(),
  note: optionalFreeText(500),
  /** Who recorded the latest status change, and when: the freed-place card shows both. */
  statusChangedBy: actorRef.optional(),
  statusChangedAt: isoDateTime.optional(),
  /**
   * Preliminary reservation: which customer, by whom, when (thesis 6.1). They stay on an occupied
   * place, saying to whom it was sold; recording the place free again clears them.
   */
  reservedForCustomerId: recordId.optional(),
  reservedBy: actorRef.optional(),
  reservedAt: isoDateTime.optional(),
};

export const placeSchema = z.object({ ...recordMeta, ...placeFields, ...withdrawal });
export type Place = z.infer<typeof placeSchema>;
export const placeInputSchema = z.object(placeFields);
