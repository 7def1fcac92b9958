import { Environment, Logger } from "@matter/main";

/**
 * The CLI owns the process: matter.js must not trap SIGINT/SIGTERM (it would close the node before
 * the panels are off). Its logging drops to warnings so the banner stays readable; MATTER_LOG_LEVEL
 * (e.g. "debug") still overrides.
 */
export function configureMatterRuntime(env: NodeJS.ProcessEnv): void {
  const vars = Environment.default.vars;
  vars.set("runtime.signals", false);
  if (!env.MATTER_LOG_LEVEL) Logger.level = "warn";
}
