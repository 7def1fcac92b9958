import { type Clock, systemClock } from "./clock.js";

/** Runs `task` every `ms` on `clock`, never two at once; failures are logged, not thrown. Answers a stop. */
export function every(ms: number, task: () => Promise<void>, log: (m: string) => void, clock: Clock = systemClock): () => void {
  let stopped = false;
  let cancel = () => {};
  const tick = () => {
    task()
      .catch((err: Error) => log(err.message))
      .finally(() => {
        if (!stopped) cancel = clock.after(ms, tick);
      });
  };
  cancel = clock.after(ms, tick);
  return () => {
    stopped = true;
    cancel();
  };
}
