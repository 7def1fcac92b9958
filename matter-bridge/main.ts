/** The bridge CLI (`npm start -- [flags]`): flags, config, start-up, banner, caution prompt, signals. */

import type { BannerInfo } from "./cli/banner.js";
import { bannerFields } from "./cli/banner-event.js";
import { askCaution, type CautionPrompt } from "./cli/caution-prompt.js";
import { busyPort, busyPortOf } from "./cli/ports.js";
import { onShutdownSignals } from "./cli/signals.js";
import { ConfigError, loadConfig, matterEnvProblem, parseCli, USAGE } from "./config/load.js";
import { CAUTION_VERSION } from "./contract/caution.js";
import { LedgerIdsError } from "./dose/ids.js";
import { lockStorageOrReadOnly, STORAGE_LOCKED_EXIT, StorageLockedError } from "./storage/lock.js";
import { StorageUnavailableError } from "./storage/writable.js";
import { createLog } from "./support/log.js";
import { VERSION } from "./version.js";

// Commands of their own, done before any of the bridge starts: `biolight-bridge link <code>` (asks the
// running bridge) and `biolight-bridge cloud join …`.
if (process.argv[2] === "link") process.exit(await (await import("./cli/link-command.js")).linkCommand(process.argv.slice(3), process.env));
if (process.argv[2] === "cloud") process.exit(await (await import("./cli/cloud-join.js")).cloudCommand(process.argv.slice(3), process.env));

let cli: ReturnType<typeof parseCli>;
try {
  cli = parseCli(process.argv.slice(2));
} catch (err) {
  // Before the flags are known good: plain text for the person who typed them.
  console.error(err instanceof ConfigError ? err.message : String(err));
  process.exit(2);
}
const opts = cli!;
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}
if (opts.version) {
  console.log(VERSION);
  process.exit(0);
}
if (opts.checkConfig) {
  const { checkConfig } = await import("./cli/check-config.js");
  const { code, message } = await checkConfig(opts.config, opts.storage);
  (code === 0 ? console.log : console.error)(message);
  process.exit(code);
}
{
  const problem = matterEnvProblem(process.env);
  if (problem) {
    console.error(problem);
    process.exit(2);
  }
}
// matter.js reads process.argv as its own variables (--log-format json would become its log format,
// which it rejects): the flags are parsed, so it is given none of them.
process.argv.splice(2);
// One line per event from here on (support/log.ts); matter.js's own lines join it (matter/runtime.ts).
const log = createLog(opts.logFormat ?? "text");
const fail = (message: string, code: number): never => {
  if (log.format === "json") log.event("fatal", message, { exitCode: code });
  else console.error(message);
  process.exit(code);
};
const config = await loadConfig(opts.config).catch((err: Error) =>
  fail(err instanceof ConfigError ? err.message : `Cannot load the config: ${err.message}`, err instanceof ConfigError ? err.exitCode : 1),
);
// The cloud link's files (certificate, key, CA) checked before anything starts: a mistake is one line, exit 2.
const cloud = config.cloud
  ? await (await import("./cloud/options.js"))
      .cloudConnection(config.cloud, opts.storage)
      .catch((err: Error) => fail(err.message, err instanceof ConfigError ? err.exitCode : 2))
  : undefined;

// The storage lock before anything heavy loads: a second bridge on this folder exits at once. A
// folder this user cannot write gives no lock: the bridge runs read-only until it can (bridge.ts).
const locked = await lockStorageOrReadOnly(opts.storage).catch((err: Error) =>
  err instanceof StorageLockedError
    ? fail(err.message, STORAGE_LOCKED_EXIT)
    : fail(`Cannot lock the storage folder ${opts.storage}: ${err.message}`, 1),
);
const readOnly = locked instanceof StorageUnavailableError ? locked : undefined;
const lock = { release: async () => (locked instanceof StorageUnavailableError ? undefined : locked.release()) };
if (readOnly && opts.resetPairing) fail(`--reset-pairing needs a storage folder it can write. ${readOnly.message}`, 1);
// --reset-pairing: confirmed (y/N on a terminal, else --yes) while nothing has been touched yet.
if (opts.resetPairing) {
  const { confirmResetPairing } = await import("./cli/reset-pairing.js");
  const decision = await confirmResetPairing({
    yes: opts.yes,
    // Not when stdout carries JSON: the question would be a line no log shipper can parse.
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY) && log.format === "text",
    input: process.stdin,
    output: process.stdout,
  });
  if (!decision.reset) {
    await lock.release();
    fail(decision.message, decision.exitCode);
  }
}
// A busy port in one line naming its flag, before matter.js loads or a panel is touched.
const busy = await busyPort(opts);
if (busy) {
  await lock.release();
  fail(busy, 1);
}
// matter.js is loaded only once flags, config and storage are known good, so mistakes are reported at once.
// (The banner too: its QR code uses matter.js.)
const [{ startBridge }, { renderQr }, { banner, howToAcknowledge }] = await Promise.all([
  import("./bridge.js"),
  import("./matter/pairing.js"),
  import("./cli/banner.js"),
]);
const starting = startBridge(opts, config, process.env, log, locked, { cloud });
let prompt: CautionPrompt | undefined;
// Installed before start-up finishes: a signal mid-start still ends with every panel off.
const shutdownOn = onShutdownSignals(
  async () => {
    prompt?.close();
    const bridge = await starting.catch(() => undefined);
    const notOff = (await bridge?.close()) ?? [];
    if (!notOff.length) return log("Bridge stopped: every panel is off.");
    // Safety first: a panel that may still be on is not a clean stop (exit 1).
    log(`Bridge stopped, but ${notOff.join(", ")} did not confirm it is off: check it (a press at the device, or unreachable).`);
    shutdownOn.error();
  },
  { log },
);
process.on("uncaughtException", (err) => {
  log.event("error", `Unexpected error: ${err.stack ?? err.message}`);
  shutdownOn.error();
});
process.on("unhandledRejection", (reason) =>
  log.event("error", `Unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`),
);

const bridge = await starting.catch((err: Error) =>
  err instanceof StorageUnavailableError && err.state === "locked"
    ? fail(err.message, STORAGE_LOCKED_EXIT)
    : // The config must say where an id in the ledger went: a mistake in what the owner wrote (exit 2).
      err instanceof LedgerIdsError
      ? fail(err.message, 2)
      : fail(
          busyPortOf(err, opts) ?? `The bridge could not start: ${err instanceof ConfigError ? err.message : (err.stack ?? err.message)}`,
          1,
        ),
);
const { controller, ledger, api } = bridge;
// Another bridge took the storage folder over: this one shuts down (every panel off) and exits 3.
void bridge.lost.then(() => shutdownOn.exit(STORAGE_LOCKED_EXIT, "Another bridge took over the storage folder"));
if (opts.resetPairing) log((await import("./cli/reset-pairing.js")).describeForgotten(bridge.forgotten));

const matterOffline = bridge.matterOffline();
const bannerInfo: BannerInfo = {
  ...(matterOffline
    ? { matterOffline }
    : {
        qr: renderQr(bridge.pairing.qrPairingCode),
        manualPairingCode: bridge.pairing.manualPairingCode,
        fabrics: bridge.pairingControl.fabrics(),
      }),
  commissioned: bridge.commissioned,
  matterPort: opts.matterPort,
  apiUrl: api.url,
  apiHost: opts.apiHost,
  terminal: Boolean(process.stdout.isTTY),
  token: bridge.token,
  panels: config.panels.map((p, i) => ({ config: p, status: controller.status()[i] })),
  caution: controller.caution.record(),
  cautionAcknowledged: controller.caution.acknowledged(),
  redFlags: controller.caution.openRedFlags(),
  clock: controller.time.state(),
  clockCheck: controller.clockTrust.check(),
  ledgerError: bridge.ledgerError,
  ledgerProblem: controller.ledgerProblem(),
  storageState: controller.storageState(),
  storage: opts.storage,
  ...(cloud && bridge.cloud ? { cloud: { state: bridge.cloud.state, broker: `${cloud.host}:${cloud.port}`, thing: cloud.thing } } : {}),
};
// The banner is for people; with --log-format json it is one event with the same facts as fields.
if (log.format === "json")
  log.event(
    "info",
    "Bridge started",
    bannerFields(bannerInfo, { qrPairingCode: matterOffline ? undefined : bridge.pairing.qrPairingCode, version: VERSION }),
  );
else console.log(banner(bannerInfo));
const readyMs = Math.round(performance.now());
log.event(
  "info",
  `bridge ready in ${readyMs} ms (version ${VERSION}, Matter UDP ${opts.matterPort}${matterOffline ? " not started" : ""}, API ${api.url})`,
  {
    event: "ready",
    startupMs: readyMs,
    version: VERSION,
    matterPort: opts.matterPort,
    ...(matterOffline ? { matter: "not started" } : {}),
    apiUrl: api.url,
  },
);

// Whenever the household gate is closed: never acknowledged, an older version, or withdrawn.
if (ledger && !controller.caution.acknowledged()) {
  const why = controller.caution.problem();
  // The prompt talks to a person on stdout, so not when stdout carries JSON.
  if (process.stdin.isTTY && process.stdout.isTTY && log.format === "text") {
    prompt = askCaution({
      input: process.stdin,
      output: process.stdout,
      why,
      acknowledge: (version) => controller.caution.acknowledge(version, "cli-prompt"),
      withdraw: () => controller.withdrawCaution("red flag reported at the terminal", "cli-prompt"),
      onInterrupt: () => shutdownOn.signal("SIGINT"),
    });
  } else if (log.format === "json") {
    log.event("warn", `The red-flag caution (version ${CAUTION_VERSION}) is not acknowledged. ${why ?? ""}`.trim(), {
      event: "caution-not-acknowledged",
      howToAcknowledge: howToAcknowledge(api.url).map((l) => l.trim()),
    });
  } else {
    log(`The red-flag caution (version ${CAUTION_VERSION}) is not acknowledged. ${why ?? ""}`.trim());
    for (const line of howToAcknowledge(api.url)) log(line);
  }
}
