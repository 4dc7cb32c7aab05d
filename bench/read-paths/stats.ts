/** Median and tail percentiles of a sample (nearest rank), and the few formats the tables use. */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  p99: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { n: sorted.length, median: at(0.5), p95: at(0.95), p99: at(0.99) };
}

export function ms(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`;
}

export function kb(bytes: number | undefined): string {
  return bytes === undefined ? '–' : `${(bytes / 1024).toFixed(1)} KB`;
}

export function ratio(small: number | undefined, large: number | undefined): string {
  return small && large ? `${(large / small).toFixed(1)}×` : '–';
}
