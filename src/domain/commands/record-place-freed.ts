import { z } from 'zod';
import { addYears } from '../dates.js';
import { customerGroup, isoDate, recordId, serviceType, text } from '../records/common.js';
import { optionalFreeText } from '../records/privacy.js';

/**
 * What a home director submits when a place is freed or about to be (the "vapaa paikka" form).
 * `requestId` comes from the form itself, so a double click on Tallenna stores one place.
 * Built per day because "not over a year ahead" depends on today.
 */
export function recordPlaceFreedCommand(today: string) {
  const latest = addYears(today, 1);
  const earliest = addYears(today, -1);
  return z.object({
    requestId: recordId,
    careHomeId: recordId,
    serviceType,
    customerGroup,
    label: text(40),
    freeFrom: isoDate
      .refine((d) => d <= latest, { message: 'place.freeFromTooFar' })
      .refine((d) => d >= earliest, { message: 'place.freeFromTooOld' }),
    note: optionalFreeText(500),
  });
}
export type RecordPlaceFreedCommand = z.infer<ReturnType<typeof recordPlaceFreedCommand>>;
