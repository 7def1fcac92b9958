/**
 * `npm run try` (scripts/try.mjs) with the compiled bridge: examples/try.json on a temporary folder,
 * a signed-in dashboard link, nothing acknowledged for anyone, short limits, ./.data never touched,
 * and the folder gone once the bridge stopped.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { CAUTION_VERSION } from "../../matter-bridge/contract/caution.js";
import { ledgerFile } from "../helpers/cli-bridge.js";
import { call } from "../helpers/http.js";
import { freeTcpPort, freeUdpPort } from "../helpers/ports.js";
import { until } from "../helpers/until.js";

const ROOT = resolve(import.meta.dirname, "../..");
const DATA = join(ROOT, ".data");
let child: ChildProcessWithoutNullStreams | undefined;
afterAll(() => {
  child?.kill("SIGKILL");
});

/** ./.data as it is: each file's path, size and modification time (nothing, when it does not exist). */
const snapshot = (dir = DATA): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: "utf8" }).map((f) => {
        const s = statSync(join(dir, f));
        return `${f} ${s.size} ${s.mtimeMs}`;
      })
    : [];

describe("npm run try", () => {
  it("runs the example config on a temporary folder, signs the dashboard in, acknowledges nothing, and leaves ./.data alone", async () => {
    const before = snapshot();
    const [apiPort, matterPort] = [await freeTcpPort(), await freeUdpPort()];
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BRIDGE_|MATTER_|NODE_OPTIONS$)/.test(k)));
    child = spawn(process.execPath, ["scripts/try.mjs", "--api-port", String(apiPort), "--matter-port", String(matterPort)], {
      cwd: ROOT,
      env,
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d;
    });
    child.stderr.on("data", (d: Buffer) => {
      out += d;
    });
    const exited = new Promise<number | null>((r) => child!.on("exit", (code) => r(code)));
    await until(() => /bridge ready in/.test(out), "the try bridge to be ready", 60_000, 50);

    const url = `http://127.0.0.1:${apiPort}`;
    const [, token] = new RegExp(`${url}/dashboard/#token=([\\w-]+)`).exec(out) ?? [];
    expect(token).toHaveLength(32);
    const [, storage] = /on a temporary folder (\S+):/.exec(out) ?? [];
    expect(storage).toMatch(/biolight-try-/);
    expect(resolve(storage).startsWith(ROOT)).toBe(false);
    expect(out).toMatch(/NOT FOR REAL USE/);
    expect(out).toContain(`BRIDGE_TOKEN=${token}`);
    expect((await call(url, "GET", "/dashboard/")).status).toBe(200);

    // The example's two people and its panel, named as not for real use.
    expect((await call(url, "GET", "/v1/people", { token })).body.people.map((p: { id: string }) => p.id)).toEqual(["anna", "ben"]);
    expect((await call(url, "GET", "/v1/panels", { token })).body.panels[0].name).toBe("Trial panel, not for real use");
    // Nothing acknowledged on anyone's behalf: the first start is refused until a person answers.
    expect((await call(url, "GET", "/v1/caution", { token })).body.acknowledged).toBe(false);
    const refused = await call(url, "POST", "/v1/sessions", { token, body: { region: "low-back-hips", person: "anna" } });
    expect(refused.body.error.code).toBe("CAUTION_REQUIRED");

    // The person trying it answers; a session, then the same region again: a minute's rest, not 12 hours.
    expect((await call(url, "POST", "/v1/caution/acknowledge", { token, body: { version: CAUTION_VERSION, person: "anna" } })).status).toBe(
      200,
    );
    const started = await call(url, "POST", "/v1/sessions", { token, body: { region: "low-back-hips", person: "anna", seconds: 10 } });
    expect(started.status).toBe(201);
    await call(url, "POST", "/v1/panels/try-panel/stop", { token, body: {} });
    const again = await call(url, "POST", "/v1/sessions", { token, body: { region: "low-back-hips", person: "anna" } });
    expect(again.body.error.code).toBe("REST_INTERVAL");
    expect(again.body.error.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await ledgerFile(storage)).sessions.map((s) => [s.person, s.region])).toEqual([["anna", "low-back-hips"]]);
    expect(snapshot()).toEqual(before);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(existsSync(storage)).toBe(false);
    expect(snapshot()).toEqual(before);
  });

  it("refuses a storage folder or config of the caller's own, changing nothing", async () => {
    const bad = spawn(process.execPath, ["scripts/try.mjs", "--storage", ".data"], { cwd: ROOT });
    let err = "";
    bad.stderr.on("data", (d: Buffer) => {
      err += d;
    });
    expect(await new Promise((r) => bad.on("exit", r))).toBe(2);
    expect(err).toMatch(/npm run try chooses --storage itself/);
  });
});
