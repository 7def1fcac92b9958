/**
 * The numbers the skill checks spoken requests against and speaks: the bridge's dose limits come
 * from the contract, the skill's own input bounds are defined here, once.
 */
import { DOSE_LIMIT_DEFAULTS } from "../../matter-bridge/contract/dose-defaults.js";
import type { DoseLimits } from "../../matter-bridge/contract/dose-limits.js";

/**
 * The bridge's default dose limits (the contract's schema defaults). A bridge's config may set
 * others; they are only spoken where the bridge's answer does not carry the number itself.
 */
export const DEFAULT_DOSE_LIMITS: DoseLimits = DOSE_LIMIT_DEFAULTS;

/** Longer than any sensible session: a longer spoken length is a mishearing; anything up to it is passed on and the bridge clamps it. */
export const MAX_SPOKEN_SECONDS = 3600;

/** Spoken distances outside this range are mishearings (the bridge accepts more, and counts nearer ones in full). */
export const SPOKEN_DISTANCE_CM = { min: 5, max: 100 } as const;
