/**
 * Whether the system says its wall clock is synchronized (known good), for a bridge whose clock is
 * behind its dose ledger (see trusted-time.ts). Only a clear "yes" counts: a tool that is missing,
 * fails, takes too long or says anything else leaves the clock untrusted.
 */
import { execFile } from "node:child_process";
import { access } from "node:fs/promises";

/** Answers which source says the clock is synchronized, or undefined when none does. */
export type ClockSyncSource = () => Promise<string | undefined>;

/** systemd-timesyncd creates it once it has synchronized the clock (since boot). */
export const TIMESYNCD_FLAG = "/run/systemd/timesync/synchronized";
const TOOL_TIMEOUT_MS = 3000;

/** Runs a tool and answers its standard output, or undefined when it is missing, fails or takes too long. */
export type ToolRunner = (file: string, args: string[]) => Promise<string | undefined>;

const runTool: ToolRunner = (file, args) =>
  new Promise((resolve) => {
    execFile(file, args, { timeout: TOOL_TIMEOUT_MS, env: { ...process.env, LC_ALL: "C" } }, (err, stdout) =>
      resolve(err ? undefined : stdout),
    );
  });

/** The machine's own sources, in turn: timesyncd's flag file, timedatectl, chrony. Injectable for tests. */
export function systemClockSync({
  flagFile = TIMESYNCD_FLAG,
  run = runTool,
}: {
  flagFile?: string;
  run?: ToolRunner;
} = {}): ClockSyncSource {
  return async () => {
    if (
      await access(flagFile).then(
        () => true,
        () => false,
      )
    )
      return `systemd-timesyncd (${flagFile})`;
    if ((await run("timedatectl", ["show", "-p", "NTPSynchronized", "--value"]))?.trim() === "yes")
      return "timedatectl (System clock synchronized: yes)";
    if (/^Leap status\s*:\s*Normal\s*$/m.test((await run("chronyc", ["tracking"])) ?? "")) return "chrony (leap status normal)";
    return undefined;
  };
}
