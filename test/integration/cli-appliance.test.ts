/**
 * The bridge CLI as an appliance: --version, a busy port said in one line naming its flag, and logs
 * as one line per event (JSON with --log-format json, matter.js's lines included). Real child
 * processes, real sockets holding the ports.
 */
import { createSocket, type Socket } from "node:dgram";
import { existsSync, readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "@jest/globals";
import { BasicInformation } from "@matter/main/clusters/basic-information";
import { LOCK_FILE } from "../../matter-bridge/storage/lock.js";
import { configFile, freeUdpPort, launch, READY, tempDir } from "../helpers/cli-bridge.js";
import { commission, connect, startController } from "../helpers/matter-controller.js";

const { version } = JSON.parse(readFileSync(join(import.meta.dirname, "../../package.json"), "utf8"));
/** matter.js reads its config file as it loads and dies of one that is not JSON (the README): a process that gets that far says so. */
const MATTER_TRIPWIRE = { MATTER_PATH_CONFIG: join(import.meta.dirname, "../../README.md") };

const held: Array<Server | Socket> = [];
afterEach(async () => {
  for (const h of held.splice(0)) await new Promise<void>((r) => h.close(() => r()));
});

async function holdTcp(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  held.push(server);
  return (server.address() as { port: number }).port;
}

async function holdUdp(type: "udp4" | "udp6"): Promise<number> {
  const port = await freeUdpPort();
  const socket = createSocket({ type, ipv6Only: type === "udp6" });
  await new Promise<void>((r) => socket.bind(port, type === "udp6" ? "::" : "0.0.0.0", () => r()));
  held.push(socket);
  return port;
}

const lines = (text: string) => text.split("\n").filter((l) => l.trim() !== "");

describe("bridge CLI as an appliance", () => {
  it("--version prints package.json's version and exits 0 without loading matter.js", async () => {
    const v = launch(["--version"], { env: MATTER_TRIPWIRE });
    expect({ ...(await v.exited), output: v.output() }).toEqual({ code: 0, signal: null, output: `${version}\n` });

    // The tripwire works: a start that reaches matter.js dies of it.
    const dir = await tempDir();
    const start = launch(["--storage", dir, "--api-port", "0", "--matter-port", String(await freeUdpPort())], { env: MATTER_TRIPWIRE });
    expect((await start.exited).code).not.toBe(0);
    expect(start.output()).toMatch(/Error parsing configuration file .*README\.md/);
  }, 120_000);

  it("a bad MATTER_LOG_LEVEL or MATTER_LOG_FORMAT exits 2 naming the variable and the allowed values, before matter.js loads", async () => {
    const dir = await tempDir();
    const args = ["--storage", dir, "--api-port", "0", "--matter-port", String(await freeUdpPort())];
    const level = launch(args, { env: { ...MATTER_TRIPWIRE, MATTER_LOG_LEVEL: "loud" } });
    expect((await level.exited).code).toBe(2);
    expect(lines(level.output())).toEqual([
      "Invalid environment:",
      "  - MATTER_LOG_LEVEL: must be one of: debug, info, notice, warn, error, fatal (or 0-5)",
    ]);
    const format = launch(args, { env: { ...MATTER_TRIPWIRE, MATTER_LOG_FORMAT: "xml" } });
    expect((await format.exited).code).toBe(2);
    expect(lines(format.output())).toEqual(["Invalid environment:", "  - MATTER_LOG_FORMAT: must be one of: plain, ansi, html"]);
    expect(await readdir(dir)).toEqual([]);
  }, 60_000);

  it("a bad --log-format or BRIDGE_LOG_FORMAT exits 2 naming the allowed values", async () => {
    const flag = launch(["--log-format", "xml"], { env: MATTER_TRIPWIRE });
    expect((await flag.exited).code).toBe(2);
    expect(flag.output()).toMatch(/--log-format \/ BRIDGE_LOG_FORMAT must be one of: text, json/);
    const env = launch([], { env: { ...MATTER_TRIPWIRE, BRIDGE_LOG_FORMAT: "yaml" } });
    expect((await env.exited).code).toBe(2);
    expect(env.output()).toMatch(/must be one of: text, json/);
  }, 60_000);

  it("a busy API port: one line naming --api-port, non-zero exit, the storage folder left unlocked", async () => {
    const dir = await tempDir();
    const port = await holdTcp();
    const b = launch(["--storage", dir, "--api-port", String(port), "--matter-port", String(await freeUdpPort())]);
    const { code } = await b.exited;
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(lines(b.output())).toEqual([expect.stringMatching(new RegExp(`TCP port ${port} .*already in use.*--api-port N`))]);
    expect(b.output()).not.toMatch(/OFF \(simulated\)/);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  }, 60_000);

  it.each(["udp6", "udp4"] as const)(
    "a Matter port busy on %s: one line naming --matter-port and Alexa's UDP 5540, before a panel is touched",
    async (type) => {
      const dir = await tempDir();
      const port = await holdUdp(type);
      const b = launch(["--storage", dir, "--api-port", "0", "--matter-port", String(port)]);
      expect((await b.exited).code).toBe(1);
      const [line, ...rest] = lines(b.output());
      expect(rest).toEqual([]);
      expect(line).toMatch(new RegExp(`UDP port ${port} is already in use`));
      expect(line).toMatch(/--matter-port N/);
      expect(line).toMatch(/Alexa only finds Matter devices on UDP 5540/);
    },
    60_000,
  );

  it("--log-format json: every stdout line is one JSON event, matter.js's lines and the banner included, no token", async () => {
    const dir = await tempDir();
    const b = launch(
      [
        "--storage",
        dir,
        "--config",
        await configFile(dir),
        "--api-port",
        "0",
        "--matter-port",
        String(await freeUdpPort()),
        "--log-format",
        "json",
      ],
      {
        env: { MATTER_LOG_LEVEL: "info" },
      },
    );
    let stdout = "";
    let stderr = "";
    b.child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    b.child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    await b.waitFor(READY, 90_000);
    b.child.kill("SIGTERM");
    expect((await b.exited).code).toBe(0);

    expect(stderr).toBe("");
    expect(stdout.endsWith("\n")).toBe(true);
    const events = stdout
      .slice(0, -1)
      .split("\n")
      .map((line) => JSON.parse(line));
    for (const e of events) {
      expect(e).toEqual(expect.objectContaining({ time: expect.any(String), level: expect.any(String), msg: expect.any(String) }));
      expect(Number.isNaN(Date.parse(e.time))).toBe(false);
    }
    const matter = events.filter((e) => e.source === "matter.js");
    expect(matter.length).toBeGreaterThan(3);
    expect(matter.map((e) => e.msg).join("\n")).toMatch(/is online/);
    // Nothing matter.js warns about at start.
    expect(matter.filter((e) => !["debug", "info", "notice"].includes(e.level))).toEqual([]);

    const started = events.find((e) => e.event === "started");
    expect(started).toMatchObject({
      version,
      manualPairingCode: expect.stringMatching(/^\d{11}$/),
      qrPairingCode: expect.stringMatching(/^MT:/),
      token: { source: "file", path: join(dir, "api-token") },
      panels: [expect.objectContaining({ id: "panel-1", on: false })],
      caution: expect.objectContaining({ acknowledged: false }),
    });
    expect(events.find((e) => e.event === "ready")).toMatchObject({ version, startupMs: expect.any(Number) });
    expect(events.map((e) => e.msg)).toContain("Bridge stopped: every panel is off.");
    const token = readFileSync(join(dir, "api-token"), "utf8").trim();
    expect(stdout).not.toContain(token);
  }, 150_000);

  it("over Matter: package.json's version and a product label without the vendor; a paired bridge restarts with no matter.js warning", async () => {
    const dir = await tempDir();
    const config = await configFile(dir);
    const port = await freeUdpPort();
    const args = ["--storage", dir, "--config", config, "--api-port", "0", "--matter-port", String(port)];
    const first = launch([...args, "--passcode", "20202021", "--discriminator", "3840"]);
    await first.waitFor(READY, 90_000);
    const controller = await startController(join(await tempDir(), "controller"));
    try {
      const { nodeId } = await commission(controller, port, 20202021, 3840);
      const node = await connect(controller, nodeId);
      const basic = node.getRootClusterClient(BasicInformation.Cluster)!;
      expect({
        softwareVersionString: await basic.getSoftwareVersionStringAttribute(),
        softwareVersion: await basic.getSoftwareVersionAttribute(),
        hardwareVersion: await basic.getHardwareVersionAttribute(),
      }).toEqual({ softwareVersionString: version, softwareVersion: expect.any(Number), hardwareVersion: 1 });
      expect(await basic.getSoftwareVersionAttribute()).toBeGreaterThan(0);
      const [vendorName, productLabel] = [await basic.getVendorNameAttribute(), await basic.getProductLabelAttribute()];
      expect(productLabel).not.toContain(vendorName);
      await node.disconnect();
    } finally {
      await controller.close();
    }
    first.child.kill("SIGTERM");
    expect((await first.exited).code).toBe(0);
    expect(first.output()).not.toMatch(/\bWARN\b|matter\.js (WARN|ERROR)/);

    const second = launch(args);
    await second.waitFor(READY, 90_000);
    expect(second.output()).toMatch(/Matter: (already )?paired/);
    second.child.kill("SIGTERM");
    expect((await second.exited).code).toBe(0);
    expect(second.output()).not.toMatch(/\bWARN\b|matter\.js (WARN|ERROR)/);
  }, 240_000);
});
