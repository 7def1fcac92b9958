/**
 * The start-up flags that write to the ledger, --clock-is-right then --acknowledge-caution: at
 * start-up, or once a storage folder the bridge could not write can be written. A write that fails
 * (a full disk, a lost lock) is logged; the bridge still runs, refusing starts.
 */
import type { CliOptions } from "../config/load.js";
import { CAUTION_VERSION } from "../contract/caution.js";
import type { SessionController } from "../sessions/controller.js";

export async function applyStartFlags(
  cli: Pick<CliOptions, "clockIsRight" | "acknowledgeCaution">,
  controller: SessionController,
  /** False when the ledger could not be opened (corrupt). */
  ledgerOpen: boolean,
  log: (m: string) => void,
): Promise<void> {
  if (cli.clockIsRight && ledgerOpen) await clockIsRight(controller, log);
  if (cli.acknowledgeCaution) await acknowledgeCaution(controller, ledgerOpen, log);
}

/** The owner says the machine's time is right; both times are logged before acting. */
async function clockIsRight(controller: SessionController, log: (m: string) => void): Promise<void> {
  const check = controller.clockTrust.check();
  if (!check) return log("--clock-is-right: nothing to do, the clock is not behind the dose ledger's newest entry.");
  log(
    `--clock-is-right: the dose ledger's newest entry is at ${check.ledgerNewestAt}; this machine's clock says ${check.machineTime}. Taking the machine's time as right.`,
  );
  await controller.clockTrust
    .trust("owner: --clock-is-right")
    .catch((err: Error) => log(`--clock-is-right could not be recorded: ${err.message}`));
}

async function acknowledgeCaution(controller: SessionController, ledgerOpen: boolean, log: (m: string) => void): Promise<void> {
  if (!ledgerOpen) return log("--acknowledge-caution could not be recorded: the dose ledger is unavailable.");
  // A flag left in a service file must not undo a red flag reported since: that takes a person.
  if (controller.caution.record()?.withdrawnAt !== undefined)
    return log(
      `--acknowledge-caution ignored: ${controller.caution.problem()} Acknowledge it on the dashboard, at the terminal prompt or in the skill, after talking to a professional.`,
    );
  if (controller.caution.acknowledged()) return;
  const recorded = await controller.caution.acknowledge(CAUTION_VERSION, "cli-flag").catch((err: Error) => {
    log(`--acknowledge-caution could not be recorded: ${err.message}`);
    return undefined;
  });
  if (recorded) log(`Caution version ${CAUTION_VERSION} acknowledged for the household (--acknowledge-caution).`);
}
