/**
 * Every red flag is kept, over real HTTP: one naming nobody while the gate is already closed, a
 * later one's reason, the open ones newest first, and who an acknowledgement lets go.
 */
import { describe, expect, it } from "@jest/globals";
import { CautionStatusResponseSchema } from "../../matter-bridge/contract/api.js";
import { CAUTION_VERSION } from "../../matter-bridge/contract/caution.js";
import type { BridgeConfigInput } from "../../matter-bridge/contract/config.js";
import { readLedger } from "../../matter-bridge/dose/ledger.js";
import { type ControlBridge, startControlBridge } from "../helpers/control-bridge.js";
import { call } from "../helpers/http.js";

const HOME: Partial<BridgeConfigInput> = {
  people: [
    { id: "anna", name: "Anna" },
    { id: "ben", name: "Ben" },
    { id: "carol", name: "Carol" },
  ],
  panels: [{ id: "panel-1", name: "Panel", defaultPerson: "ben" }],
  dose: { minSessionSeconds: 1 },
};

const api = (b: ControlBridge, method: string, path: string, body?: unknown) => call(b.url, method, path, { token: b.token, body });

async function everyoneAcknowledged(): Promise<ControlBridge> {
  const b = await startControlBridge({ config: HOME });
  for (const person of ["anna", "ben", "carol"])
    expect((await api(b, "POST", "/v1/caution/acknowledge", { version: CAUTION_VERSION, person })).status).toBe(200);
  return b;
}

describe("every red flag is kept", () => {
  it("a red flag naming nobody while the gate is already closed holds Carol: Ben's acknowledgement reopens the gate but not for her", async () => {
    const b = await everyoneAcknowledged();
    expect((await api(b, "POST", "/v1/caution/withdraw", { person: "anna", reason: "anna: sudden numbness" })).status).toBe(200);
    const second = await api(b, "POST", "/v1/caution/withdraw", { reason: "carol: face spasm, trouble swallowing" });
    expect(second.status).toBe(200);
    expect((await api(b, "POST", "/v1/caution/acknowledge", { version: CAUTION_VERSION, person: "ben" })).status).toBe(200);
    const carol = await api(b, "POST", "/v1/sessions", { region: "neck-shoulders", person: "carol", seconds: 5 });
    expect([carol.status, carol.body.error?.code]).toEqual([409, "CAUTION_REQUIRED"]);
    expect(carol.body.error.message).toMatch(/Carol/);
    expect((await b.panel()).on).toBe(false);
    // On disk (what a restart reads) and in the log.
    const file = await readLedger(b.storage);
    expect(file.redFlags?.map((f) => [f.person ?? null, f.reason])).toEqual([
      ["anna", "anna: sudden numbness"],
      [null, "carol: face spasm, trouble swallowing"],
    ]);
    expect(file.people?.carol.caution?.withdrawnAt).toEqual(expect.any(Number));
    expect(b.logs.some((l) => l.includes("carol: face spasm, trouble swallowing"))).toBe(true);
    // Ben's own answer is current: his start goes ahead.
    const ben = await api(b, "POST", "/v1/sessions", { region: "neck-shoulders", person: "ben", seconds: 5 });
    expect(ben.status).toBe(201);
    await api(b, "POST", "/v1/panels/panel-1/stop", {});

    // Both flags stay open, newest first: Anna is held by both, Carol by the second.
    const status = CautionStatusResponseSchema.parse((await api(b, "GET", "/v1/caution?person=carol")).body);
    expect(status).toMatchObject({ acknowledged: true, personWithdrawn: true });
    expect(status.redFlags?.map((f) => [f.person, f.reason, f.waitingFor])).toEqual([
      [null, "carol: face spasm, trouble swallowing", ["anna", "carol"]],
      ["anna", "anna: sudden numbness", ["anna"]],
    ]);
    // Carol answering again clears her from the second; Anna answering clears both.
    await api(b, "POST", "/v1/caution/acknowledge", { version: CAUTION_VERSION, person: "carol" });
    const held = CautionStatusResponseSchema.parse((await api(b, "GET", "/v1/caution")).body).redFlags;
    expect(held?.map((f) => f.waitingFor)).toEqual([["anna"], ["anna"]]);
    expect((await api(b, "POST", "/v1/sessions", { region: "mid-back", person: "carol", seconds: 5 })).status).toBe(201);
    await api(b, "POST", "/v1/panels/panel-1/stop", {});
    await api(b, "POST", "/v1/caution/acknowledge", { version: CAUTION_VERSION, person: "anna" });
    expect(CautionStatusResponseSchema.parse((await api(b, "GET", "/v1/caution")).body).redFlags).toEqual([]);
  });

  it("two red flags naming nobody: both reasons are shown newest first, each 200 gives its own time, both are on disk", async () => {
    const b = await everyoneAcknowledged();
    const first = await api(b, "POST", "/v1/caution/withdraw", { reason: "felt a bit warm" });
    const second = await api(b, "POST", "/v1/caution/withdraw", { reason: "sudden weakness in the legs, lost bladder control" });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(Date.parse(second.body.withdrawnAt)).toBeGreaterThanOrEqual(Date.parse(first.body.withdrawnAt));
    const status = CautionStatusResponseSchema.parse((await api(b, "GET", "/v1/caution")).body);
    expect(status).toMatchObject({
      acknowledged: false,
      withdrawnAt: second.body.withdrawnAt,
      withdrawnReason: "sudden weakness in the legs, lost bladder control",
    });
    expect(status.redFlags?.map((f) => [f.reason, f.at, f.source, f.person])).toEqual([
      ["sudden weakness in the legs, lost bladder control", second.body.withdrawnAt, "api", null],
      ["felt a bit warm", first.body.withdrawnAt, "api", null],
    ]);
    expect((await readLedger(b.storage)).redFlags?.map((f) => f.reason)).toEqual([
      "felt a bit warm",
      "sudden weakness in the legs, lost bladder control",
    ]);
    expect(b.logs.filter((l) => /Red-flag caution withdrawn/.test(l))).toHaveLength(2);
    // Once each of them has answered again, none is open and the gate is open.
    for (const person of ["anna", "ben", "carol"]) await api(b, "POST", "/v1/caution/acknowledge", { version: CAUTION_VERSION, person });
    const after = CautionStatusResponseSchema.parse((await api(b, "GET", "/v1/caution")).body);
    expect([after.acknowledged, after.redFlags]).toEqual([true, []]);
    expect((await readLedger(b.storage)).redFlags?.every((f) => f.clearedAt !== undefined && f.holds.length === 0)).toBe(true);
  });
});
