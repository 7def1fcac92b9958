/** The link's reconnect schedule: 1 s doubling to 2 min, each wait spread ±25%, never above 2 min. */
import { describe, expect, it } from "@jest/globals";
import { backoffDelay, LINK_BACKOFF } from "../../matter-bridge/cloud/backoff.js";

describe("cloud link backoff", () => {
  it("doubles from 1 s to 2 min with the random spread in the middle", () => {
    const middle = () => 0.5;
    expect(Array.from({ length: 10 }, (_, n) => backoffDelay(n, middle))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 120_000, 120_000, 120_000,
    ]);
    expect(LINK_BACKOFF).toEqual({ firstMs: 1000, maxMs: 120_000 });
  });

  it("spreads each wait by ±25% and never waits more than 2 min, however many attempts failed", () => {
    expect(backoffDelay(0, () => 0)).toBe(750);
    expect(backoffDelay(0, () => 0.999_999)).toBe(1250);
    expect(backoffDelay(3, () => 0)).toBe(6000);
    expect(backoffDelay(7, () => 0)).toBe(90_000);
    expect(backoffDelay(7, () => 0.999_999)).toBe(120_000);
    expect(backoffDelay(10_000, () => 0.999_999)).toBe(120_000);
  });
});
