/**
 * The ledger backlog: a change that must not be lost is retried on the bridge's clock until it is on
 * disk, in order; `landed` tells when it is there (or that it was given up at shutdown).
 */
import { describe, expect, it } from "@jest/globals";
import { LedgerBacklog } from "../../matter-bridge/sessions/ledger-backlog.js";
import { T0 } from "../helpers/dose-fixtures.js";
import { FakeClock } from "../helpers/fake-clock.js";
import { diskFullError } from "../helpers/full-disk.js";
import { nextTurn } from "../helpers/until.js";

function backlogOn(clock: FakeClock) {
  const logs: string[] = [];
  return { backlog: new LedgerBacklog({ retryMs: 1000, log: (m) => logs.push(m), clock }), logs };
}

/** A write that fails `times` times (a full disk), then lands. */
function failing(times: number) {
  const op = Object.assign(
    async () => {
      op.attempts++;
      if (op.attempts <= times) throw diskFullError();
    },
    { attempts: 0 },
  );
  return op;
}

describe("ledger backlog", () => {
  it("retries a failed write on the bridge's clock, waiting twice as long each time up to 10 s; `landed` once it is on disk", async () => {
    const clock = new FakeClock(T0);
    const { backlog, logs } = backlogOn(clock);
    const op = failing(5);
    const write = backlog.run("record the end of session abc", op);
    let landed: boolean | undefined;
    void write.landed.then((v) => {
      landed = v;
    });
    await write; // the first attempt is over
    expect(op.attempts).toBe(1);
    expect(backlog.problem()).toMatch(/could not record the end of session abc \(.*ENOSPC.*\).*keeps retrying.*Free some disk space/s);
    for (const delay of [1000, 2000, 4000, 8000, 10_000]) {
      const before = op.attempts;
      clock.advance(delay - 1);
      await nextTurn();
      expect(op.attempts).toBe(before);
      clock.advance(1);
      await nextTurn();
      expect(op.attempts).toBe(before + 1);
    }
    expect(landed).toBe(true);
    expect(backlog.problem()).toBeUndefined();
    expect(logs.at(-1)).toBe("The dose ledger can be written again: sessions can start.");
    expect(clock.pending).toBe(0);
  });

  it("lands changes in the order they came: a later one waits behind an earlier one that fails", async () => {
    const clock = new FakeClock(T0);
    const { backlog } = backlogOn(clock);
    const first = failing(1);
    const second = failing(0);
    const order: string[] = [];
    const a = backlog.run("record a", first);
    const b = backlog.run("record b", second);
    void a.landed.then(() => order.push("a"));
    void b.landed.then(() => order.push("b"));
    await Promise.all([a, b]);
    expect([first.attempts, second.attempts]).toEqual([1, 0]);
    clock.advance(1000);
    expect(await b.landed).toBe(true);
    expect(order).toEqual(["a", "b"]);
  });

  it("a change still failing at shutdown is said NOT SAVED, `landed` is false, and no retry is left set", async () => {
    const clock = new FakeClock(T0);
    const { backlog, logs } = backlogOn(clock);
    const write = backlog.run("record the red flag reported via alexa", failing(Number.POSITIVE_INFINITY));
    await write;
    expect(clock.pending).toBe(1);
    await backlog.close();
    expect(await write.landed).toBe(false);
    expect(logs.at(-1)).toMatch(/^NOT SAVED: the dose ledger could not record the red flag reported via alexa before the bridge stopped/);
    expect(clock.pending).toBe(0);
  });
});
