/** Child processes for the bench: start one, wait for its ready line, read its RSS, stop it. */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";

export interface Started {
  child: ChildProcess;
  /** The ms the process printed in its ready line (performance.now() in the child: since process start). */
  readyMs: number;
  /** Resolves when the child's output matches (from now on), with the time it was seen. */
  next(pattern: RegExp, timeoutMs?: number): Promise<number>;
  output(): string;
  stop(): Promise<void>;
}

export async function startUntilReady(args: string[], ready: RegExp, cwd: string, timeoutMs = 60_000): Promise<Started> {
  const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let waiters: Array<{ pattern: RegExp; from: number; resolve: (t: number) => void }> = [];
  const onData = (d: Buffer) => {
    const t = performance.now();
    out += d.toString();
    waiters = waiters.filter((w) => {
      if (!w.pattern.test(out.slice(w.from))) return true;
      w.resolve(t);
      return false;
    });
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<void>((r) => child.on("exit", () => r()));
  const next = (pattern: RegExp, ms = timeoutMs) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${ms} ms:\n${out.slice(-2000)}`)), ms);
      const done = (t: number) => {
        clearTimeout(timer);
        resolve(t);
      };
      waiters.push({ pattern, from: out.length, resolve: done });
    });
  const seen = next(ready);
  await Promise.race([seen, exited.then(() => Promise.reject(new Error(`exited before ready:\n${out.slice(-2000)}`)))]);
  const readyMs = Number(ready.exec(out)?.[1]);
  const stop = async () => {
    child.kill("SIGTERM");
    await exited;
  };
  return { child, readyMs, next, output: () => out, stop };
}

/** Resident set size of a running process, in MiB (Linux). */
export function rssMiB(pid: number): number {
  const kib = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kib) / 1024;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
