/**
 * Irradiance at a distance from the panel's measured table (mW/cm² by cm).
 * Between measured points: linear interpolation, which over-estimates a convex fall-off and so
 * errs toward less light time. Outside the table: the power law of the nearest segment.
 */
export function irradianceAt(table: Record<string, number>, distanceCm: number): number {
  const points = Object.entries(table)
    .map(([d, mw]) => ({ d: Number(d), mw }))
    .sort((a, b) => a.d - b.d);
  if (points.length === 1) return points[0].mw * (points[0].d / distanceCm) ** 1.3;
  const hit = points.find((p) => p.d === distanceCm);
  if (hit) return hit.mw;
  const first = points[0];
  const last = points[points.length - 1];
  if (distanceCm < first.d) return powerLaw(first, points[1], distanceCm);
  if (distanceCm > last.d) return powerLaw(points[points.length - 2], last, distanceCm);
  const upper = points.findIndex((p) => p.d > distanceCm);
  const a = points[upper - 1];
  const b = points[upper];
  return a.mw + ((b.mw - a.mw) * (distanceCm - a.d)) / (b.d - a.d);
}

function powerLaw(a: { d: number; mw: number }, b: { d: number; mw: number }, distanceCm: number): number {
  // A flat or rising segment gives no fall-off information: assume the usual d^-1.3.
  const exponent = b.mw < a.mw ? Math.log(a.mw / b.mw) / Math.log(b.d / a.d) : 1.3;
  const anchor = distanceCm < a.d ? a : b;
  return anchor.mw * (anchor.d / distanceCm) ** exponent;
}

/** J/cm² delivered by `seconds` at `mwPerCm2`. */
export const fluenceOf = (mwPerCm2: number, seconds: number): number => (mwPerCm2 * seconds) / 1000;
