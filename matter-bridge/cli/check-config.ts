/**
 * `--check-config`: the config file (and the files its cloud section names) checked as a start would
 * check them, and nothing else: no storage lock, no ledger, no file written, no port opened.
 */
import { ConfigError, loadConfig } from "../config/load.js";

export interface CheckResult {
  /** 0: the file is good; 2: it is not (the messages say why). */
  code: 0 | 2;
  message: string;
}

export async function checkConfig(path: string | undefined, storage: string): Promise<CheckResult> {
  if (!path)
    return {
      code: 2,
      message: "--check-config needs a config file: --config FILE (or BRIDGE_CONFIG). Without one the bridge runs one simulated panel.",
    };
  try {
    const config = await loadConfig(path);
    const cloud = config.cloud ? await (await import("../cloud/options.js")).cloudConnection(config.cloud, storage) : undefined;
    const list = (ids: string[]) => ids.join(", ");
    return {
      code: 0,
      message: [
        `Config ${path} is valid:`,
        `  panels: ${list(config.panels.map((p) => `${p.id} (${p.driver.kind})`))}`,
        `  people: ${list(config.people.map((p) => p.id))}`,
        `  cloud link: ${cloud ? `${cloud.host}:${cloud.port} as ${cloud.thing}` : "off"}`,
      ].join("\n"),
    };
  } catch (err) {
    return { code: 2, message: err instanceof ConfigError ? err.message : `Cannot check ${path}: ${(err as Error).message}` };
  }
}
