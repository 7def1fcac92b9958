/**
 * Bridge start-up in the order safety needs: storage lock → ledger → drivers → controller → every
 * panel off and crashed sessions closed → caution flag → token → pairing → Matter node → control API.
 */

import { ZodError } from "zod";
import { type Api, startApi } from "./api/server.js";
import { type ApiToken, loadOrCreateToken } from "./api/token.js";
import { type CliOptions, ConfigError } from "./config/load.js";
import { CAUTION_VERSION } from "./contract/caution.js";
import type { BridgeConfig } from "./contract/config.js";
import { describeIssues } from "./contract/issues.js";
import { qrSvg } from "./dashboard/qr-svg.js";
import { dashboardHandler } from "./dashboard/serve.js";
import { Ledger, LedgerCorruptError } from "./dose/ledger.js";
import { startMatterNode } from "./matter/node.js";
import { loadOrCreatePairing } from "./matter/pairing.js";
import { configureMatterRuntime } from "./matter/runtime.js";
import type { PanelDriver } from "./panels/driver.js";
import { createDriver } from "./panels/index.js";
import { SessionController } from "./sessions/controller.js";
import { lockStorage, type StorageLock } from "./storage/lock.js";

/** Room kept beside the ledger for the writes a full disk must not stop (a few thousand sessions). */
const LEDGER_RESERVE_BYTES = 1024 * 1024;

export interface Bridge {
  controller: SessionController;
  ledger?: Ledger;
  ledgerError?: Error;
  token: ApiToken;
  pairing: { qrPairingCode: string; manualPairingCode: string };
  commissioned: boolean;
  api: Api;
  /** Every panel off and every session closed, then the Matter node and the API closed. */
  close(): Promise<void>;
}

export async function startBridge(
  cli: CliOptions,
  config: BridgeConfig,
  env: NodeJS.ProcessEnv,
  log: (m: string) => void,
  /** The storage lock, when the caller took it already (the CLI does, before loading matter.js). */
  held?: StorageLock,
): Promise<Bridge> {
  // First, before the ledger is read or any panel touched: a second bridge on this folder stops here.
  const lock = held ?? (await lockStorage(cli.storage));
  try {
    return await startLocked(cli, config, env, log, lock.release);
  } catch (err) {
    await lock.release();
    throw err;
  }
}

async function startLocked(
  cli: CliOptions,
  config: BridgeConfig,
  env: NodeJS.ProcessEnv,
  log: (m: string) => void,
  releaseLock: () => Promise<void>,
): Promise<Bridge> {
  const ledger = await openLedger(cli.storage, log);
  const drivers: Record<string, PanelDriver> = {};
  for (const panel of config.panels) drivers[panel.id] = await createDriver(panel, { storageDir: cli.storage, log });
  const controller = new SessionController({ config, ledger, drivers, log });
  await controller.recover();

  if (cli.acknowledgeCaution) {
    const withdrawn = controller.caution.record()?.withdrawnAt !== undefined;
    if (ledger instanceof Error) log("--acknowledge-caution could not be recorded: the dose ledger is unavailable.");
    // A flag left in a service file must not undo a red flag reported since: that takes a person.
    else if (withdrawn)
      log(
        `--acknowledge-caution ignored: ${controller.caution.problem()} Acknowledge it on the dashboard, at the terminal prompt or in the skill, after talking to a professional.`,
      );
    else if (!controller.caution.acknowledged()) {
      await controller.caution.acknowledge(CAUTION_VERSION, "cli-flag");
      log(`Caution version ${CAUTION_VERSION} acknowledged for the household (--acknowledge-caution).`);
    }
  }

  const token = await loadOrCreateToken(cli.storage, env);
  const codes = await loadOrCreatePairing(cli.storage, { passcode: cli.passcode, discriminator: cli.discriminator }).catch((err: Error) => {
    throw new ConfigError(
      err instanceof ZodError
        ? `Invalid pairing code:\n${describeIssues(err)
            .map((l) => `  - ${l}`)
            .join("\n")}`
        : err.message,
    );
  });
  const closers: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    await controller.shutdown();
    for (const close of closers.reverse()) await close().catch((err: Error) => log(`close failed: ${err.message}`));
    for (const d of Object.values(drivers)) await d.close?.().catch(() => {});
    await releaseLock();
  };
  configureMatterRuntime(env);
  try {
    const matter = await startMatterNode({ controller, config, storageDir: cli.storage, port: cli.matterPort, ...codes });
    closers.push(() => matter.close());
    const pairing = { qrPairingCode: matter.pairing.qrPairingCode, manualPairingCode: matter.pairing.manualPairingCode };
    const api = await startApi({
      controller,
      token: token.token,
      host: cli.apiHost,
      port: cli.apiPort,
      log,
      static: dashboardHandler({ dose: config.dose }),
      extraRoutes: [
        { method: "GET", path: "/v1/pairing", handle: () => ({ status: 200, body: { ...pairing, qrSvg: qrSvg(pairing.qrPairingCode) } }) },
      ],
    });
    closers.push(() => api.close());
    return {
      controller,
      ledger: ledger instanceof Error ? undefined : ledger,
      ledgerError: ledger instanceof Error ? ledger : undefined,
      token,
      pairing,
      commissioned: matter.commissioned,
      api,
      close: closeAll,
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}

/** A corrupt ledger does not stop the bridge: it runs, refusing every start, and says so loudly. */
async function openLedger(storage: string, log: (m: string) => void): Promise<Ledger | LedgerCorruptError> {
  try {
    return await Ledger.open(storage, { reserveBytes: LEDGER_RESERVE_BYTES, log });
  } catch (err) {
    if (err instanceof LedgerCorruptError) return err;
    throw err;
  }
}
