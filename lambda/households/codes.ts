/** Link codes: six digits from the CSPRNG, compared in constant time. */
import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import { LinkCodeSchema } from "../../matter-bridge/contract/cloud-link.js";

export const CODE_DIGITS = 6;
/** How long a code may be used after it was spoken. */
export const CODE_LIFETIME_MS = 10 * 60_000;

export const isCodeShaped = (code: string): boolean => LinkCodeSchema.safeParse(code).success;

/** A fresh code, uniformly among 000000–999999. */
export const makeCode = (): string => String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, "0");

/**
 * The code's digest: the table keys codes by it, so a read of the table shows no live code, and
 * the stored and offered codes are compared as equal-length digests with `timingSafeEqual`.
 */
export const codeDigest = (code: string): string => createHash("sha256").update(`biolight-link:${code}`).digest("hex");

export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
