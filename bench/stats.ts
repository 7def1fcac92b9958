export const median = (xs: number[]): number => percentile(xs, 50);

export function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return round(sorted[i]);
}

export const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Microseconds per call, one sample per call, after a short warm-up. */
export function timeIt(calls: number, fn: () => unknown): number[] {
  for (let i = 0; i < Math.min(100, calls); i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    fn();
    samples.push((performance.now() - t0) * 1000);
  }
  return samples;
}

export function printTable(title: string, values: Record<string, number>): void {
  console.log(`\n## ${title}`);
  for (const [k, v] of Object.entries(values)) console.log(`${k.padEnd(48)} ${round(v)}`);
}
