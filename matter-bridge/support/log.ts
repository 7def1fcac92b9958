/**
 * The bridge's log: one line per event, as text (for a terminal or journald) or as JSON (for log
 * shippers). `log(message)` stays a plain string call everywhere in the bridge; `log.event` adds a
 * level and fields. matter.js's own logger is routed here too (matter/matter-log.ts).
 *
 * - text: the message, its own line breaks (a stack trace) folded into " | "; info and below on
 *   stdout, warnings and errors on stderr.
 * - json: `{"time","level","msg",...fields}` per line, everything on stdout; `msg` keeps its line
 *   breaks (escaped by JSON), so a stack trace is still one line.
 *
 * This module loads nothing heavy: the CLI creates the log before matter.js is imported.
 */

export const LOG_FORMATS = ["text", "json"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** matter.js's levels, so its events keep theirs. */
export const LOG_LEVELS = ["debug", "info", "notice", "warn", "error", "fatal"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Record<string, unknown>;

/** A `(message: string) => void` log, as every part of the bridge takes, plus levels and fields. */
export interface BridgeLog {
  (message: string): void;
  readonly format: LogFormat;
  event(level: LogLevel, message: string, fields?: LogFields): void;
}

interface Sink {
  write(text: string): unknown;
}

/** One line: a message's own line breaks (a stack trace) folded into " | ". */
export const oneLine = (message: string): string =>
  /[\r\n]/.test(message)
    ? message
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== "")
        .join(" | ")
    : message;

/** Values JSON cannot carry as they are (errors, bigints) in a readable form. */
const jsonValue = (_key: string, value: unknown) =>
  typeof value === "bigint" ? value.toString() : value instanceof Error ? (value.stack ?? value.message) : value;

export function createLog(format: LogFormat, sinks: { stdout?: Sink; stderr?: Sink; now?: () => Date } = {}): BridgeLog {
  const stdout = sinks.stdout ?? process.stdout;
  const stderr = sinks.stderr ?? process.stderr;
  const now = sinks.now ?? (() => new Date());
  const event = (level: LogLevel, message: string, fields: LogFields = {}) => {
    if (format === "json") {
      // time, level and msg first and never overwritten by a field of the same name.
      const { time: _t, level: _l, msg: _m, ...rest } = fields;
      stdout.write(`${JSON.stringify({ time: now().toISOString(), level, msg: message, ...rest }, jsonValue)}\n`);
      return;
    }
    const sink = LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf("warn") ? stderr : stdout;
    sink.write(`${oneLine(message)}\n`);
  };
  const log = ((message: string) => event("info", message)) as BridgeLog;
  Object.defineProperties(log, { format: { value: format }, event: { value: event } });
  return log;
}

/** The structured log behind a plain log function, when it is one (the CLI's); tests pass plain functions. */
export const structuredLog = (log: (m: string) => void): BridgeLog | undefined =>
  typeof (log as Partial<BridgeLog>).event === "function" && (log as Partial<BridgeLog>).format ? (log as BridgeLog) : undefined;
