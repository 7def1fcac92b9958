/**
 * Child process for the shutdown-signal test: a shutdown that takes `argv[2]` ms, prints "closed"
 * when it completes, and (with `throw`) throws an uncaught error half-way through it. With `exit3`
 * it shuts down by itself once ready, for a reason of its own, to end with status 3; `argv[4]` is
 * the shutdown's time limit in ms.
 */
import { onShutdownSignals } from "../../matter-bridge/cli/signals.js";

const shutdownMs = Number(process.argv[2]);
const log = (m: string) => process.stdout.write(`${m}\n`);
const on = onShutdownSignals(
  async () => {
    if (process.argv[3] === "throw") {
      setTimeout(() => {
        throw new Error("boom while closing");
      }, shutdownMs / 2);
    }
    await new Promise((r) => setTimeout(r, shutdownMs));
    log("closed");
  },
  { log, ...(process.argv[4] ? { timeoutMs: Number(process.argv[4]) } : {}) },
);
process.on("uncaughtException", (err) => {
  log(`uncaught: ${err.message}`);
  on.error();
});
setInterval(() => {}, 1000);
log("ready");
if (process.argv[3] === "exit3") on.exit(3, "Another bridge took over the storage folder");
