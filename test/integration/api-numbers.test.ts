/**
 * Numbers over the control API are plain decimal (contract/numbers.ts), in query strings and in JSON
 * bodies: no hex, exponent, blanks, "+", Infinity or empty values read the way JavaScript's Number()
 * would. Real HTTP, in-process, on the real session controller, ledger and simulated panel driver.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { HistoryResponseSchema, StartSessionResponseSchema } from "../../matter-bridge/contract/api.js";
import { type ControlBridge, startControlBridge } from "../helpers/control-bridge.js";
import { HOUR, session } from "../helpers/dose-fixtures.js";
import { call } from "../helpers/http.js";

type Harness = ControlBridge & { panelOn(): Promise<boolean> };

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

/** A bridge whose sessions may last 1–120 s. */
async function bridge(): Promise<Harness> {
  const b = await startControlBridge({
    acknowledged: true,
    config: { dose: { minSessionSeconds: 1, maxSessionSeconds: 120, minRestSameRegionSeconds: 0 } },
  });
  const h: Harness = Object.assign(b, { panelOn: async () => (await b.panel()).on });
  harnesses.push(h);
  return h;
}

const get = (h: Harness, path: string) => call(h.url, "GET", path, { token: h.token });
/** The body exactly as written (JSON.stringify would rewrite 1e2 as 100). */
const postRaw = (h: Harness, path: string, body: string) =>
  call(h.url, "POST", path, { token: h.token, body, headers: { "Content-Type": "application/json" } });

describe("control API: numbers are plain decimal", () => {
  it.each([
    ["days=0x10", "hex"],
    ["days=0X10", "hex, upper case"],
    ["days=0o7", "octal prefix"],
    ["days=0b11", "binary prefix"],
    ["days=1e1", "exponent"],
    ["days=1E1", "exponent, upper case"],
    ["days=%207", "leading blank"],
    ["days=7%20", "trailing blank"],
    ["days=+7", "'+', which a query string reads as a blank"],
    ["days=%2B7", "'+' sign"],
    ["days=Infinity", "Infinity"],
    ["days=NaN", "NaN"],
    ["days=", "empty"],
    ["days=7.0", "a fraction"],
  ])("GET /v1/history?%s (%s) → 400 VALIDATION_ERROR naming days", async (query) => {
    const h = await bridge();
    const res = await get(h, `/v1/history?${query}`);
    expect({ query, status: res.status, code: res.body?.error?.code }).toEqual({ query, status: 400, code: "VALIDATION_ERROR" });
    expect(res.body.error.message).toMatch(/days: days must be a whole number written in plain digits/);
    expect(res.body.error.issues).toEqual([{ field: "days", message: expect.stringMatching(/plain digits/) }]);
  });

  it("GET /v1/history?days=7 → 200 with the sessions", async () => {
    const h = await bridge();
    await h.ledger.begin(session("mid-back", Date.now() - 2 * HOUR, 10));
    const res = await get(h, "/v1/history?days=7");
    expect(res.status).toBe(200);
    expect(HistoryResponseSchema.parse(res.body).people[0].sessions).toHaveLength(1);
    expect((await get(h, "/v1/history?days=365")).status).toBe(200);
  });

  it.each([
    ['{"region":"mid-back","seconds":1e2}', "1e2", "100"],
    ['{"region":"mid-back","seconds":6E1}', "6E1", "60"],
    ['{"region":"mid-back","seconds":6e+1}', "6e+1", "60"],
    ['{"region":"mid-back","seconds":6000e-2}', "6000e-2", "60"],
    ['{"region":"mid-back", "seconds" : 60, "distanceCm": 3E1}', "3E1", "30"],
  ])("POST /v1/sessions %s → 400, nothing started", async (body, token, plain) => {
    const h = await bridge();
    const res = await postRaw(h, "/v1/sessions", body);
    expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status: 400, code: "VALIDATION_ERROR" });
    expect(res.body.error.message).toContain(`${token} is written with an exponent`);
    expect(res.body.error.message).toContain(`plain decimal digits (write ${plain})`);
    expect(res.body.error.issues).toEqual([{ field: token === "3E1" ? "distanceCm" : "seconds", message: expect.any(String) }]);
    expect(h.ledger.sessions()).toEqual([]);
    expect(await h.panelOn()).toBe(false);
    expect((await get(h, "/v1/panels")).body.panels[0]).toMatchObject({ on: false, state: "off", session: null });
  });

  it('POST /v1/sessions {"region":"mid-back","seconds":60} → 201', async () => {
    const h = await bridge();
    const res = await postRaw(h, "/v1/sessions", '{"region":"mid-back","seconds":60}');
    expect(res.status).toBe(201);
    const { session: started, adjustments } = StartSessionResponseSchema.parse(res.body);
    expect({ seconds: started.seconds, region: started.region, adjustments }).toEqual({ seconds: 60, region: "mid-back", adjustments: [] });
    expect(h.ledger.sessions()).toHaveLength(1);
    expect(await h.panelOn()).toBe(true);
  });

  it("takes -0 and 1.50 as plain decimal, and skips look-alikes inside strings", async () => {
    const h = await bridge();
    // -0 is plain decimal: refused by the schema's range, not by its notation.
    const zero = await postRaw(h, "/v1/sessions", '{"region":"mid-back","seconds":-0}');
    expect(zero.status).toBe(400);
    expect(zero.body.error.message).toMatch(/seconds: /);
    expect(zero.body.error.message).not.toMatch(/exponent/);
    // "1e2" in a string is not a number: the panel id is looked up (and not found).
    const str = await postRaw(h, "/v1/sessions", '{"region":"mid-back","seconds":60,"panelId":"p\\"1e2"}');
    expect({ status: str.status, code: str.body.error.code }).toEqual({ status: 404, code: "UNKNOWN_PANEL" });
    expect(h.ledger.sessions()).toEqual([]);
    const ok = await postRaw(h, "/v1/sessions", '{"region":"mid-back","seconds":60,"distanceCm":30.50}');
    expect(ok.status).toBe(201);
    expect(ok.body.session.distanceCm).toBe(30.5);
  });

  it("keeps a malformed body INVALID_JSON, even with an exponent in it", async () => {
    const h = await bridge();
    const res = await postRaw(h, "/v1/sessions", '{"region":"mid-back","seconds":1e2');
    expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 400, code: "INVALID_JSON" });
    expect(h.ledger.sessions()).toEqual([]);
  });
});
