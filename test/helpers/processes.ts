/** Processes whose pids a test names: one that has exited, one that runs until killed. */
import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { hostname } from "node:os";
import { until } from "./until.js";

/** The pid of a process that has exited (and whose pid is not reused within the test). */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((r) => child.on("exit", r));
  return child.pid!;
}

/**
 * A process that has exited but was never reaped: a shell starts a child, then becomes `sleep`,
 * which never waits for it; the child exits once its parent is `sleep` (so the shell cannot reap it
 * first). Answers the zombie's pid once /proc shows it in state Z, and the parent, to kill (init then
 * reaps the zombie).
 */
export async function zombieProcess(): Promise<{ pid: number; parent: ChildProcess }> {
  const script = 'p=$$; (until [ "$(cat /proc/$p/comm)" = sleep ]; do sleep 0.01; done) & echo "$!"; exec sleep 60';
  const parent = spawn("sh", ["-c", script], { stdio: ["ignore", "pipe", "ignore"] });
  const pid = await new Promise<number>((resolve, reject) => {
    parent.stdout!.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    parent.once("error", reject);
  });
  const state = async () => {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0];
  };
  await until(async () => (await state()) === "Z", `process ${pid} to become a zombie`);
  return { pid, parent };
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
