/**
 * No container engine runs here, so the image is checked as text: its steps are the commands the
 * docs give for a service install (docs/service.md), it runs the same compiled entry as systemd, and compose runs
 * it the way Matter needs (host networking, state in a volume, not as root).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import YAML from "yaml";
import { configFile, startBridge, tempDir } from "../helpers/cli-bridge.js";
import { freeTcpPort } from "../helpers/ports.js";

const read = (path: string) => readFileSync(path, "utf8");

/** Dockerfile instructions, continuation lines joined and comments dropped, per stage. */
function parseDockerfile(text: string): Array<Array<{ op: string; args: string }>> {
  const lines = text.replace(/\\\n/g, " ").split("\n");
  const stages: Array<Array<{ op: string; args: string }>> = [];
  for (const line of lines.map((l) => l.trim()).filter((l) => l && !l.startsWith("#"))) {
    const [, op, args] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    if (op.toUpperCase() === "FROM") stages.push([]);
    stages.at(-1)!.push({ op: op.toUpperCase(), args });
  }
  return stages;
}

/** The service page (docs/service.md, linked from the README): the service install and Docker. */
const SERVICE_PAGE = "docs/service.md";

/** The shell commands in the service page's ```sh blocks of one section, `sudo ` and comments dropped, split at `&&`. */
function pageCommands(heading: string): string[] {
  const page = read(SERVICE_PAGE);
  const start = page.indexOf(`\n${heading}`);
  expect(start).toBeGreaterThan(-1);
  const end = page.indexOf("\n## ", start + 1);
  const section = page.slice(start, end === -1 ? undefined : end);
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks
    .flatMap((b) => b.split("\n"))
    .map((l) => l.replace(/\s+#.*$/, "").trim())
    .flatMap((l) => l.split("&&"))
    .map((c) => c.trim().replace(/^sudo\s+/, ""))
    .filter(Boolean);
}

const execForm = (args: string) => (JSON.parse(args) as string[]).join(" ");
const stages = parseDockerfile(read("Dockerfile"));
const [build, runtime] = stages;
const runs = (stage: typeof build) => stage.filter((i) => i.op === "RUN").flatMap((i) => i.args.split("&&").map((c) => c.trim()));

describe("Dockerfile", () => {
  const service = pageCommands("## Running the bridge as a service");

  it("has a build stage and a runtime stage", () => {
    expect(stages).toHaveLength(2);
    expect(build[0].args).toMatch(/^node:(22|24)\S* AS build$/);
    expect(runtime[0].args).toMatch(/^node:(22|24)\S*$/);
  });

  it("builds with the service page's commands, in its order", () => {
    const npm = runs(build).filter((c) => c.startsWith("npm "));
    expect(npm).toEqual(["npm ci", "npm run build:bridge"]);
    const at = npm.map((c) => service.indexOf(c));
    expect(at).not.toContain(-1);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it("runs with only the service page's production install and the compiled bridge from the build stage", () => {
    const npm = runs(runtime).filter((c) => c.startsWith("npm "));
    expect(npm).toEqual(["npm ci --omit=dev --workspaces=false"]);
    for (const c of npm) expect(service).toContain(c);
    const copied = runtime.filter((i) => i.op === "COPY" && i.args.startsWith("--from=build")).map((i) => i.args);
    expect(copied).toEqual(["--from=build /opt/biolight/dist/bridge dist/bridge"]);
    expect(runs(runtime).filter((c) => !c.startsWith("npm ") && !/^(mkdir|chown) /.test(c))).toEqual([]);
  });

  it("runs the entry the systemd unit runs, as a non-root user, with its state in a volume", () => {
    const cmd = execForm(runtime.find((i) => i.op === "CMD")!.args);
    const unit = /^ExecStart=\/usr\/bin\/env (.*)$/m.exec(read("deploy/biolight-bridge.service"))?.[1];
    expect(cmd).toBe("node dist/bridge/main.js");
    expect(cmd).toBe(unit);
    expect(runtime.filter((i) => i.op === "USER").map((i) => i.args)).toEqual(["node"]);
    expect(runtime.find((i) => i.op === "VOLUME")?.args).toBe("/var/lib/biolight");
    expect(runtime.find((i) => i.op === "ENV" && i.args.includes("BRIDGE_STORAGE"))?.args).toMatch(/BRIDGE_STORAGE=\/var\/lib\/biolight/);
  });

  it("has a HEALTHCHECK that asks /v1/health without a token, and it tells a running bridge from none", async () => {
    const checks = runtime.filter((i) => i.op === "HEALTHCHECK");
    expect(checks).toHaveLength(1);
    const [, options, command] = /^(.*?)\s*CMD\s+(\[.*\])$/.exec(checks[0].args) ?? [];
    expect(options).toMatch(/--interval=\d+s/);
    expect(options).toMatch(/--start-period=\d+s/);
    const argv = JSON.parse(command) as string[];
    expect(argv[0]).toBe("node");
    expect(argv.join(" ")).toMatch(/\/v1\/health/);
    expect(argv.join(" ")).not.toMatch(/token|Authorization/i);
    // The command itself, as Docker would run it inside the container, against the compiled bridge.
    const run = (port: number) =>
      spawnSync(argv[0], argv.slice(1), { env: { ...process.env, BRIDGE_API_PORT: String(port) }, timeout: 10_000 });
    const storage = await tempDir();
    const bridge = await startBridge(storage, await configFile(storage));
    const port = Number(new URL(bridge.url).port);
    expect(run(port).status).toBe(0);
    bridge.child.kill("SIGTERM");
    await bridge.exited;
    expect(run(port).status).toBe(1);
    expect(run(await freeTcpPort()).status).toBe(1);
  }, 60_000);

  it("keeps local state and build output out of the build context", () => {
    const ignored = read(".dockerignore").split("\n");
    for (const p of ["node_modules", "dist", ".data", ".git"]) expect(ignored).toContain(p);
  });
});

describe("compose.yaml", () => {
  const compose = YAML.parse(read("compose.yaml"));
  const service = compose.services["biolight-bridge"];

  it("builds this Dockerfile and runs it on the host's network and PIDs, with the state in a named volume", () => {
    expect(service.build).toBe(".");
    expect(service.network_mode).toBe("host");
    // The storage lock's pid check across containers (storage/lock.ts).
    expect(service.pid).toBe("host");
    expect(service.ports).toBeUndefined();
    expect(service.volumes).toContain("biolight-state:/var/lib/biolight");
    expect(Object.keys(compose.volumes)).toEqual(["biolight-state"]);
    expect(service.user).toBeUndefined(); // the image's non-root user
  });

  it("gives the service page's Docker commands the names they use", () => {
    const commands = pageCommands("## Docker");
    expect(commands).toEqual(expect.arrayContaining(["docker compose up -d --build", "docker compose logs -f biolight-bridge"]));
    expect(read(SERVICE_PAGE)).toMatch(/No container engine runs on the machines/);
    const mounted = service.volumes.find((v: string) => v.endsWith(":/etc/biolight/bridge.json:ro"));
    expect(mounted).toBe("./bridge.json:/etc/biolight/bridge.json:ro");
    expect(service.environment.BRIDGE_CONFIG).toBe("/etc/biolight/bridge.json");
  });
});
