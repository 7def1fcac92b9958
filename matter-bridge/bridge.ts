/**
 * Bridge start-up in the order safety needs: storage lock → ledger (its ids checked against the
 * config) → drivers → controller → every panel off and crashed sessions closed → caution flag →
 * token → pairing → Matter node → control API.
 *
 * A storage folder the bridge cannot write (EACCES, EPERM, EROFS) does not stop it: without the lock
 * it runs read-only (panels off, every start refused, no Matter node, the API up), checks every few
 * seconds without writing, and once it can write: lock → ledger's waiting writes → caution flag →
 * Matter node, and sessions start again.
 */

import { ZodError } from "zod";
import { alexaRoutes } from "./api/alexa-routes.js";
import { cloudJoinRoutes } from "./api/cloud-join-routes.js";
import { pairingRoutes } from "./api/pairing-routes.js";
import { type Api, startApi } from "./api/server.js";
import { type ApiToken, loadOrCreateToken } from "./api/token.js";
import type { CloudLink } from "./cloud/link.js";
import { type CloudConnection, cloudConnection } from "./cloud/options.js";
import type { StartCloudLink } from "./cloud/start.js";
import { type CliOptions, ConfigError } from "./config/load.js";
import { CAUTION_VERSION } from "./contract/caution.js";
import type { BridgeConfig } from "./contract/config.js";
import { describeIssues } from "./contract/issues.js";
import { dashboardHandler } from "./dashboard/serve.js";
import { systemClockSync } from "./dose/clock-sync.js";
import { checkLedgerIds } from "./dose/ids.js";
import { Ledger, LedgerCorruptError } from "./dose/ledger.js";
import { type FabricInfo, PairingControl } from "./matter/fabrics.js";
import { type RunningMatterNode, startMatterNode } from "./matter/node.js";
import { loadOrCreatePairing, type Pairing } from "./matter/pairing.js";
import { configureMatterRuntime } from "./matter/runtime.js";
import type { PanelDriver } from "./panels/driver.js";
import { createDriver } from "./panels/index.js";
import { SessionController } from "./sessions/controller.js";
import { describeHolder, lockStorage, lockStorageOrReadOnly, runningHolder, type StorageLock, StorageLockedError } from "./storage/lock.js";
import { lockLost, watchLock } from "./storage/lock-watch.js";
import { canWrite, isUnwritable, STORAGE_RECHECK_MS, StorageUnavailableError } from "./storage/writable.js";

/** Room kept beside the ledger for the writes a full disk must not stop (a few thousand sessions). */
const LEDGER_RESERVE_BYTES = 1024 * 1024;

export interface Bridge {
  controller: SessionController;
  ledger?: Ledger;
  ledgerError?: Error;
  token: ApiToken;
  /** False while the storage folder cannot be written: the node starts once it can. */
  readonly matterStarted: boolean;
  /** Why the Matter node is not running, while it is not (else undefined). */
  matterOffline(): string | undefined;
  /** The Matter node's pairing codes (throws while the node is not started: see `matterStarted`). */
  readonly pairing: { qrPairingCode: string; manualPairingCode: string };
  readonly commissioned: boolean;
  /** Who the bridge is paired with; pairing windows; removing fabrics (throws while the node is not started). */
  readonly pairingControl: PairingControl;
  /** The fabrics --reset-pairing forgot at this start. */
  forgotten: FabricInfo[];
  api: Api;
  /** The outbound link to the cloud, when the config has a `cloud` section (or since the dashboard joined one). */
  readonly cloud?: CloudLink;
  /**
   * Every panel off and every session closed, then the Matter node and the API closed. Resolves with
   * the panels that did not confirm they are off.
   */
  close(): Promise<string[]>;
  /**
   * Settles when another bridge took the storage folder over (its lock names that bridge now): this
   * one has refused every change since and is closing (`close()` settles once every panel is off).
   * The CLI then exits with STORAGE_LOCKED_EXIT.
   */
  lost: Promise<StorageUnavailableError>;
}

export async function startBridge(
  cli: CliOptions,
  config: BridgeConfig,
  env: NodeJS.ProcessEnv,
  log: (m: string) => void,
  /**
   * The storage lock, when the caller took it already (the CLI does, before loading matter.js), or
   * why the storage folder cannot be written (then the bridge starts read-only).
   */
  held?: StorageLock | StorageUnavailableError,
  extras: BridgeExtras = {},
): Promise<Bridge> {
  // First, before the ledger is read or any panel touched: a second bridge on this folder stops here.
  const lock = held ?? (await lockStorageOrReadOnly(cli.storage));
  const readOnly = lock instanceof StorageUnavailableError ? lock : undefined;
  if (readOnly && cli.resetPairing) throw new ConfigError(`--reset-pairing needs a storage folder it can write. ${readOnly.message}`);
  try {
    return await startLocked(cli, config, env, log, readOnly ?? (lock as StorageLock), extras);
  } catch (err) {
    if (!readOnly) await (lock as StorageLock).release();
    throw err;
  }
}

export interface BridgeExtras {
  /** The cloud section's files, already read and checked (the CLI does, before anything starts); else read here. */
  cloud?: CloudConnection;
  /** The link's timers, randomness and backoff (tests). */
  link?: Partial<Omit<StartCloudLink, "connection" | "controller" | "log">>;
  /** A CA file the dashboard's "join the cloud" writes into the cloud section, as `cloud join --ca` (a self-hosted broker; tests). */
  joinCaPath?: string;
}

async function startLocked(
  cli: CliOptions,
  config: BridgeConfig,
  env: NodeJS.ProcessEnv,
  log: (m: string) => void,
  /** The lock, or why there is none: the storage cannot be written, nothing is (see storage/writable.ts). */
  locked: StorageLock | StorageUnavailableError,
  extras: BridgeExtras,
): Promise<Bridge> {
  const cloudFiles = extras.cloud ?? (config.cloud ? await cloudConnection(config.cloud, cli.storage) : undefined);
  const readOnly = locked instanceof StorageUnavailableError ? locked : undefined;
  let lock = readOnly ? undefined : (locked as StorageLock);
  /** The first time the lock was found taken (by the ledger or the watch), and why. */
  let lostTo: StorageUnavailableError | undefined;
  /** Set once the bridge runs: giving the folder up. A loss seen while starting waits for it. */
  let giveUp: (() => void) | undefined;
  const lostLock = async () => {
    const reason = await lockLost(cli.storage, lock);
    if (reason && !lostTo) {
      lostTo = reason;
      giveUp?.();
    }
    return reason;
  };
  const ledger = await openLedger(cli.storage, log, readOnly, lostLock);
  // Before any panel is touched: history under an id the config lost would count for the wrong person or panel.
  if (ledger instanceof Ledger) checkLedgerIds(config, ledger);
  const drivers: Record<string, PanelDriver> = {};
  for (const panel of config.panels) drivers[panel.id] = await createDriver(panel, { storageDir: cli.storage, log });
  const controller = new SessionController({
    config,
    ledger,
    drivers,
    log,
    storage: readOnly,
    clockSync: cli.clockSync === "off" ? undefined : systemClockSync(),
  });
  await controller.recover();
  if (readOnly)
    log(
      `${readOnly.message} The Matter node is not started until then (Matter controllers see the bridge offline); the control API and the dashboard run.`,
    );

  let matter: RunningMatterNode | undefined;
  let pairingControl: PairingControl | undefined;
  let api: Api | undefined;
  let cloud: CloudLink | undefined;
  let stopWatching = async () => {};
  let stopLockWatch = () => {};
  let closing: Promise<string[]> | undefined;
  const closeAll = () => (closing ??= closeOnce());
  const closeOnce = async () => {
    stopLockWatch();
    // The panels go off at once; a re-check in flight (taking the lock, starting the node) finishes
    // alongside, and what it started is closed below. The cloud link says offline and takes no more requests.
    const [notOff] = await Promise.all([
      controller.shutdown(),
      stopWatching(),
      cloud?.close().catch((err: Error) => log(`Cloud link close failed: ${err.message}`)),
    ]);
    const closers = [() => api?.close(), async () => pairingControl?.close(), () => matter?.close()];
    for (const close of closers) await Promise.resolve(close()).catch((err: Error) => log(`close failed: ${err.message}`));
    for (const d of Object.values(drivers)) await d.close?.().catch(() => {});
    await lock?.release();
    return notOff;
  };

  /** The link for a cloud section: at start, or in place once the dashboard joined one (no restart). */
  const startLink = async (connection: CloudConnection): Promise<CloudLink> => {
    if (closing) throw new Error("The bridge is shutting down: the cloud link was not started.");
    const [{ startCloudLink }, { VERSION }] = await Promise.all([import("./cloud/start.js"), import("./version.js")]);
    cloud = startCloudLink({ version: VERSION, ...extras.link, connection, controller, log });
    return cloud;
  };

  const acknowledgeFlag = async () => {
    if (!cli.acknowledgeCaution) return;
    const withdrawn = controller.caution.record()?.withdrawnAt !== undefined;
    if (ledger instanceof Error) log("--acknowledge-caution could not be recorded: the dose ledger is unavailable.");
    // A flag left in a service file must not undo a red flag reported since: that takes a person.
    else if (withdrawn)
      log(
        `--acknowledge-caution ignored: ${controller.caution.problem()} Acknowledge it on the dashboard, at the terminal prompt or in the skill, after talking to a professional.`,
      );
    else if (!controller.caution.acknowledged()) {
      // A full disk or a lost lock leaves the caution as it was: the bridge still runs, refusing starts.
      const recorded = await controller.caution.acknowledge(CAUTION_VERSION, "cli-flag").catch((err: Error) => {
        log(`--acknowledge-caution could not be recorded: ${err.message}`);
        return undefined;
      });
      if (recorded) log(`Caution version ${CAUTION_VERSION} acknowledged for the household (--acknowledge-caution).`);
    }
  };
  /** --clock-is-right: the owner says the machine's time is right; both times are logged before acting. */
  const clockFlag = async () => {
    if (!cli.clockIsRight || ledger instanceof Error) return;
    const check = controller.clockTrust.check();
    if (!check) return log("--clock-is-right: nothing to do, the clock is not behind the dose ledger's newest entry.");
    log(
      `--clock-is-right: the dose ledger's newest entry is at ${check.ledgerNewestAt}; this machine's clock says ${check.machineTime}. Taking the machine's time as right.`,
    );
    await controller.clockTrust
      .trust("owner: --clock-is-right")
      .catch((err: Error) => log(`--clock-is-right could not be recorded: ${err.message}`));
  };
  if (!readOnly) {
    await clockFlag();
    await acknowledgeFlag();
  } else if (cli.acknowledgeCaution && !(ledger instanceof Error))
    log("--acknowledge-caution is recorded once the storage folder can be written.");
  // The folder taken over while starting (the ledger checks before each write; once more here):
  // nothing more is written to it (token, pairing codes, Matter storage). The panels are off already.
  await lostLock();
  if (lostTo) {
    await closeAll();
    throw lostTo;
  }

  const token = await loadOrCreateToken(cli.storage, env);
  const given = { passcode: cli.passcode, discriminator: cli.discriminator };
  const pairingCodes = (persist: boolean): Promise<Pairing> =>
    loadOrCreatePairing(cli.storage, given, { persist }).catch((err: Error) => {
      throw new ConfigError(
        err instanceof ZodError
          ? `Invalid pairing code:\n${describeIssues(err)
              .map((l) => `  - ${l}`)
              .join("\n")}`
          : err.message,
      );
    });
  // Read (and checked) now; saved, when new, once the storage can be written.
  await pairingCodes(!readOnly);

  const startMatter = async () => {
    const codes = await pairingCodes(true);
    const node = await startMatterNode({
      controller,
      config,
      storageDir: cli.storage,
      port: cli.matterPort,
      ...codes,
      resetPairing: cli.resetPairing,
    });
    matter = node;
    pairingControl = new PairingControl(node.node, {
      qrPairingCode: node.pairing.qrPairingCode,
      manualPairingCode: node.pairing.manualPairingCode,
    });
  };
  const matterOffline = () => (matter ? undefined : (controller.ledgerProblem() ?? "The Matter node has not started yet."));
  configureMatterRuntime(env, log);
  try {
    if (!readOnly) await startMatter();
    api = await startApi({
      controller,
      token: token.token,
      host: cli.apiHost,
      port: cli.apiPort,
      log,
      cloud: () => cloud?.state ?? "off",
      static: dashboardHandler({ dose: config.dose }),
      extraRoutes: [
        ...pairingRoutes(
          () => pairingControl,
          () => (matter ? undefined : `The Matter node is not running: ${matterOffline()}`),
        ),
        ...alexaRoutes(() => cloud),
        ...cloudJoinRoutes({
          configPath: cli.config,
          storage: cli.storage,
          caPath: extras.joinCaPath,
          cloud: () => cloud,
          startLink,
          log,
        }),
      ],
    });
    if (cloudFiles) await startLink(cloudFiles);
    if (readOnly)
      stopWatching = watchStorage({
        dir: cli.storage,
        controller,
        log,
        takeLock: async () => {
          lock = await lockStorage(cli.storage);
        },
        giveUpLock: async () => {
          await lock?.release();
          lock = undefined;
        },
        afterResume: async () => {
          await clockFlag();
          await acknowledgeFlag();
        },
        startMatter: async () => {
          await startMatter();
          const m = matter!;
          log(
            `Matter node started (UDP port ${cli.matterPort}): the storage folder can be written again. ${
              m.commissioned
                ? "Paired as before."
                : `Not paired yet: manual pairing code ${m.pairing.manualPairingCode} (the QR code is on the dashboard).`
            }`,
          );
        },
      });
    const started = api;
    const lost = new Promise<StorageUnavailableError>((resolve) => {
      giveUp = () => {
        const reason = lostTo!;
        log(reason.message);
        controller.suspendLedger(reason);
        void closeAll();
        resolve(reason);
      };
    });
    // The watch first: a give-up (now, for a loss seen while starting, or later) stops it with the rest.
    stopLockWatch = watchLock(lostLock, log);
    if (lostTo) giveUp?.();
    return {
      controller,
      ledger: ledger instanceof Error ? undefined : ledger,
      ledgerError: ledger instanceof Error ? ledger : undefined,
      token,
      get matterStarted() {
        return matter !== undefined;
      },
      matterOffline,
      get pairing() {
        if (!matter) throw new Error(`The Matter node is not running: ${matterOffline()}`);
        return { qrPairingCode: matter.pairing.qrPairingCode, manualPairingCode: matter.pairing.manualPairingCode };
      },
      get commissioned() {
        return matter ? (pairingControl?.commissioned() ?? matter.commissioned) : false;
      },
      get pairingControl() {
        if (!pairingControl) throw new Error(`The Matter node is not running: ${matterOffline()}`);
        return pairingControl;
      },
      forgotten: matter?.forgotten ?? [],
      api: started,
      get cloud() {
        return cloud;
      },
      close: closeAll,
      lost,
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}

interface StorageWatch {
  dir: string;
  controller: SessionController;
  log: (m: string) => void;
  /** Takes the storage lock (throws StorageLockedError, or the write's error). */
  takeLock(): Promise<void>;
  giveUpLock(): Promise<void>;
  /** Once the ledger takes changes again (the --acknowledge-caution flag). */
  afterResume(): Promise<void>;
  startMatter(): Promise<void>;
}

/**
 * A bridge started on a storage folder it could not write: every STORAGE_RECHECK_MS, access(2) says
 * whether it can now (nothing is written while nothing changed). Then: the lock (another bridge
 * holding it by now keeps this one refusing, and says so), the ledger's waiting writes (sessions
 * start again once they are on disk), the --acknowledge-caution flag, the Matter node (retried
 * while it fails). Returns the function that stops watching (once a re-check in flight is over).
 */
function watchStorage(w: StorageWatch): () => Promise<void> {
  let phase: "lock" | "matter" | "done" = "lock";
  let said: string | undefined;
  const say = (message: string) => {
    if (message !== said) w.log(message);
    said = message;
  };
  const refuse = (issue: StorageUnavailableError) => {
    w.controller.suspendLedger(issue);
    say(issue.message);
  };
  const step = async () => {
    if (phase === "lock") {
      if (!(await canWrite(w.dir))) return;
      const holder = await runningHolder(w.dir);
      if (holder) return refuse(StorageUnavailableError.locked(w.dir, describeHolder(holder)));
      try {
        await w.takeLock();
      } catch (err) {
        if (err instanceof StorageLockedError) return refuse(StorageUnavailableError.locked(w.dir, describeHolder(err.holder)));
        if (isUnwritable(err)) return refuse(StorageUnavailableError.readOnly(w.dir, err));
        throw err;
      }
      try {
        await w.controller.resumeLedger();
      } catch (err) {
        // The ledger changed on disk meanwhile: not written over; the lock goes back.
        await w.giveUpLock();
        phase = "done";
        w.controller.suspendLedger(new StorageUnavailableError(w.dir, "locked", (err as Error).message));
        return w.log((err as Error).message);
      }
      const problem = w.controller.ledgerProblem();
      w.log(
        problem
          ? `The storage folder ${w.dir} can be written again and is locked by this bridge; sessions are still refused: ${problem}`
          : `The storage folder ${w.dir} can be written again: sessions can start.`,
      );
      await w.afterResume().catch((err: Error) => w.log(`--acknowledge-caution could not be recorded: ${err.message}`));
      phase = "matter";
    }
    if (phase === "matter") {
      try {
        await w.startMatter();
        phase = "done";
      } catch (err) {
        say(`The Matter node could not start (${(err as Error).message}); trying again in ${STORAGE_RECHECK_MS / 1000} s.`);
      }
    }
  };
  let inFlight: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (inFlight) return;
    inFlight = step()
      .catch((err: Error) => say(`Checking the storage folder ${w.dir} failed: ${err.message}`))
      .finally(() => {
        inFlight = undefined;
        if (phase === "done") clearInterval(timer);
      });
  }, STORAGE_RECHECK_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await inFlight;
  };
}

/**
 * A corrupt ledger does not stop the bridge: it runs, refusing every start, and says so loudly. On
 * a storage folder it cannot write, the ledger is read and suspended (nothing is written).
 */
async function openLedger(
  storage: string,
  log: (m: string) => void,
  suspended: Error | undefined,
  lockLost: () => Promise<Error | undefined>,
): Promise<Ledger | LedgerCorruptError> {
  try {
    return await Ledger.open(storage, { reserveBytes: LEDGER_RESERVE_BYTES, log, suspended, lockLost });
  } catch (err) {
    if (err instanceof LedgerCorruptError) return err;
    throw err;
  }
}
