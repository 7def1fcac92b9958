/**
 * The bridge's shutdown on signals and errors (cli/signals.ts). Real signals and a real uncaught
 * error in a child process (it ends with process.exit); the rules about time (a repeat within a
 * second, the time limit) in this process, on a fake clock with the signals sent by hand.
 */
import { spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import { describe, expect, it } from "@jest/globals";
import { onShutdownSignals } from "../../matter-bridge/cli/signals.js";
import { childScript } from "../helpers/child-script.js";
import { FakeClock } from "../helpers/fake-clock.js";
import { nextTurn } from "../helpers/until.js";

const script = childScript("test/helpers/shutdown-child.ts");

function child(shutdownMs: number, mode = "") {
  const c = spawn(process.execPath, [script(), String(shutdownMs), mode]);
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

/**
 * The shutdown in this process: it takes `shutdownMs` on a fake clock and logs "closed"; `exited`
 * settles with the first exit status asked for, and `output()` is the log as it was then.
 */
function inProcess(shutdownMs: number, timeoutMs?: number) {
  const clock = new FakeClock(Date.now());
  const signals = new EventEmitter();
  const lines: string[] = [];
  const log = (m: string) => lines.push(m);
  let atExit: string | undefined;
  let exit = (_code: number) => {};
  const exited = new Promise<number>((r) => {
    exit = (code) => {
      if (atExit !== undefined) return;
      atExit = lines.join("\n");
      r(code);
    };
  });
  const on = onShutdownSignals(
    async () => {
      await new Promise<void>((r) => clock.after(shutdownMs, r));
      log("closed");
    },
    {
      log,
      clock,
      host: { on: (name, listener) => signals.on(name, listener), exit: (code) => exit(code) },
      ...(timeoutMs ? { timeoutMs } : {}),
    },
  );
  const send = (name: "SIGINT" | "SIGTERM") => signals.emit(name);
  return { on, clock, send, exited, output: () => atExit ?? lines.join("\n"), hasExited: () => atExit !== undefined };
}

describe("shutdown on signals", () => {
  it("SIGTERM, then the same signal relayed again at once: one clean shutdown, exit 0", async () => {
    const p = child(200);
    await p.ready;
    p.c.kill("SIGTERM");
    p.c.kill("SIGINT");
    expect(await p.exited).toBe(0);
    expect(p.output()).toContain("closed");
    expect(p.output()).not.toContain("again");
  });

  it("a second signal more than a second later exits at once with 130", async () => {
    const p = inProcess(4000);
    p.send("SIGINT");
    p.clock.advance(1300);
    p.send("SIGINT");
    expect(await p.exited).toBe(130);
    expect(p.output()).toContain("SIGINT again: exiting now");
    expect(p.output()).not.toContain("closed");
  });

  it("an error thrown while shutting down does not cut the shutdown short; the exit code says it failed", async () => {
    const p = child(300, "throw");
    await p.ready;
    p.c.kill("SIGINT");
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(/uncaught: boom while closing[\s\S]*closed/);
  });

  it("a shutdown for the bridge's own reason (its storage lock taken) runs the same shutdown and ends with that status", async () => {
    const p = inProcess(300);
    p.on.exit(3, "Another bridge took over the storage folder");
    p.clock.advance(300);
    expect(await p.exited).toBe(3);
    expect(p.output()).toMatch(/Another bridge took over the storage folder: switching every panel off and closing…[\s\S]*closed/);
  });

  it("that shutdown has the same time limit: one that hangs exits 1 when it runs out", async () => {
    const p = inProcess(20_000, 800);
    p.on.exit(3, "Another bridge took over the storage folder");
    p.clock.advance(799);
    await nextTurn();
    expect(p.hasExited()).toBe(false);
    p.clock.advance(1);
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain("Shutdown did not finish within 0.8 s");
    expect(p.output()).not.toContain("closed");
  });

  it("during the bridge's own shutdown the first signal waits for it; only a second one exits at once", async () => {
    const p = inProcess(20_000, 10_000);
    p.on.exit(3, "Another bridge took over the storage folder");
    p.clock.advance(1200);
    p.send("SIGTERM");
    p.clock.advance(1200);
    await nextTurn();
    expect(p.hasExited()).toBe(false);
    expect(p.output()).not.toContain("again");
    p.send("SIGTERM");
    expect(await p.exited).toBe(130);
    expect(p.output()).toContain("SIGTERM again: exiting now");
  });
});
