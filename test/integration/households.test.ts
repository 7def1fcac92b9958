/**
 * Link codes and bindings (lambda/households) against a real DynamoDB API: "moto_server" on a free
 * port, the AWS SDK v3 as in Lambda. Time is a fake clock handed to the store.
 */
import { DynamoDBClient, ScanCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { CODE_LIFETIME_MS } from "../../lambda/households/codes.js";
import { HouseholdStore, MAX_WRONG_CODES_PER_HOUR } from "../../lambda/households/store.js";
import { FakeClock } from "../helpers/fake-clock.js";
import { createHouseholdTable, type Moto, startMoto } from "../helpers/moto.js";

let moto: Moto;
let tables = 0;
const stores: HouseholdStore[] = [];
beforeAll(async () => {
  moto = await startMoto();
}, 40_000);
afterAll(async () => {
  for (const s of stores) s.destroy();
  await moto?.close();
});

/** A store on a table of its own, with its own clock. */
async function fresh() {
  const clock = new FakeClock(Date.parse("2026-03-01T10:00:00Z"));
  const table = `households-${++tables}`;
  await createHouseholdTable(moto, table);
  const store = new HouseholdStore({ table, now: () => clock.now(), dynamo: moto.aws });
  stores.push(store);
  return { clock, store, table };
}

const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("link codes", () => {
  it("are 6 digits, valid 10 minutes, kept with a TTL and by digest only (the table never shows a live code)", async () => {
    const { clock, store, table } = await fresh();
    const { code, expiresAt } = await store.issueCode("user-a");
    expect(code).toMatch(/^\d{6}$/);
    expect(expiresAt).toBe(clock.now() + CODE_LIFETIME_MS);
    const client = new DynamoDBClient(moto.aws);
    const { Items = [] } = await client.send(new ScanCommand({ TableName: table }));
    client.destroy();
    expect(Items).toHaveLength(1);
    expect(Number(Items[0].ttl.N)).toBe(Math.ceil(expiresAt / 1000));
    expect(JSON.stringify(Items)).not.toContain(code);
  });

  it("binds the code's user to the thing that sent it, once", async () => {
    const { store } = await fresh();
    const { code } = await store.issueCode("user-a");
    await expect(store.redeem(code, "home-1")).resolves.toEqual({ ok: true, userId: "user-a" });
    expect(await store.accounts("home-1")).toHaveLength(1);
    expect(await store.thingOf("user-a")).toBe("home-1");
    await expect(store.redeem(code, "home-1")).resolves.toEqual({ ok: false, reason: "reused" });
    await expect(store.redeem(code, "home-2")).resolves.toEqual({ ok: false, reason: "reused" });
    expect(await store.thingOf("user-a")).toBe("home-1");
  });

  it("refuses a code past its 10 minutes as expired, and a code nobody was given as wrong", async () => {
    const { clock, store } = await fresh();
    const { code } = await store.issueCode("user-a");
    clock.advance(CODE_LIFETIME_MS + 1);
    await expect(store.redeem(code, "home-1")).resolves.toEqual({ ok: false, reason: "expired" });
    const fresh2 = await store.issueCode("user-b");
    await expect(store.redeem(otherCode(fresh2.code), "home-1")).resolves.toEqual({ ok: false, reason: "wrong" });
    await expect(store.redeem("12a456", "home-1")).resolves.toEqual({ ok: false, reason: "wrong" });
    expect(await store.thingOf("user-a")).toBeUndefined();
    expect(await store.thingOf("user-b")).toBeUndefined();
  });

  it("one code sent by two things at once links to exactly one of them", async () => {
    const { store } = await fresh();
    const { code } = await store.issueCode("user-a");
    const results = await Promise.all([store.redeem(code, "home-1"), store.redeem(code, "home-2")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "reused" }]);
  });
});

describe("at most 5 refused codes per thing per hour", () => {
  it("then refuses even a good code from that thing, tells when to try again, and leaves other things alone", async () => {
    const { clock, store } = await fresh();
    for (let i = 0; i < MAX_WRONG_CODES_PER_HOUR; i++) {
      await expect(store.redeem("000000", "home-1")).resolves.toMatchObject({ reason: "wrong" });
      clock.advance(60_000);
    }
    const { code } = await store.issueCode("user-a");
    await expect(store.redeem(code, "home-1")).resolves.toEqual({ ok: false, reason: "rate-limited", retryAfterSeconds: 3600 - 5 * 60 });
    expect(await store.thingOf("user-a")).toBeUndefined();
    const other = await store.issueCode("user-b");
    await expect(store.redeem(other.code, "home-2")).resolves.toMatchObject({ ok: true });
    // An hour after the first refusal, one more code may be tried.
    clock.advance(3600_000 - 5 * 60_000 + 1);
    const later = await store.issueCode("user-a");
    await expect(store.redeem(later.code, "home-1")).resolves.toMatchObject({ ok: true, userId: "user-a" });
    await expect(store.redeem("000000", "home-1")).resolves.toMatchObject({ reason: "wrong" });
    await expect(store.redeem("000001", "home-1")).resolves.toMatchObject({ reason: "rate-limited" });
  });

  it("counts codes sent at once before any is checked: 20 at once, 5 looked at", async () => {
    const { store } = await fresh();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.redeem(String(i).padStart(6, "0"), "home-1")));
    expect(results.filter((r) => !r.ok && r.reason === "wrong")).toHaveLength(MAX_WRONG_CODES_PER_HOUR);
    expect(results.filter((r) => !r.ok && r.reason === "rate-limited")).toHaveLength(20 - MAX_WRONG_CODES_PER_HOUR);
  });

  it("good codes do not count: a household links 8 accounts in a row", async () => {
    const { store } = await fresh();
    for (let i = 1; i <= 8; i++) {
      const { code } = await store.issueCode(`user-${i}`);
      await expect(store.redeem(code, "home-1")).resolves.toEqual({ ok: true, userId: `user-${i}` });
      expect(await store.accounts("home-1")).toHaveLength(i);
    }
  });
});

describe("bindings", () => {
  it("list a thing's accounts with when, unlink one, move one, unlink all", async () => {
    const { clock, store } = await fresh();
    await store.bind("user-a", "home-1");
    clock.advance(1000);
    await store.bind("user-b", "home-1");
    await store.bind("user-c", "home-2");
    expect(await store.accounts("home-1")).toEqual([{ linkedAt: "2026-03-01T10:00:00.000Z" }, { linkedAt: "2026-03-01T10:00:01.000Z" }]);
    expect(await store.unlinkUser("user-a")).toBe("home-1");
    expect(await store.unlinkUser("user-a")).toBeUndefined();
    expect(await store.thingOf("user-a")).toBeUndefined();
    expect(await store.accounts("home-1")).toHaveLength(1);
    // Linking to another household moves the account: it is listed there only.
    await store.bind("user-b", "home-2");
    expect(await store.accounts("home-1")).toEqual([]);
    expect(await store.accounts("home-2")).toHaveLength(2);
    expect(await store.unlinkAll("home-2")).toBe(2);
    expect(await store.thingOf("user-b")).toBeUndefined();
    expect(await store.thingOf("user-c")).toBeUndefined();
    expect(await store.accounts("home-2")).toEqual([]);
  });
});
