/**
 * Child process for the shutdown-signal test: a shutdown that takes `argv[2]` ms, prints "closed"
 * when it completes, and (with `throw`) throws an uncaught error half-way through it.
 */
import { onShutdownSignals } from "../../matter-bridge/cli/signals.js";
import { pause } from "./until.js";

const shutdownMs = Number(process.argv[2]);
const log = (m: string) => process.stdout.write(`${m}\n`);
const on = onShutdownSignals(
  async () => {
    if (process.argv[3] === "throw") {
      setTimeout(() => {
        throw new Error("boom while closing");
      }, shutdownMs / 2);
    }
    await pause(shutdownMs); // real time: the parent sends real signals while this shutdown runs
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
