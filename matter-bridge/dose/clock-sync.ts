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

function output(file: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: TOOL_TIMEOUT_MS, env: { ...process.env, LC_ALL: "C" } }, (err, stdout) =>
      resolve(err ? undefined : stdout),
    );
  });
}

export const systemClockSync: ClockSyncSource = async () => {
  if (
    await access(TIMESYNCD_FLAG).then(
      () => true,
      () => false,
    )
  )
    return `systemd-timesyncd (${TIMESYNCD_FLAG})`;
  if ((await output("timedatectl", ["show", "-p", "NTPSynchronized", "--value"]))?.trim() === "yes")
    return "timedatectl (System clock synchronized: yes)";
  if (/^Leap status\s*:\s*Normal\s*$/m.test((await output("chronyc", ["tracking"])) ?? "")) return "chrony (leap status normal)";
  return undefined;
};

/** A source that never says yes: the owner's confirmation is then the only way (tests, BRIDGE_CLOCK_SYNC=off). */
export const noClockSync: ClockSyncSource = async () => undefined;
