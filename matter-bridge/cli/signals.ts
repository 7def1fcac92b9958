/**
 * SIGINT/SIGTERM: one clean shutdown (every panel off, sessions closed, node and API closed), then
 * exit 0. A second signal, or a shutdown that hangs on an unreachable panel, exits at once.
 * A repeat within a second is the same signal delivered twice (Ctrl-C under `npm start` reaches
 * both npm and the bridge, and npm relays it) and is ignored. An error starts the same
 * shutdown with exit code 1; during a shutdown it only sets that code, never cuts the shutdown short.
 */
import { type Clock, systemClock } from "../support/clock.js";

/** What the shutdown needs of the process: its signals and its exit (a test passes its own). */
export interface ShutdownHost {
  on(signal: "SIGINT" | "SIGTERM", listener: () => void): unknown;
  exit(code: number): void;
}

export function onShutdownSignals(
  shutdown: (signal: string) => Promise<void>,
  {
    log,
    timeoutMs = 15_000,
    clock = systemClock,
    host = process,
  }: { log: (m: string) => void; timeoutMs?: number; clock?: Clock; host?: ShutdownHost },
): { signal(name: string): void; error(): void; exit(code: number, reason: string): void } {
  let stoppingSince: number | undefined;
  /** When a signal asked for the shutdown under way (one the bridge started itself, on an error or a lost lock, does not count). */
  let signalledAt: number | undefined;
  let exitCode = 0;
  const stop = (reason: string) => {
    stoppingSince = clock.monotonic();
    log(`${reason}: switching every panel off and closing…`);
    // Every way out of the shutdown ends in exit(): the time limit needs no unref.
    clock.after(timeoutMs, () => {
      log(`Shutdown did not finish within ${timeoutMs / 1000} s: exiting. Open sessions count as fully delivered.`);
      host.exit(1);
    });
    shutdown(reason).then(
      () => host.exit(exitCode),
      (err: Error) => {
        log(`Shutdown failed: ${err.stack ?? err.message}`);
        host.exit(1);
      },
    );
  };
  const signal = (name: string) => {
    if (signalledAt === undefined) {
      signalledAt = clock.monotonic();
      // The first signal during the bridge's own shutdown asks for what is under way already.
      if (stoppingSince === undefined) stop(name);
      return;
    }
    if (clock.monotonic() - signalledAt < 1000) return;
    log(`${name} again: exiting now. A panel may still be on; its session counts as fully delivered.`);
    host.exit(130);
  };
  const error = () => {
    exitCode = 1;
    if (stoppingSince === undefined) stop("Unexpected error");
  };
  /** The same shutdown for a reason of the bridge's own, ending with `code` (unless it hangs: then 1). */
  const exit = (code: number, reason: string) => {
    exitCode = code;
    if (stoppingSince === undefined) stop(reason);
  };
  for (const name of ["SIGINT", "SIGTERM"] as const) host.on(name, () => signal(name));
  return { signal, error, exit };
}
