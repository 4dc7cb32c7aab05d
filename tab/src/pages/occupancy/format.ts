import type { PlaceTotals } from '../../../../src/api/schemas/occupancy';
import type { Translate } from '../../i18n/translate';

/** An occupancy rate as a percentage with one decimal ("87,5 %"); a home with no places has none. */
export function rateText(tr: Translate, rate: number | null): string {
  return rate === null ? tr.t('tab.occupancy.noRate') : tr.number(rate, { style: 'percent', maximumFractionDigits: 1 });
}

/** "36 paikkaa: 30 käytössä, 2 vapautuu, …" — the counts behind a rate. */
export function countsText(tr: Translate, totals: PlaceTotals): string {
  return tr.t('tab.occupancy.counts', { places: totals.places, occupied: totals.occupied, freeing: totals.freeing, free: totals.free, reserved: totals.reserved });
}
