/** Processes whose pids a test names: one that has exited, one that runs until killed. */
import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { hostname } from "node:os";

/** The pid of a process that has exited (and whose pid is not reused within the test). */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((r) => child.on("exit", r));
  return child.pid!;
}

/** A process that runs (a minute at most) until the test kills it. */
export const liveProcess = (): ChildProcess => spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);

export const bootId = async () => (await readFile("/proc/sys/kernel/random/boot_id", "utf8")).trim();

/** A storage lock's contents naming `pid` on this machine, as a bridge writes it. */
export const lockNaming = async (pid: number, token: string) => ({
  pid,
  hostname: hostname(),
  bootId: await bootId(),
  startedAt: "2026-11-25T10:00:00.000Z",
  token,
});
