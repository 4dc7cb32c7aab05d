import { z } from 'zod';
import { containsPersonalIdentityCode, guardedString } from '../text/text-guard.js';

/**
 * Building blocks shared by every record schema. A record schema is the single source of truth:
 * storage columns (src/store), card inputs (bot/cards) and API payloads derive from it, so keep
 * every field a plain zod type (string, number, boolean, enum, array of those) that a column can hold.
 */

/** Record ids are UUIDs; a card form carries the id of the record it will create, so a double submit stores one. */
export const recordId = z.uuid();

/** A calendar date, ISO `YYYY-MM-DD` (no time zone: "the place is free from 2026-12-01"). */
export const isoDate = z.iso.date();

/** An instant, ISO 8601 with offset, e.g. `2026-11-22T10:15:00.000Z`. */
export const isoDateTime = z.iso.datetime({ offset: true });

/**
 * A single line typed by a user (a name, a label, a phone number), through the text guard
 * (src/domain/text/text-guard.ts: normalized, no control characters, no identity code), trimmed; `max`
 * keeps it within a SharePoint column. Multi-line text is `freeText` (privacy.ts).
 */
export const text = (max = 255) => guardedString().trim().min(1).max(max);
export const optionalText = (max = 2000) => guardedString().trim().max(max).optional();

/**
 * An e-mail address. Its format already refuses control, zero-width and bidi characters, but
 * `131052-308T@example.fi` is a valid address, so the identity-code check runs on it too.
 */
export const email = z.email().refine((value) => !containsPersonalIdentityCode(value), { message: 'privacy.personalIdentityCode' });

/** Who did something: the Teams user's Entra object id (or Bot Framework id) and display name. */
export const actorRef = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
});
export type ActorRef = z.infer<typeof actorRef>;

/**
 * Fields every stored record carries. `version` is the optimistic-concurrency token: it starts at 1
 * and every accepted update increments it; an update that names an older version is refused.
 */
export const recordMeta = {
  id: recordId,
  version: z.number().int().positive(),
  createdAt: isoDateTime,
  createdBy: z.string().min(1),
  updatedAt: isoDateTime,
} as const;

/**
 * A withdrawn entry (issue 11, `omat` → Peru): kept, with who withdrew it and when, so the audit trail and
 * the SharePoint list still show it, but every view and count leaves it out (the store's narrow queries).
 * Only the entries people record carry it; the input schemas do not, so no form can set it.
 */
export const withdrawal = {
  withdrawnAt: isoDateTime.optional(),
  withdrawnBy: actorRef.optional(),
} as const;

/** The meta fields of a record's first version: its id (the form's request id), who and when. */
export function firstVersion(id: string, actor: ActorRef, at: string) {
  return { id, version: 1, createdAt: at, createdBy: actor.id, updatedAt: at } as const;
}

export const regions = ['etela-suomi', 'lounais-suomi', 'sisa-suomi'] as const;
export const region = z.enum(regions);
export type Region = z.infer<typeof region>;

/**
 * The company's housing services under the Social Welfare Act (sosiaalihuoltolaki 21 §, in force 1.1.2023):
 * ympärivuorokautinen palveluasuminen (24-hour service housing; replaced "tehostettu palveluasuminen"),
 * yhteisöllinen asuminen (communal housing with daytime help; was "palveluasuminen") and lyhytaikainen
 * (tilapäinen) asuminen (short-term; was "lyhytaikainen palveluasuminen", same value). The 2012 values and
 * names still arrive from old sheets and stores: legacy-values.ts maps them where old data enters.
 */
export const serviceTypes = ['ymparivuorokautinen', 'yhteisollinen', 'lyhytaikainen'] as const;
export const serviceType = z.enum(serviceTypes);
export type ServiceType = z.infer<typeof serviceType>;

export const customerGroups = ['ikaantyneet', 'mielenterveys'] as const;
export const customerGroup = z.enum(customerGroups);
export type CustomerGroup = z.infer<typeof customerGroup>;
