/**
 * matter.js's process-wide Logger written through the bridge's log, so its lines share the bridge's
 * format (one line per event; JSON with `--log-format json`) instead of matter.js's own ANSI lines.
 * Levels still come from matter.js (runtime.ts: warnings only, or MATTER_LOG_LEVEL).
 */
import { type Diagnostic, LogFormat, Logger, LogLevel } from "@matter/main";
import { type BridgeLog, LOG_LEVELS } from "../support/log.js";

export function routeMatterLogs(log: BridgeLog): void {
  Logger.destinations.default.add = (message: Diagnostic.Message) => {
    const level = LOG_LEVELS[message.level] ?? LOG_LEVELS[LogLevel.INFO];
    const text = `${message.prefix}${LogFormat.formats.plain(message.values)}`;
    if (log.format === "json") log.event(level, text, { source: "matter.js", facility: message.facility });
    else log.event(level, `matter.js ${level.toUpperCase()} ${message.facility}: ${text}`);
  };
}
