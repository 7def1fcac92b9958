/** The bridge's shutdown on signals and errors, in a child process (it ends with process.exit). */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "@jest/globals";

const ROOT = resolve(import.meta.dirname, "../..");

function child(shutdownMs: number, mode = "", timeoutMs?: number) {
  const args = ["--import", "tsx", "test/helpers/shutdown-child.ts", String(shutdownMs), mode, ...(timeoutMs ? [String(timeoutMs)] : [])];
  const c = spawn(process.execPath, args, { cwd: ROOT });
  let out = "";
  const ready = new Promise<void>((r) =>
    c.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("ready")) r();
    }),
  );
  const exited = new Promise<number | null>((r) => c.on("exit", (code) => r(code)));
  return { c, ready, exited, output: () => out };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("shutdown on signals", () => {
  it("SIGTERM, then the same signal relayed again at once: one clean shutdown, exit 0", async () => {
    const p = child(1500);
    await p.ready;
    p.c.kill("SIGTERM");
    await sleep(100);
    p.c.kill("SIGINT");
    expect(await p.exited).toBe(0);
    expect(p.output()).toContain("closed");
    expect(p.output()).not.toContain("again");
  });

  it("a second signal more than a second later exits at once with 130", async () => {
    const p = child(4000);
    await p.ready;
    p.c.kill("SIGINT");
    await sleep(1300);
    p.c.kill("SIGINT");
    expect(await p.exited).toBe(130);
    expect(p.output()).toContain("SIGINT again: exiting now");
    expect(p.output()).not.toContain("closed");
  });

  it("an error thrown while shutting down does not cut the shutdown short; the exit code says it failed", async () => {
    const p = child(2400, "throw");
    await p.ready;
    p.c.kill("SIGINT");
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(/uncaught: boom while closing[\s\S]*closed/);
  });

  it("a shutdown for the bridge's own reason (its storage lock taken) runs the same shutdown and ends with that status", async () => {
    const p = child(300, "exit3");
    expect(await p.exited).toBe(3);
    expect(p.output()).toMatch(/Another bridge took over the storage folder: switching every panel off and closing…[\s\S]*closed/);
  });

  it("that shutdown has the same time limit: one that hangs exits 1 when it runs out", async () => {
    const p = child(20_000, "exit3", 800);
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain("Shutdown did not finish within 0.8 s");
    expect(p.output()).not.toContain("closed");
  });

  it("during the bridge's own shutdown the first signal waits for it; only a second one exits at once", async () => {
    const p = child(20_000, "exit3", 10_000);
    await p.ready;
    await sleep(1200);
    p.c.kill("SIGTERM");
    await sleep(1200);
    expect(p.c.exitCode).toBeNull();
    expect(p.output()).not.toContain("again");
    p.c.kill("SIGTERM");
    expect(await p.exited).toBe(130);
    expect(p.output()).toContain("SIGTERM again: exiting now");
  });
});
