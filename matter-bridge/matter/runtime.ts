/**
 * The matter.js runtime, configured here and nowhere else. The bridge's node runs in matter.js's
 * process-wide default Environment: its variables choose the storage folder and whether matter.js
 * traps signals; its Logger is process-wide too.
 */
import { join } from "node:path";
import { Environment, Logger } from "@matter/main";
import { structuredLog } from "../support/log.js";
import { routeMatterLogs } from "./matter-log.js";

/**
 * For the bridge process (the CLI), once, before the node starts. The bridge owns the process:
 * matter.js must not trap SIGINT/SIGTERM (it would close the node before the panels are off). Its
 * logging drops to warnings so the banner stays readable; MATTER_LOG_LEVEL (e.g. "debug") still
 * overrides. Given the CLI's log (support/log.ts), matter.js's lines are written through it, in its format.
 */
export function configureMatterRuntime(env: NodeJS.ProcessEnv, log?: (m: string) => void): void {
  Environment.default.vars.set("runtime.signals", false);
  if (!env.MATTER_LOG_LEVEL) Logger.level = "warn";
  const bridgeLog = log && structuredLog(log);
  if (bridgeLog) routeMatterLogs(bridgeLog);
}

/**
 * The environment the bridge's node runs in, its matter.js storage (fabrics, endpoint numbers) in
 * `matter/` under the bridge's storage folder. matter.js also reads process.argv, where the
 * bridge's own --storage flag lands as a plain "storage" variable: it is replaced with the map
 * matter.js expects.
 */
export function matterEnvironment(storageDir: string): Environment {
  const environment = Environment.default;
  environment.vars.set("storage", { path: join(storageDir, "matter") });
  return environment;
}
