/**
 * The bridge's questions to the cloud's link function (cloud/household.ts) with a publish that the
 * broker never acknowledges (a stalled broker keeps the connection open but sends no PUBACK): the
 * answer's 10 s time limit and the link's close bound the whole question, its sending included, so
 * the owner's `POST /v1/alexa/link` gets its 503 CLOUD_UNAVAILABLE in time.
 */
import { describe, expect, it } from "@jest/globals";
import { HouseholdAsker } from "../../matter-bridge/cloud/household.js";
import { CloudUnavailableError } from "../../matter-bridge/contract/cloud-link.js";
import { FakeClock } from "../helpers/fake-clock.js";

/** A QoS 1 publish the broker never acknowledges. */
const stalled = () => new Promise<void>(() => {});

/** How `p` stands once the promises already due have run: its answer, its error, or "still waiting". */
const settledNow = (p: Promise<unknown>) =>
  Promise.race([
    p.then(
      () => "answered",
      (err: Error) => err,
    ),
    new Promise((r) => setImmediate(() => r("still waiting"))),
  ]);

describe("HouseholdAsker", () => {
  it("closing the link answers a question whose publish is still unacknowledged at once, with CloudUnavailableError", async () => {
    const clock = new FakeClock(Date.now());
    const asker = new HouseholdAsker("home-1", clock);
    const asked = asker.ask(stalled, { op: "accounts" });
    asked.catch(() => {});
    asker.closeAll();
    const settled = await settledNow(asked);
    expect(settled).toBeInstanceOf(CloudUnavailableError);
    expect((settled as Error).message).toMatch(/cloud link closed before the cloud answered/);
    expect(clock.pending).toBe(0);
  });

  it("the 10 s answer time limit covers a publish that is never acknowledged", async () => {
    const clock = new FakeClock(Date.now());
    const asker = new HouseholdAsker("home-1", clock);
    const asked = asker.ask(stalled, { op: "accounts" });
    asked.catch(() => {});
    clock.advance(9999);
    expect(await settledNow(asked)).toBe("still waiting");
    clock.advance(1);
    const settled = await settledNow(asked);
    expect(settled).toBeInstanceOf(CloudUnavailableError);
    expect((settled as Error).message).toMatch(/did not answer within 10 s/);
  });

  it("a publish that fails answers the question with CloudUnavailableError naming why, and leaves no timer", async () => {
    const clock = new FakeClock(Date.now());
    const asker = new HouseholdAsker("home-1", clock);
    const asked = asker.ask(() => Promise.reject(new Error("client disconnecting")), { op: "accounts" });
    const settled = await settledNow(asked);
    expect(settled).toBeInstanceOf(CloudUnavailableError);
    expect((settled as Error).message).toBe("The question could not be sent to the cloud: client disconnecting");
    expect(clock.pending).toBe(0);
  });

  it("an answer on the response topic settles the question it names by correlation data", async () => {
    const clock = new FakeClock(Date.now());
    const asker = new HouseholdAsker("home-1", clock);
    let correlation: Buffer | undefined;
    const asked = asker.ask(
      async (_topic, _payload, correlationData) => {
        correlation = correlationData;
      },
      { op: "accounts" },
    );
    await settledNow(asked);
    const answer = { id: null, ok: true, accounts: [{ linkedAt: "2026-01-01T00:00:00.000Z" }] };
    asker.onAnswer(Buffer.from(JSON.stringify(answer)), correlation);
    expect(await asked).toEqual(answer);
    expect(clock.pending).toBe(0);
  });
});
