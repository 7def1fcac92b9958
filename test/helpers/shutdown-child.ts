/**
 * Child process for the shutdown-signal test: a shutdown that takes `argv[2]` ms, prints "closed"
 * when it completes, and (with `throw`) throws an uncaught error half-way through it.
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
  { log },
);
process.on("uncaughtException", (err) => {
  log(`uncaught: ${err.message}`);
  on.error();
});
setInterval(() => {}, 1000);
log("ready");
