/**
 * `--check-config` on the compiled bridge: the config checked and reported, exit 0 or 2, and
 * nothing started: no storage lock taken (a folder another bridge holds is no obstacle), no file
 * written, not even the storage folder made.
 */
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { lockStorage } from "../../matter-bridge/storage/lock.js";
import { configFile, launch, tempDir } from "../helpers/cli-bridge.js";

describe("--check-config", () => {
  it("a good file: exit 0 with what it found, while another bridge holds the storage folder, which it leaves as it was", async () => {
    const dir = await tempDir();
    const storage = join(dir, "data");
    const held = await lockStorage(storage);
    try {
      const before = await readdir(storage);
      const config = await configFile(dir, {
        panels: [
          { id: "panel-1", name: "Panel", driver: { kind: "simulated" } },
          { id: "panel-2", name: "Shelly", driver: { kind: "shelly", url: "http://192.0.2.10" } },
        ],
        people: [
          { id: "anna", name: "Anna" },
          { id: "ben", name: "Ben" },
        ],
      });
      const check = launch(["--check-config", "--config", config, "--storage", storage]);
      expect((await check.exited).code).toBe(0);
      expect(check.output()).toBe(
        `Config ${config} is valid:\n  panels: panel-1 (simulated), panel-2 (shelly)\n  people: anna, ben\n  cloud link: off\n`,
      );
      expect(await readdir(storage)).toEqual(before);
    } finally {
      await held.release();
    }
  });

  it("a bad file: exit 2 with every mistake, and no storage folder made", async () => {
    const dir = await tempDir();
    const storage = join(dir, "never-made");
    const config = await configFile(dir, {
      panels: [{ id: "Panel 1", name: "P", driver: { kind: "shelly" } }],
      dose: { minSessionSeconds: -1 },
    });
    const check = launch(["--check-config", "--config", config, "--storage", storage]);
    expect((await check.exited).code).toBe(2);
    expect(check.output()).toMatch(new RegExp(`^Invalid ${config}:\n`));
    expect(check.output()).toMatch(/panels\[0\]\.id/);
    expect(check.output()).toMatch(/panels\[0\]\.driver\.url/);
    expect(check.output()).toMatch(/dose\.minSessionSeconds/);
    expect(check.output()).not.toMatch(/bridge ready|Matter/);
    await expect(readdir(storage)).rejects.toThrow(/ENOENT/);
    expect(await readdir(dir)).toEqual(["bridge.json"]);
  });

  it("JSON with a mistake: exit 2 naming the line and column; a cloud section whose files are missing: exit 2 naming the field", async () => {
    const dir = await tempDir();
    const config = join(dir, "bridge.json");
    await writeFile(config, '{\n  "panels": [\n    { "id": "panel-1", "name": "P", }\n  ]\n}\n');
    const json = launch(["--check-config", "--config", config, "--storage", join(dir, "data")]);
    expect((await json.exited).code).toBe(2);
    expect(json.output()).toMatch(/is not valid JSON: line 3, column 37: expected another key after/);
    await configFile(dir, {
      panels: [{ id: "panel-1", name: "P" }],
      cloud: { url: "mqtts://example.iot.eu-west-1.amazonaws.com:8883", thing: "home", cert: "cloud/none.pem", key: "cloud/none.key" },
    });
    const cloud = launch(["--check-config", "--config", config, "--storage", join(dir, "data")]);
    expect((await cloud.exited).code).toBe(2);
    expect(cloud.output()).toMatch(/cloud\.cert.*none\.pem/);
    await expect(readdir(join(dir, "data"))).rejects.toThrow(/ENOENT/);
  });

  it("without a config file: exit 2 saying it needs one", async () => {
    const storage = join(await tempDir(), "data");
    const check = launch(["--check-config", "--storage", storage]);
    expect((await check.exited).code).toBe(2);
    expect(check.output()).toMatch(/^--check-config needs a config file: --config FILE \(or BRIDGE_CONFIG\)/);
    await expect(readdir(storage)).rejects.toThrow(/ENOENT/);
  });
});
