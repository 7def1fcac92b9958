import { type Duration, Time, type Timer } from "@matter/main";
import { until } from "./until.js";

interface Armed {
  timer: Timer;
  name: string;
  ms: number;
  periodic: boolean;
  /** What the callback returned the last time it ran (a deferred command's promise, say). */
  ran?: unknown;
}

/**
 * Records every matter.js timer armed from now until `stop()` (the bridge's node and the test's
 * controller share the process's `Time`). For a test that must wait out what matter.js might have
 * deferred (a scene transition's "on"): rather than sleeping for its time, `settled(withinMs)` waits
 * until every timer armed meanwhile that was due within `withinMs` (and every periodic one) has run,
 * with what its callback returned settled, or has been stopped. Longer timers (a subscription's, a
 * session's) are left alone.
 */
export function watchMatterTimers() {
  const armed: Armed[] = [];
  const { getTimer, getPeriodicTimer } = Time;
  const wrap = (periodic: boolean, make: typeof getTimer) => (name: string, duration: Duration, callback: Timer.Callback) => {
    const entry: Partial<Armed> = { name, ms: Number(duration), periodic };
    entry.timer = make(name, duration, (lifetime) => {
      entry.ran = callback(lifetime);
      return entry.ran;
    });
    armed.push(entry as Armed);
    return entry.timer;
  };
  // matter.js declares them readonly; they are plain static fields that every timer is made through.
  const time = Time as unknown as { getTimer: typeof getTimer; getPeriodicTimer: typeof getPeriodicTimer };
  time.getTimer = wrap(false, getTimer);
  time.getPeriodicTimer = wrap(true, getPeriodicTimer);
  const stop = () => {
    time.getTimer = getTimer;
    time.getPeriodicTimer = getPeriodicTimer;
  };
  return {
    stop,
    async settled(withinMs: number): Promise<void> {
      stop();
      const due = armed.filter((a) => a.periodic || a.ms <= withinMs);
      const running = () => due.filter((a) => a.timer.isRunning).map((a) => `${a.name} (${a.ms} ms)`);
      await until(() => running().length === 0, `matter.js timers to run out: ${running().join(", ")}`, withinMs + 5000);
      await Promise.allSettled(due.map((a) => a.ran));
    },
  };
}
