/**
 * `GET /v1/history/export`: one person's kept history, JSON or CSV, through the real control API
 * (real HTTP, controller, ledger file): only theirs, under their former ids too, a retired person's
 * as well; a mistake in the query names what was wrong; and never a route of the cloud link.
 */
import { describe, expect, it } from "@jest/globals";
import { ownerRoutes } from "../../matter-bridge/api/owner-routes.js";
import { controlRoutes } from "../../matter-bridge/api/routes.js";
import { HISTORY_CSV_COLUMNS, HistoryExportResponseSchema } from "../../matter-bridge/contract/api.js";
import type { RegionId } from "../../matter-bridge/contract/regions.js";
import { type ControlBridge, startControlBridge } from "../helpers/control-bridge.js";
import { completedEntry } from "../helpers/dose-fixtures.js";
import { call } from "../helpers/http.js";

const t = Date.now() - 3 * 3_600_000;
const old = (id: string, person: string, region: RegionId) => completedEntry(id, t, 60, { person, region });

async function home(): Promise<ControlBridge> {
  return startControlBridge({
    acknowledged: true,
    config: {
      people: [
        { id: "anna", name: "Anna, K.", formerIds: ["anna-old"] },
        { id: "ben", name: "Ben" },
      ],
      retired: { people: ["carl"] },
      panels: [{ id: "panel-1", name: "Panel" }],
      dose: { minSessionSeconds: 1 },
    },
    // Anna's session under the id she had before, and Carl's, who has left.
    ledgerFile: {
      format: "biolight-ledger/1",
      sessions: [old("s-old", "anna-old", "mid-back"), old("s-carl", "carl", "neck-shoulders")],
      caution: null,
      seenAt: t + 60_000,
    },
  });
}

const get = (b: ControlBridge, path: string, token: string | undefined = b.token) => call(b.url, "GET", path, { token });

describe("GET /v1/history/export", () => {
  it("JSON: every session of the one person named (under a former id too), as a download", async () => {
    const b = await home();
    for (const [person, region] of [
      ["anna", "low-back-hips"],
      ["ben", "neck-shoulders"],
    ]) {
      expect((await call(b.url, "POST", "/v1/sessions", { token: b.token, body: { region, person, seconds: 5 } })).status).toBe(201);
      expect((await call(b.url, "POST", "/v1/panels/panel-1/stop", { token: b.token, body: {} })).status).toBe(200);
    }
    const res = await get(b, "/v1/history/export?person=anna");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="biolight-history-anna-\d{4}-\d{2}-\d{2}\.json"$/);
    const body = HistoryExportResponseSchema.parse(res.body);
    expect(body.person).toEqual({ id: "anna", name: "Anna, K." });
    expect(Date.parse(body.exportedAt)).toBeGreaterThan(t);
    expect(body.sessions.map((s) => [s.id, s.person, s.region])).toEqual([
      ["s-old", "anna", "mid-back"],
      [expect.any(String), "anna", "low-back-hips"],
    ]);
    // The same as the history route says for her, whatever its window.
    const history = (await get(b, "/v1/history?person=anna&days=365")).body.people[0].sessions;
    expect(body.sessions).toEqual(history);
  });

  it("CSV: a header of the JSON's fields and one row per session", async () => {
    const b = await home();
    const json = HistoryExportResponseSchema.parse((await get(b, "/v1/history/export?person=anna&format=json")).body);
    const res = await get(b, "/v1/history/export?person=anna&format=csv");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(/filename="biolight-history-anna-[\d-]+\.csv"$/);
    const lines = res.text.split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toBe(HISTORY_CSV_COLUMNS.join(","));
    expect(lines.slice(1, -1)).toEqual(
      json.sessions.map((s) => HISTORY_CSV_COLUMNS.map((c) => (s[c] === undefined ? "" : String(s[c]))).join(",")),
    );
    expect(lines[1]).toMatch(/^s-old,anna,panel-1,mid-back,\d{4}-.*Z,\d{4}-.*Z,60,60,[\d.]+,30,24,api,completed$/);
  });

  it("a retired person's history is theirs to take too", async () => {
    const b = await home();
    const res = await get(b, "/v1/history/export?person=carl&format=csv");
    expect(res.status).toBe(200);
    expect(res.text.split("\r\n").slice(1, -1)).toEqual([expect.stringMatching(/^s-carl,carl,panel-1,neck-shoulders,/)]);
    expect((await get(b, "/v1/history/export?person=carl")).body.person).toEqual({ id: "carl", name: "carl", retired: true });
  });

  it("refuses, naming what was wrong: no person, an unknown one, an unknown format or key, no token", async () => {
    const b = await home();
    const none = await get(b, "/v1/history/export");
    expect([none.status, none.body.error.code]).toEqual([400, "VALIDATION_ERROR"]);
    expect(none.body.error.message).toMatch(/person is required/);
    const unknown = await get(b, "/v1/history/export?person=dora");
    expect([unknown.status, unknown.body.error.code]).toEqual([400, "UNKNOWN_PERSON"]);
    expect(unknown.body.error.knownPeople).toEqual(["anna", "ben"]);
    const format = await get(b, "/v1/history/export?person=anna&format=xml");
    expect([format.status, format.body.error.message]).toEqual([400, expect.stringMatching(/format must be one of: json, csv/)]);
    const extra = await get(b, "/v1/history/export?person=anna&days=7");
    expect([extra.status, extra.body.error.message]).toEqual([400, expect.stringMatching(/days/)]);
    expect((await get(b, "/v1/history/export?person=anna", "wrong-token-0123456789abcdef")).status).toBe(401);
  });

  it("is an owner's route: served over HTTP, not among the routes the cloud link serves", async () => {
    const b = await home();
    const paths = (routes: Array<{ path: string }>) => routes.map((r) => r.path);
    expect(paths(ownerRoutes(b.controller))).toContain("/v1/history/export");
    expect(paths(controlRoutes({ controller: b.controller }))).not.toContain("/v1/history/export");
  });
});
