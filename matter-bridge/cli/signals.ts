/**
 * SIGINT/SIGTERM: one clean shutdown (every panel off, sessions closed, node and API closed), then
 * exit 0. A second signal, or a shutdown that hangs on an unreachable panel, exits at once.
 * A repeat within a second is the same signal delivered twice (Ctrl-C under `npm start` reaches
 * npm, tsx and the bridge, and the first two relay it) and is ignored.
 */
export function onShutdownSignals(
  shutdown: (signal: string) => Promise<void>,
  { log, timeoutMs = 15_000 }: { log: (m: string) => void; timeoutMs?: number },
): (signal: string, exitCode?: number) => void {
  let stopping = false;
  let firstAt = 0;
  const trigger = (signal: string, exitCode = 0) => {
    if (stopping && performance.now() - firstAt < 1000) return;
    if (stopping) {
      log(`${signal} again: exiting now. A panel may still be on; its session counts as fully delivered.`);
      process.exit(130);
    }
    stopping = true;
    firstAt = performance.now();
    log(`${signal}: switching every panel off and closing…`);
    setTimeout(() => {
      log(`Shutdown did not finish within ${timeoutMs / 1000} s: exiting. Open sessions count as fully delivered.`);
      process.exit(1);
    }, timeoutMs).unref();
    shutdown(signal).then(
      () => process.exit(exitCode),
      (err: Error) => {
        log(`Shutdown failed: ${err.stack ?? err.message}`);
        process.exit(1);
      },
    );
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => trigger(signal));
  return trigger;
}

/** Runs `task` every `ms`, never two at once; failures are logged, not thrown. */
export function every(ms: number, task: () => Promise<void>, log: (m: string) => void): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    task()
      .catch((err: Error) => log(err.message))
      .finally(() => {
        busy = false;
      });
  }, ms);
  return () => clearInterval(timer);
}
