import type { Region } from '../../../domain/records/common.js';

/**
 * How much of everything the real-size demo holds at scale 1: the company's size as the issue measured
 * it (44 homes in three regions, 1,600 places, 300 customers, 200,000 contact-log entries over years),
 * and a few hundred of everything else. Other scales multiply every count.
 */
export const SIZES_AT_SCALE_1 = {
  careHomes: 44,
  places: 1_600,
  customers: 300,
  contactLogEntries: 200_000,
  supervisionVisits: 300,
  homeEvents: 250,
  complaints: 400,
  notes: 500,
  developmentMeetings: 300,
} as const;

export type LargeSizes = { -readonly [K in keyof typeof SIZES_AT_SCALE_1]: number };

/** The homes per region at scale 1 (the thesis' three regions, 21/10/12 and the one left over in the south). */
export const REGION_WEIGHTS: readonly (readonly [Region, number])[] = [
  ['etela-suomi', 22],
  ['lounais-suomi', 10],
  ['sisa-suomi', 12],
];

/** Every count at `scale`, at least one of each so a tiny test scale still exercises every kind. */
export function sizesAt(scale: number): LargeSizes {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`the scale must be a positive number, not ${scale}`);
  const sizes = {} as LargeSizes;
  for (const [kind, count] of Object.entries(SIZES_AT_SCALE_1) as [keyof LargeSizes, number][]) {
    sizes[kind] = Math.max(1, Math.round(count * scale));
  }
  return sizes;
}

/** `total` split over weights, largest remainders first, so the parts always add up to the total. */
export function splitByWeight(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; parts.reduce((a, b) => a + b, 0) < total; k++) parts[order[k % order.length]![1]]!++;
  return parts;
}
