import { createHash } from 'node:crypto';

/**
 * A UUID (version-5 layout) derived from a name, so a demo record (or a card's action) has the same id on every machine and
 * every fresh start: links and tests can name "Koivukoti" without looking its id up.
 */
export function stableIdFor(name: string): string {
  const hex = createHash('sha1').update(`hoivacrm:${name}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
