/** Latency summary of one measured run, in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Returns the value below which `fraction` of the sorted samples fall (nearest-rank). */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    max: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1],
  };
}

/** Median and 99th percentile of one figure across the repeated runs of a scenario. */
export interface AcrossRuns {
  runs: number[];
  median: number;
  p99: number;
}

export function acrossRuns(values: readonly number[]): AcrossRuns {
  const sorted = [...values].sort((a, b) => a - b);
  return { runs: [...values], median: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

/** Milliseconds since an arbitrary origin, with sub-millisecond resolution. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Wall-clock milliseconds since the epoch with sub-millisecond resolution, comparable with timestamps other processes write. */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}
