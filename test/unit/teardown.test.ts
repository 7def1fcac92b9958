/** The start-up's clean-ups (support/teardown.ts): urgent ones first and together, the rest in reverse, once. */
import { expect, it } from "@jest/globals";
import { Teardown } from "../../matter-bridge/support/teardown.js";

it("runs the urgent clean-ups together first, then the others in reverse order of registration, once", async () => {
  const done: string[] = [];
  const logs: string[] = [];
  const teardown = new Teardown((m) => logs.push(m));
  let releaseSlow = () => {};
  const slow = new Promise<void>((r) => {
    releaseSlow = r;
  });
  teardown.add(() => done.push("lock"));
  teardown.add(async () => {
    done.push("drivers");
  });
  teardown.addUrgent(async () => {
    await slow;
    done.push("panels off");
  });
  teardown.add(() => {
    throw new Error("the API would not close");
  });
  teardown.addUrgent(() => done.push("watch stopped"));
  const first = teardown.run();
  const second = teardown.run();
  expect(second).toBe(first);
  // The second urgent one did not wait for the first; nothing else started before both are over.
  await Promise.resolve();
  expect(done).toEqual(["watch stopped"]);
  releaseSlow();
  await first;
  expect(done).toEqual(["watch stopped", "panels off", "drivers", "lock"]);
  expect(logs).toEqual(["close failed: the API would not close"]);
  await teardown.run();
  expect(done).toHaveLength(4);
});
