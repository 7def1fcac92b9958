/**
 * The tests' one way to wait: `until` a condition holds (polled; for state no event announces),
 * `untilValue` for a value read until it is the one wanted, `nextTurn` to let pending promise and I/O
 * callbacks run, and `pause` where real time itself must pass (say why at the call). Time the code
 * under test keeps on an injected clock is moved with the FakeClock (fake-clock.ts) instead.
 */

/** Polls `check` until it holds; throws naming `what` after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000, everyMs = 10): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await pause(everyMs);
  }
}

/**
 * Reads `read()` until `done` holds for its value and answers that value; throws naming `what` and
 * the last value read after `timeoutMs`.
 */
export async function untilValue<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 5000,
  everyMs = 10,
): Promise<T> {
  let value: T | undefined;
  let seen = false;
  try {
    await until(
      async () => {
        value = await read();
        seen = true;
        return done(value);
      },
      what,
      timeoutMs,
      everyMs,
    );
  } catch (err) {
    throw seen ? new Error(`${(err as Error).message} (last read: ${JSON.stringify(value)})`) : err;
  }
  return value as T;
}

/** Lets the promise callbacks and I/O callbacks pending now run (one turn of the event loop). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Real time passing, `ms` of it. Only where the wait itself is the point: say why at the call. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
