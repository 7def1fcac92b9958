/**
 * Bridge start-up in the order safety needs (ARCHITECTURE.md, bridge.ts): storage lock → ledger (its
 * ids checked against the config) → drivers → controller → every panel off and crashed sessions
 * closed → the start-up flags → token → pairing → Matter node → control API → cloud link. Each step
 * registers its own clean-up: a failed start, or `close()`, switches the panels off first, then
 * undoes the rest in reverse order.
 *
 * A storage folder the bridge cannot write (EACCES, EPERM, EROFS) does not stop it: without the lock
 * it runs read-only (panels off, every start refused, no Matter node, the API up) until the storage
 * ownership (storage/ownership.ts) finds it writable: lock → ledger's waiting writes → the flags →
 * Matter node, and sessions start again.
 */

import { alexaRoutes } from "./api/alexa-routes.js";
import { pairingRoutes } from "./api/pairing-routes.js";
import { type Api, startApi } from "./api/server.js";
import { type ApiToken, loadOrCreateToken } from "./api/token.js";
import { applyStartFlags } from "./cli/start-flags.js";
import { cloudJoinRoutes } from "./cloud/join-routes.js";
import type { CloudLink } from "./cloud/link.js";
import { type CloudConnection, cloudConnection } from "./cloud/options.js";
import type { StartCloudLink } from "./cloud/start.js";
import { type CliOptions, ConfigError } from "./config/load.js";
import type { BridgeConfig } from "./contract/config.js";
import { dashboardHandler } from "./dashboard/serve.js";
import { systemClockSync } from "./dose/clock-sync.js";
import { checkLedgerIds } from "./dose/ids.js";
import { Ledger, LedgerCorruptError } from "./dose/ledger.js";
import { BridgeNode } from "./matter/bridge-node.js";
import type { FabricInfo, PairingControl } from "./matter/fabrics.js";
import { configureMatterRuntime } from "./matter/runtime.js";
import type { PanelDriver } from "./panels/driver.js";
import { createDriver } from "./panels/index.js";
import { SessionController } from "./sessions/controller.js";
import { lockStorageOrReadOnly, type StorageLock } from "./storage/lock.js";
import { StorageOwnership } from "./storage/ownership.js";
import type { StorageUnavailableError } from "./storage/writable.js";
import { type Clock, systemClock } from "./support/clock.js";
import { Teardown } from "./support/teardown.js";

/** Room kept beside the ledger for the writes a full disk must not stop (a few thousand sessions). */
const LEDGER_RESERVE_BYTES = 1024 * 1024;

export interface Bridge {
  controller: SessionController;
  ledger?: Ledger;
  ledgerError?: Error;
  token: ApiToken;
  /** Who may write the storage folder: held, read-only (the node starts once it can), lost. */
  storage: StorageOwnership;
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

export interface BridgeExtras {
  /** The cloud section's files, already read and checked (the CLI does, before anything starts); else read here. */
  cloud?: CloudConnection;
  /** The link's timers, randomness and backoff (tests). */
  link?: Partial<Omit<StartCloudLink, "connection" | "controller" | "log">>;
  /** The timers of the storage watch and the Matter node's retries (tests move it). */
  clock?: Clock;
  /** A CA file the dashboard's "join the cloud" writes into the cloud section, as `cloud join --ca` (a self-hosted broker; tests). */
  joinCaPath?: string;
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
  const clock = extras.clock ?? systemClock;
  const teardown = new Teardown(log);
  // First, before the ledger is read or any panel touched: a second bridge on this folder stops here.
  const storage = new StorageOwnership(cli.storage, held ?? (await lockStorageOrReadOnly(cli.storage)), {
    log,
    clock,
    checkMs: cli.storageCheckMs,
  });
  teardown.add(() => storage.release());
  const readOnly = storage.why();
  try {
    if (readOnly && cli.resetPairing) throw new ConfigError(`--reset-pairing needs a storage folder it can write. ${readOnly.message}`);
    const cloudFiles = extras.cloud ?? (config.cloud ? await cloudConnection(config.cloud, cli.storage) : undefined);
    const ledger = await openLedger(cli.storage, log, storage);
    // Before any panel is touched: history under an id the config lost would count for the wrong person or panel.
    if (ledger instanceof Ledger) checkLedgerIds(config, ledger);
    const drivers: Record<string, PanelDriver> = {};
    for (const panel of config.panels) {
      const driver = await createDriver(panel, { storageDir: cli.storage, log });
      drivers[panel.id] = driver;
      teardown.add(() => driver.close?.().catch(() => {}));
    }
    const controller = new SessionController({
      config,
      ledger,
      drivers,
      log,
      storage,
      clockSync: cli.clockSync === "off" ? undefined : systemClockSync(),
    });
    const panelsOff = once(() => controller.shutdown());
    // The panels go off at once on close; a re-check in flight finishes alongside, and what it started is closed after.
    teardown.addUrgent(panelsOff);
    const close = async () => {
      await teardown.run();
      return panelsOff();
    };
    await controller.recover();
    // From here a press at the device is noticed (every 2 s), until the shutdown.
    controller.watchPresses();
    const ledgerOpen = !(ledger instanceof Error);
    if (readOnly) {
      log(
        `${readOnly.message} The Matter node is not started until then (Matter controllers see the bridge offline); the control API and the dashboard run.`,
      );
      if (cli.acknowledgeCaution && ledgerOpen) log("--acknowledge-caution is recorded once the storage folder can be written.");
    } else await applyStartFlags(cli, controller, ledgerOpen, log);
    // The folder taken over while starting (the ledger checks before each write; once more here):
    // nothing more is written to it (token, pairing codes, Matter storage). The panels are off already.
    const lostWhileStarting = await storage.confirm();
    if (lostWhileStarting) throw lostWhileStarting;

    const token = await loadOrCreateToken(cli.storage, env);
    const matter = new BridgeNode({
      controller,
      config,
      storageDir: cli.storage,
      port: cli.matterPort,
      given: { passcode: cli.passcode, discriminator: cli.discriminator },
      resetPairing: cli.resetPairing,
      log,
      clock,
      retryMs: storage.checkMs,
    });
    // Read (and checked) now; saved, when new, once the storage can be written.
    await matter.pairingCodes(!readOnly);
    configureMatterRuntime(env, log);
    teardown.add(() => matter.close());
    if (!readOnly) await matter.start();

    const cloud: { link?: CloudLink; closing?: boolean } = {};
    /** The link for a cloud section: at start, or in place once the dashboard joined one (no restart). */
    const startLink = async (connection: CloudConnection): Promise<CloudLink> => {
      const shuttingDown = () => new Error("The bridge is shutting down: the cloud link was not started.");
      if (cloud.closing) throw shuttingDown();
      const [{ startCloudLink }, { VERSION }] = await Promise.all([import("./cloud/start.js"), import("./version.js")]);
      // The close may have begun while the link's code loaded: a link started now would be left running.
      if (cloud.closing) throw shuttingDown();
      const link = startCloudLink({ version: VERSION, clock, ...extras.link, connection, controller, log });
      cloud.link = link;
      return link;
    };
    // On close the link says offline at once and takes no more requests (also one joined later).
    teardown.addUrgent(async () => {
      cloud.closing = true;
      await cloud.link?.close().catch((err: Error) => log(`Cloud link close failed: ${err.message}`));
    });
    const api = await startApi({
      controller,
      clock,
      token: token.token,
      host: cli.apiHost,
      port: cli.apiPort,
      log,
      cloud: () => cloud.link?.state ?? "off",
      static: dashboardHandler({ dose: config.dose }),
      extraRoutes: [
        ...pairingRoutes(
          () => matter.pairingControl,
          () => (matter.started ? undefined : `The Matter node is not running: ${matter.offline()}`),
        ),
        ...alexaRoutes(() => cloud.link),
        ...cloudJoinRoutes({
          configPath: cli.config,
          storage: cli.storage,
          caPath: extras.joinCaPath,
          cloud: () => cloud.link,
          startLink,
          log,
        }),
      ],
    });
    teardown.add(() => api.close());
    if (cloudFiles) await startLink(cloudFiles);

    // Writable again (a read-only start): the ledger took its waiting writes; then the flags, then the node.
    const resumed: Array<Promise<void>> = [];
    storage.onChange((now) => {
      if (now.state === "held") resumed.push(onceWritable(cli, controller, ledgerOpen, matter, log));
    });
    teardown.addUrgent(async () => {
      matter.stop();
      await storage.stopWatching();
      await Promise.all(resumed);
    });
    storage.watch(controller);
    // A loss seen from here on (or just now): the bridge gives the folder up and closes.
    const lost = storage.lost.then((reason) => {
      log(reason.message);
      void close();
      return reason;
    });
    return {
      controller,
      ledger: ledgerOpen ? ledger : undefined,
      ledgerError: ledgerOpen ? undefined : ledger,
      token,
      storage,
      get matterStarted() {
        return matter.started;
      },
      matterOffline: () => matter.offline(),
      get pairing() {
        return matter.pairing;
      },
      get commissioned() {
        return matter.commissioned;
      },
      get pairingControl() {
        const control = matter.pairingControl;
        if (!control) throw new Error(`The Matter node is not running: ${matter.offline()}`);
        return control;
      },
      forgotten: matter.forgotten,
      api,
      get cloud() {
        return cloud.link;
      },
      close,
      lost,
    };
  } catch (err) {
    await teardown.run();
    throw err;
  }
}

/** After a read-only start, once the folder is this bridge's: the flags, then the Matter node (retried while it fails). */
async function onceWritable(
  cli: CliOptions,
  controller: SessionController,
  ledgerOpen: boolean,
  matter: BridgeNode,
  log: (m: string) => void,
): Promise<void> {
  const problem = controller.ledgerProblem();
  log(
    problem
      ? `The storage folder ${cli.storage} can be written again and is locked by this bridge; sessions are still refused: ${problem}`
      : `The storage folder ${cli.storage} can be written again: sessions can start.`,
  );
  await applyStartFlags(cli, controller, ledgerOpen, log).catch((err: Error) =>
    log(`--acknowledge-caution could not be recorded: ${err.message}`),
  );
  await matter.startNowWritable();
}

/** Calls `fn` the first time; every call answers that first call's promise. */
function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= fn());
}

/**
 * A corrupt ledger does not stop the bridge: it runs, refusing every start, and says so loudly. On
 * a storage folder it cannot write, the ledger is read and suspended (nothing is written).
 */
async function openLedger(storage: string, log: (m: string) => void, ownership: StorageOwnership): Promise<Ledger | LedgerCorruptError> {
  try {
    return await Ledger.open(storage, { reserveBytes: LEDGER_RESERVE_BYTES, log, suspended: ownership.why(), lockLost: ownership.confirm });
  } catch (err) {
    if (err instanceof LedgerCorruptError) return err;
    throw err;
  }
}
