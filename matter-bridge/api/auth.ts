import { createHash, timingSafeEqual } from "node:crypto";
import { HttpError } from "./errors.js";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

export interface ThrottleOptions {
  /** Failed authentications from one address within `windowMs` before its failures get 429. */
  maxFailures?: number;
  windowMs?: number;
  /** Addresses remembered at most; beyond that the one whose last failure is oldest is forgotten. */
  maxAddresses?: number;
  /** A monotonic clock in ms (injected by tests). */
  now?: () => number;
}

/** `::ffff:192.0.2.1` (an IPv4 client of a dual-stack listener) is `192.0.2.1`. */
const normalize = (address: string | undefined) => {
  if (!address) return "unknown";
  return address.toLowerCase().startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
};

/**
 * Failed authentications per client address in a rolling window. Memory is bounded: each address
 * keeps at most `maxFailures` timestamps, addresses whose failures have all left the window are
 * dropped as the table is used, and at most `maxAddresses` are kept.
 */
export class AuthThrottle {
  readonly maxFailures: number;
  readonly windowMs: number;
  readonly maxAddresses: number;
  private readonly now: () => number;
  /** Failure times per address, oldest first; Map order is by each address's latest failure. */
  private readonly failures = new Map<string, number[]>();

  constructor({ maxFailures = 10, windowMs = 60_000, maxAddresses = 10_000, now = () => performance.now() }: ThrottleOptions = {}) {
    this.maxFailures = maxFailures;
    this.windowMs = windowMs;
    this.maxAddresses = maxAddresses;
    this.now = now;
  }

  /** Addresses currently remembered. */
  get size(): number {
    return this.failures.size;
  }

  /** Milliseconds until `address` may fail again without a 429; 0 when it is not throttled. */
  lockedForMs(address: string | undefined): number {
    const now = this.now();
    this.prune(now);
    const times = this.recent(normalize(address), now);
    return times && times.length >= this.maxFailures ? times[0] + this.windowMs - now : 0;
  }

  /** Records a failed authentication from `address`. */
  fail(address: string | undefined): void {
    const now = this.now();
    this.prune(now);
    const key = normalize(address);
    const times = this.recent(key, now) ?? [];
    times.push(now);
    if (times.length > this.maxFailures) times.splice(0, times.length - this.maxFailures);
    this.failures.delete(key); // re-inserted last: the table stays ordered by latest failure
    if (this.failures.size >= this.maxAddresses) {
      const oldest = this.failures.keys().next();
      if (!oldest.done) this.failures.delete(oldest.value);
    }
    this.failures.set(key, times);
  }

  /** The address's failures still in the window (the expired ones removed), or undefined. */
  private recent(key: string, now: number): number[] | undefined {
    const times = this.failures.get(key);
    if (!times) return undefined;
    let expired = 0;
    while (expired < times.length && times[expired] <= now - this.windowMs) expired++;
    if (expired === times.length) {
      this.failures.delete(key);
      return undefined;
    }
    if (expired > 0) times.splice(0, expired);
    return times;
  }

  /** Drops addresses whose latest failure has left the window; they come first in the Map. */
  private prune(now: number): void {
    for (const [key, times] of this.failures) {
      if (times[times.length - 1] > now - this.windowMs) return;
      this.failures.delete(key);
    }
  }
}

/**
 * Checks `Authorization: Bearer <token>` ("Bearer" in any case). Both sides are hashed first so
 * timingSafeEqual always compares equal lengths and the comparison time says nothing about the token.
 *
 * The token is checked first: a request with the right token always passes. A wrong token counts
 * as a failure for the client's address (the socket's, never X-Forwarded-For); once an address has
 * `maxFailures` failures in the window, its wrong or missing tokens get 429 TOO_MANY_ATTEMPTS with
 * Retry-After (seconds until its oldest failure leaves the window) instead of 401, and are not
 * counted again. A request without any Authorization header is not counted as a failure.
 */
export function bearerCheck(
  token: string,
  throttle: AuthThrottle = new AuthThrottle(),
): (authorization: string | undefined, address: string | undefined) => void {
  if (!token) throw new Error("the API token must not be empty");
  const expected = digest(token);
  return (authorization, address) => {
    const match = /^Bearer +(\S+) *$/i.exec(authorization ?? "");
    const ok = timingSafeEqual(digest(match?.[1] ?? ""), expected) && match !== null;
    if (ok) return;
    const lockedMs = throttle.lockedForMs(address);
    if (lockedMs > 0) {
      const seconds = Math.max(1, Math.ceil(lockedMs / 1000));
      throw new HttpError(
        429,
        "TOO_MANY_ATTEMPTS",
        `Too many wrong API tokens from this address; try again in ${seconds} s.`,
        { retryAfterSeconds: seconds },
        { "Retry-After": String(seconds) },
      );
    }
    if (authorization) throttle.fail(address);
    throw new HttpError(
      401,
      "UNAUTHORIZED",
      authorization ? "The API token was not accepted." : "Send the API token as Authorization: Bearer <token>.",
      {},
      { "WWW-Authenticate": authorization ? 'Bearer realm="biolight", error="invalid_token"' : 'Bearer realm="biolight"' },
    );
  };
}
