import { z } from 'zod';

/**
 * The attendees a form sends: the chosen people (a multi-select's comma-separated e-mails) and a free text of
 * extra addresses, one per line or separated by commas or semicolons, each either `maija@hyvaep.fi` or
 * `Maija Mallikas <maija@hyvaep.fi>`. External addresses are allowed (the county's officials).
 */
export interface ParsedAttendee {
  email: string;
  name?: string | undefined;
}

const emailFormat = z.email();

/** Splits the text into attendees; `invalid` holds the pieces that are not an e-mail address, as typed. */
export function parseAttendees(textValue: string | undefined): { attendees: ParsedAttendee[]; invalid: string[] } {
  const attendees: ParsedAttendee[] = [];
  const invalid: string[] = [];
  for (const raw of (textValue ?? '').split(/[,;\n\r]+/)) {
    const piece = raw.trim();
    if (!piece) continue;
    const named = /^(.*?)\s*<([^<>]+)>$/.exec(piece);
    const address = (named ? named[2]! : piece).trim().toLowerCase();
    const name = named?.[1]?.trim().replace(/^"|"$/g, '') || undefined;
    if (!emailFormat.safeParse(address).success) invalid.push(piece);
    else attendees.push({ email: address, ...(name ? { name } : {}) });
  }
  return { attendees, invalid };
}

/** The same address once (case-insensitive), the first name given for it kept. */
export function uniqueAttendees(list: readonly ParsedAttendee[]): ParsedAttendee[] {
  const seen = new Map<string, ParsedAttendee>();
  for (const a of list) {
    const key = a.email.toLowerCase();
    const known = seen.get(key);
    if (!known) seen.set(key, a);
    else if (!known.name && a.name) seen.set(key, { ...known, name: a.name });
  }
  return [...seen.values()];
}
