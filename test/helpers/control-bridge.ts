/**
 * A real bridge without Matter for skill and dashboard-free tests: ledger, session controller,
 * simulated panel and the HTTP control API, in-process on a free port, in a temp storage dir.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Clock } from "../../common/clock.js";
import { type ApiOptions, startApi } from "../../matter-bridge/api/server.js";
import { CAUTION_VERSION } from "../../matter-bridge/contract/caution.js";
import type { BridgeConfigInput } from "../../matter-bridge/contract/config.js";
import { checkLedgerIds } from "../../matter-bridge/dose/ids.js";
import { LEDGER_FILE, Ledger } from "../../matter-bridge/dose/ledger.js";
import { createDriver } from "../../matter-bridge/panels/index.js";
import type { SimulatedDriver } from "../../matter-bridge/panels/simulated.js";
import { SessionController } from "../../matter-bridge/sessions/controller.js";
import { makeConfig } from "./dose-fixtures.js";
import { newTempDir, removeTempDir } from "./temp-dirs.js";

export const BRIDGE_TOKEN = "skill-test-token-0123456789abcdefghij";

export interface ControlBridge {
  url: string;
  token: string;
  storage: string;
  controller: SessionController;
  ledger: Ledger;
  /** The first panel's simulated driver (test hooks: press, slowOn, setReachable). */
  driver: SimulatedDriver;
  logs: string[];
  /** What the simulated panel is doing, read from its state file (what an outside observer sees). */
  panel(): Promise<{ on: boolean; seconds?: number }>;
  /** Shuts the bridge down and removes its storage folder; a second call does nothing. */
  close(): Promise<void>;
  /**
   * Shuts the bridge down (panels off) and starts another on the same storage folder, e.g. with a
   * changed config; rejects as that start-up does (the folder is kept: restart again, e.g. with the
   * config fixed; it is removed after the test file otherwise).
   */
  restart(opts?: Omit<ControlBridgeOptions, "ledgerFile">): Promise<ControlBridge>;
}

/**
 * Bridges not closed yet: in Jest, a test file's leftovers are closed (and their folders removed)
 * after its tests. (The global hook, not @jest/globals: `npm run bench` uses this helper outside Jest.)
 */
const open = new Set<ControlBridge>();
/** Folders of bridges whose restart was refused. */
const leftovers = new Set<string>();
if (typeof afterAll === "function")
  afterAll(async () => {
    for (const bridge of [...open]) await bridge.close();
    for (const dir of leftovers) await removeTempDir(dir);
  });

export interface ControlBridgeOptions {
  acknowledged?: boolean;
  config?: Partial<BridgeConfigInput>;
  /** A ledger file (its JSON) already in the storage folder when the bridge starts, e.g. one from an older version. */
  ledgerFile?: unknown;
  /** More of the API's options (extra routes, a static handler, the token throttle). */
  api?: Pick<ApiOptions, "extraRoutes" | "static" | "authThrottle" | "cloud">;
  /** The bridge's clock (ledger, sessions, API), e.g. a FakeClock a test moves; default the system's. */
  clock?: Clock;
}

export async function startControlBridge(opts: ControlBridgeOptions = {}): Promise<ControlBridge> {
  const storage = await newTempDir("biolight-bridge-");
  try {
    return await startIn(storage, opts);
  } catch (err) {
    await removeTempDir(storage);
    throw err;
  }
}

async function startIn(storage: string, opts: ControlBridgeOptions): Promise<ControlBridge> {
  const config = makeConfig(opts.config ?? {});
  if (opts.ledgerFile !== undefined) await writeFile(join(storage, LEDGER_FILE), JSON.stringify(opts.ledgerFile));
  const ledger = await Ledger.open(storage, { clock: opts.clock });
  // As the bridge does before any panel is touched (bridge.ts).
  checkLedgerIds(config, ledger);
  if (opts.acknowledged) await ledger.acknowledgeCaution(CAUTION_VERSION, "test");
  const logs: string[] = [];
  const log = (m: string) => void logs.push(m);
  const drivers = Object.fromEntries(
    await Promise.all(config.panels.map(async (p) => [p.id, await createDriver(p, { storageDir: storage, log })] as const)),
  );
  const controller = new SessionController({ config, ledger, drivers, log, offRetryMs: 20, clock: opts.clock });
  await controller.recover();
  // The API's own stop timeout (5 s), not a shorter one: on a busy machine a switch-off and its ledger
  // write can take longer than half a second, and the stop would then read as an unreachable panel.
  const api = await startApi({ controller, token: BRIDGE_TOKEN, host: "127.0.0.1", port: 0, log, clock: opts.clock, ...opts.api });
  let closing: Promise<void> | undefined;
  const stop = async () => {
    open.delete(bridge);
    await controller.shutdown();
    await api.close();
  };
  const bridge: ControlBridge = {
    url: api.url,
    token: BRIDGE_TOKEN,
    storage,
    controller,
    ledger,
    driver: drivers[config.panels[0].id] as SimulatedDriver,
    logs,
    panel: async () => JSON.parse(await readFile(join(storage, "panels", `${config.panels[0].id}.json`), "utf8")),
    close() {
      closing ??= (async () => {
        await stop();
        await removeTempDir(storage);
      })();
      return closing;
    },
    async restart(next = {}) {
      closing ??= stop();
      await closing;
      try {
        const started = await startIn(storage, next);
        leftovers.delete(storage);
        return started;
      } catch (err) {
        leftovers.add(storage);
        throw err;
      }
    },
  };
  open.add(bridge);
  return bridge;
}
