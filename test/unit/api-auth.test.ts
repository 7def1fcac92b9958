/**
 * The control API's bearer check and its per-address throttle of wrong tokens, with an injected
 * clock and injected client addresses; and the minimum length of BRIDGE_API_TOKEN.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { AuthThrottle, bearerCheck } from "../../matter-bridge/api/auth.js";
import { HttpError } from "../../matter-bridge/api/errors.js";
import { loadOrCreateToken } from "../../matter-bridge/api/token.js";
import { ConfigError } from "../../matter-bridge/config/load.js";
import { API_TOKEN_FILE } from "../../matter-bridge/contract/storage.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const TOKEN = "unit-test-token-0123456789abcdefghij";
const RIGHT = `Bearer ${TOKEN}`;
const WRONG = "Bearer not-the-token-0123456789abcdefgh";
const A = "192.0.2.10";
const B = "192.0.2.11";

/** A check with a hand-driven clock (ms). */
function setup(opts: ConstructorParameters<typeof AuthThrottle>[0] = {}) {
  const clock = { ms: 1_000_000 };
  const throttle = new AuthThrottle({ now: () => clock.ms, ...opts });
  const check = bearerCheck(TOKEN, throttle);
  /** What the API would answer: 200, or the HttpError's status, code, details and headers. `address: null`: no address. */
  const answer = (authorization: string | undefined, address: string | null = A) => {
    try {
      check(authorization, address ?? undefined);
      return { status: 200 };
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      return { status: err.status, code: err.code, message: err.message, details: err.details, headers: err.headers };
    }
  };
  const statuses = (n: number, authorization: string | undefined, address: string | null = A) =>
    Array.from({ length: n }, () => answer(authorization, address).status);
  return { clock, throttle, answer, statuses };
}

describe("bearer check", () => {
  it("accepts the right token with the scheme in any case, and rejects anything else with 401", () => {
    const { answer } = setup();
    for (const scheme of ["Bearer", "bearer", "BEARER", "bEaReR"]) expect(answer(`${scheme} ${TOKEN}`).status).toBe(200);
    expect(answer(`Bearer   ${TOKEN}  `).status).toBe(200);
    expect(answer(TOKEN)).toMatchObject({ status: 401, code: "UNAUTHORIZED" });
    expect(answer(`Basic ${TOKEN}`)).toMatchObject({ status: 401, code: "UNAUTHORIZED" });
    expect(answer(`Bearer ${TOKEN}x`)).toMatchObject({
      status: 401,
      headers: { "WWW-Authenticate": expect.stringContaining("invalid_token") },
    });
    expect(answer(undefined)).toMatchObject({ status: 401, headers: { "WWW-Authenticate": 'Bearer realm="biolight"' } });
  });
});

describe("throttle of wrong tokens", () => {
  it("answers 10 wrong tokens with 401, then 429 TOO_MANY_ATTEMPTS with Retry-After", () => {
    const { clock, answer, statuses } = setup();
    expect(statuses(10, WRONG)).toEqual(Array(10).fill(401));
    clock.ms += 15_000;
    const refused = answer(WRONG);
    expect(refused).toEqual({
      status: 429,
      code: "TOO_MANY_ATTEMPTS",
      message: expect.stringContaining("45"),
      details: { retryAfterSeconds: 45 },
      headers: { "Retry-After": "45" },
    });
    // A missing token is refused the same way while the address is throttled.
    expect(answer(undefined)).toMatchObject({ status: 429, headers: { "Retry-After": "45" } });
    expect(answer("Basic abc")).toMatchObject({ status: 429 });
  });

  it("never locks out the right token", () => {
    const { answer, statuses } = setup();
    expect(statuses(10, WRONG)).toEqual(Array(10).fill(401));
    expect(answer(WRONG).status).toBe(429);
    expect(answer(RIGHT).status).toBe(200);
    expect(answer(`bearer ${TOKEN}`).status).toBe(200);
    // ...and a success does not lift the throttle for the wrong ones.
    expect(answer(WRONG).status).toBe(429);
  });

  it("counts per address: another address is unaffected", () => {
    const { answer, statuses } = setup();
    expect(statuses(10, WRONG, A)).toEqual(Array(10).fill(401));
    expect(answer(WRONG, A).status).toBe(429);
    expect(statuses(10, WRONG, B)).toEqual(Array(10).fill(401));
    expect(answer(WRONG, B).status).toBe(429);
    expect(answer(WRONG, "2001:db8::1").status).toBe(401);
  });

  it("treats an IPv4 client of a dual-stack listener (::ffff:a.b.c.d) as that IPv4 address", () => {
    const { answer, statuses } = setup();
    expect(statuses(5, WRONG, "127.0.0.1")).toEqual(Array(5).fill(401));
    expect(statuses(5, WRONG, "::ffff:127.0.0.1")).toEqual(Array(5).fill(401));
    expect(answer(WRONG, "127.0.0.1").status).toBe(429);
    expect(answer(WRONG, "::ffff:127.0.0.1").status).toBe(429);
    expect(answer(WRONG, "::1").status).toBe(401);
  });

  it("is a rolling minute: Retry-After counts down to the oldest failure leaving it", () => {
    const { clock, answer, statuses } = setup();
    // One failure a second from t=0 to t=9 s.
    const start = clock.ms;
    for (let i = 0; i < 10; i++) {
      clock.ms = start + i * 1000;
      expect(answer(WRONG).status).toBe(401);
    }
    clock.ms = start + 30_000;
    expect(answer(WRONG).headers).toEqual({ "Retry-After": "30" });
    clock.ms = start + 59_999.5; // rounds up, never to 0
    expect(answer(WRONG)).toMatchObject({ status: 429, details: { retryAfterSeconds: 1 } });
    // t=60 s: the failure from t=0 has left the minute, so one more attempt is judged (and counted).
    clock.ms = start + 60_000;
    expect(answer(WRONG).status).toBe(401);
    // Now the oldest is the one from t=1 s: 1 s to wait.
    expect(answer(WRONG)).toMatchObject({ status: 429, details: { retryAfterSeconds: 1 }, headers: { "Retry-After": "1" } });
    clock.ms = start + 61_000;
    expect(answer(WRONG).status).toBe(401);
    // Long after: everything has left the window, ten fresh attempts are judged again.
    clock.ms = start + 10 * 60_000;
    expect(statuses(10, WRONG)).toEqual(Array(10).fill(401));
    expect(answer(WRONG).status).toBe(429);
  });

  it("does not count refused (429) requests, so hammering does not extend the wait", () => {
    const { clock, answer, statuses } = setup();
    const start = clock.ms;
    expect(statuses(10, WRONG)).toEqual(Array(10).fill(401));
    clock.ms = start + 30_000;
    expect(statuses(100, WRONG)).toEqual(Array(100).fill(429));
    clock.ms = start + 60_000;
    expect(statuses(10, WRONG)).toEqual(Array(10).fill(401));
    expect(answer(WRONG)).toMatchObject({ status: 429, details: { retryAfterSeconds: 60 } });
  });

  it("does not count requests without an Authorization header", () => {
    const { answer, statuses } = setup();
    expect(statuses(50, undefined)).toEqual(Array(50).fill(401));
    expect(statuses(10, WRONG)).toEqual(Array(10).fill(401));
    expect(answer(WRONG).status).toBe(429);
  });

  it("counts requests without a socket address together", () => {
    const { answer, statuses } = setup();
    expect(statuses(10, WRONG, null)).toEqual(Array(10).fill(401));
    expect(answer(WRONG, null).status).toBe(429);
    expect(answer(WRONG, A).status).toBe(401);
  });
});

describe("throttle memory", () => {
  it("forgets addresses whose failures have all left the window", () => {
    const { clock, throttle, statuses } = setup();
    for (let i = 0; i < 100; i++) statuses(3, WRONG, `198.51.100.${i}`);
    expect(throttle.size).toBe(100);
    clock.ms += 30_000;
    statuses(1, WRONG, A);
    expect(throttle.size).toBe(101);
    clock.ms += 30_000; // the first 100 are a minute old, A is 30 s old
    expect(throttle.lockedForMs(B)).toBe(0);
    expect(throttle.size).toBe(1);
    clock.ms += 30_000;
    throttle.fail(B);
    expect(throttle.size).toBe(1);
  });

  it("keeps at most maxAddresses, dropping the one whose last failure is oldest", () => {
    const { clock, throttle, answer, statuses } = setup({ maxAddresses: 3, maxFailures: 2 });
    statuses(2, WRONG, "10.0.0.1");
    clock.ms += 1;
    statuses(2, WRONG, "10.0.0.2");
    clock.ms += 1;
    statuses(2, WRONG, "10.0.0.3");
    clock.ms += 1;
    statuses(1, WRONG, "10.0.0.1"); // refused (429), not counted: 10.0.0.1 stays the oldest
    expect(answer(WRONG, "10.0.0.1").status).toBe(429);
    statuses(2, WRONG, "10.0.0.4"); // a fourth address: 10.0.0.1, the oldest, is dropped
    expect(throttle.size).toBe(3);
    expect(answer(WRONG, "10.0.0.1").status).toBe(401); // forgotten, so judged and counted again
    expect(throttle.size).toBe(3);
    expect(answer(WRONG, "10.0.0.2").status).toBe(401); // 10.0.0.2 was dropped to make room for it
    expect(answer(WRONG, "10.0.0.4").status).toBe(429);
  });

  it("stays at 10 000 addresses by default, however many there are", () => {
    const { throttle } = setup();
    for (let i = 0; i < 25_000; i++) throttle.fail(`2001:db8::${i.toString(16)}`);
    expect(throttle.size).toBe(10_000);
  });
});

describe("BRIDGE_API_TOKEN length", () => {
  const dir = "/nonexistent/biolight-token-test"; // an env token never touches the storage dir

  it("refuses a token shorter than 24 characters with a ConfigError saying how to make one", async () => {
    const refused = loadOrCreateToken(dir, { BRIDGE_API_TOKEN: "short-secret" });
    await expect(refused).rejects.toBeInstanceOf(ConfigError);
    await expect(refused).rejects.toThrow("BRIDGE_API_TOKEN is 12 characters; use at least 24 (e.g. `openssl rand -base64 32`)");
    await expect(loadOrCreateToken(dir, { BRIDGE_API_TOKEN: "x".repeat(23) })).rejects.toThrow("is 23 characters; use at least 24");
    // Surrounding whitespace is not part of the token.
    await expect(loadOrCreateToken(dir, { BRIDGE_API_TOKEN: `  ${"x".repeat(23)}\n` })).rejects.toThrow("is 23 characters");
  });

  it("accepts 24 characters and more", async () => {
    const t24 = "abcdefghijklmnopqrstuvwx";
    expect(await loadOrCreateToken(dir, { BRIDGE_API_TOKEN: t24 })).toMatchObject({ token: t24, source: "env" });
    const generated = "q3Jd9m1Zb0xYt7Lk2Vw8Rf4Hc6Ns5Pa0Ee1Gi2Uo3Yy4="; // `openssl rand -base64 32`
    expect(await loadOrCreateToken(dir, { BRIDGE_API_TOKEN: generated })).toMatchObject({ token: generated, source: "env" });
  });
});

describe("the token file's length", () => {
  const tempDir = tempDirs("biolight-token-");

  it("refuses a hand-written token file shorter than 24 characters, naming the file, and leaves it as it is", async () => {
    const dir = await tempDir();
    const file = join(dir, API_TOKEN_FILE);
    await writeFile(file, "hunter2-but-longer\n", { mode: 0o600 });
    const refused = loadOrCreateToken(dir, {});
    await expect(refused).rejects.toBeInstanceOf(ConfigError);
    await expect(refused).rejects.toThrow(`The API token in ${file} is 18 characters; use at least 24`);
    expect(await readFile(file, "utf8")).toBe("hunter2-but-longer\n");

    await writeFile(file, `${"y".repeat(24)}\n`);
    expect(await loadOrCreateToken(dir, {})).toMatchObject({ token: "y".repeat(24), source: "file" });
  });
});
