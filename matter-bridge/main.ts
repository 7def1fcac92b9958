/** The bridge CLI (`npm start -- [flags]`): flags, config, start-up, banner, caution prompt, signals. */

import { banner, howToAcknowledge } from "./cli/banner.js";
import { askCaution, type CautionPrompt } from "./cli/caution-prompt.js";
import { every, onShutdownSignals } from "./cli/signals.js";
import { ConfigError, loadConfig, parseCli, USAGE } from "./config/load.js";
import { CAUTION_VERSION } from "./contract/caution.js";
import { lockStorage, STORAGE_LOCKED_EXIT, StorageLockedError } from "./storage/lock.js";

const log = (m: string) => console.log(m);
const fail = (message: string, code: number): never => {
  console.error(message);
  process.exit(code);
};

let cli: ReturnType<typeof parseCli>;
try {
  cli = parseCli(process.argv.slice(2));
} catch (err) {
  fail(err instanceof ConfigError ? err.message : String(err), 2);
}
const opts = cli!;
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}
const config = await loadConfig(opts.config).catch((err: Error) =>
  fail(err instanceof ConfigError ? err.message : `Cannot load the config: ${err.message}`, 1),
);

// The storage lock before anything heavy loads: a second bridge on this folder exits at once.
const lock = await lockStorage(opts.storage).catch((err: Error) =>
  err instanceof StorageLockedError
    ? fail(err.message, STORAGE_LOCKED_EXIT)
    : fail(`Cannot lock the storage folder ${opts.storage}: ${err.message}`, 1),
);
// matter.js is loaded only once flags, config and storage are known good, so mistakes are reported at once.
const [{ startBridge }, { renderQr }, { PANEL_POLL_MS }] = await Promise.all([
  import("./bridge.js"),
  import("./matter/pairing.js"),
  import("./sessions/controller.js"),
]);
const starting = startBridge(opts, config, process.env, log, lock);
let prompt: CautionPrompt | undefined;
let stopPolling = () => {};
// Installed before start-up finishes: a signal mid-start still ends with every panel off.
const shutdownOn = onShutdownSignals(
  async () => {
    stopPolling();
    prompt?.close();
    const bridge = await starting.catch(() => undefined);
    await bridge?.close();
    log("Bridge stopped: every panel is off.");
  },
  { log },
);
process.on("uncaughtException", (err) => {
  log(`Unexpected error: ${err.stack ?? err.message}`);
  shutdownOn.error();
});
process.on("unhandledRejection", (reason) =>
  log(`Unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`),
);

const bridge = await starting.catch((err: Error) =>
  fail(`The bridge could not start: ${err instanceof ConfigError ? err.message : (err.stack ?? err.message)}`, 1),
);
const { controller, ledger, api } = bridge;
// Every 2 s: a relay switched on at the device is off again within 3 s, and a clock step is noticed.
const pollers = config.panels.map((p) =>
  every(
    PANEL_POLL_MS,
    () => controller.pollPanel(p.id),
    (m) => log(`[${p.id}] poll failed: ${m}`),
  ),
);
stopPolling = () => {
  for (const stop of pollers) stop();
};

console.log(
  banner({
    qr: renderQr(bridge.pairing.qrPairingCode),
    manualPairingCode: bridge.pairing.manualPairingCode,
    commissioned: bridge.commissioned,
    matterPort: opts.matterPort,
    apiUrl: api.url,
    token: bridge.token,
    panels: config.panels.map((p, i) => ({ config: p, status: controller.status()[i] })),
    caution: controller.caution.record(),
    cautionAcknowledged: controller.caution.acknowledged(),
    clock: controller.time.state(),
    ledgerError: bridge.ledgerError,
    storage: opts.storage,
  }),
);
log(`bridge ready in ${Math.round(performance.now())} ms (Matter UDP ${opts.matterPort}, API ${api.url})`);

// Whenever the household gate is closed: never acknowledged, an older version, or withdrawn.
if (ledger && !controller.caution.acknowledged()) {
  const why = controller.caution.problem();
  if (process.stdin.isTTY && process.stdout.isTTY) {
    prompt = askCaution({
      input: process.stdin,
      output: process.stdout,
      why,
      acknowledge: (version) => controller.caution.acknowledge(version, "cli-prompt"),
      withdraw: () => controller.withdrawCaution("red flag reported at the terminal", "cli-prompt"),
      onInterrupt: () => shutdownOn.signal("SIGINT"),
    });
  } else {
    log(`The red-flag caution (version ${CAUTION_VERSION}) is not acknowledged. ${why ?? ""}`.trim());
    for (const line of howToAcknowledge(api.url)) log(line);
  }
}
