/**
 * The durable dose ledger: sessions and the household caution record, one JSON file in the storage
 * dir, replaced durably (contract/durable-file.ts) on every change. A change is acknowledged only
 * after it is on disk; a file that cannot be read or validated is never replaced with an empty one;
 * nothing is written when nothing changed.
 *
 * In memory every time is on the trusted time line (see trusted-time.ts); the file holds wall-clock
 * times, so a forward clock step taken out of the line is added back when the file is written.
 */
import { mkdir, readFile, rm, stat, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileDurably } from "../contract/durable-file.js";
import { DAY_MS } from "../contract/units.js";
import type { Clock } from "../sessions/clock.js";
import { type CautionRecord, isOpen, type LedgerFile, LedgerFileSchema, type LedgerSession, LedgerSessionSchema } from "./ledger-schema.js";
import { TrustedTime } from "./trusted-time.js";

export const LEDGER_FILE = "ledger.json";
/** The end reason of a session left open by a crash or power loss and closed at the next start. */
const RECOVERED = "recovered-after-restart";
/** Entries older than this on the trusted line are dropped on write; history needs 90 days. */
const LEDGER_RETENTION_MS = 100 * DAY_MS;

export class LedgerCorruptError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(
      `The dose ledger at ${path} cannot be read (${detail}). Sessions are refused until it is repaired or restored; it was not reset.`,
    );
    this.name = "LedgerCorruptError";
  }
}

/** The ledger cannot take a change now (unreadable, or an earlier change still waits for the disk). */
export class LedgerUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LedgerUnavailableError";
  }
}

/** Writes the file's new text durably; rejects (leaving the old file and no temp file) when it cannot. */
export type LedgerWriter = (path: string, text: string) => Promise<void>;

export interface LedgerOptions {
  /** Wall and monotonic clocks (default: the system's). */
  clock?: Clock;
  write?: LedgerWriter;
  /**
   * Space kept in a spare file beside the ledger (bytes). When the disk is full, the spare is given
   * up so the change that must not be lost (a session's end, a red flag, light by hand) still lands.
   */
  reserveBytes?: number;
  log?: (message: string) => void;
}

export const RESERVE_FILE = "ledger.reserve";

const EMPTY: LedgerFile = { format: "biolight-ledger/1", sessions: [], caution: null };

export class Ledger {
  private queue: Promise<unknown> = Promise.resolve();
  /** The line-to-wall offset the file was last written with. */
  private writtenOffset = 0;

  private constructor(
    readonly path: string,
    private data: LedgerFile,
    readonly time: TrustedTime,
    private readonly write: LedgerWriter,
    private readonly reserve: string | undefined,
    private readonly log: (message: string) => void,
  ) {}

  /**
   * Opens (or creates) the ledger in `dir`. Throws LedgerCorruptError for an unreadable file.
   * `clock` may be a plain function for tests whose wall and monotonic time move together.
   */
  static async open(dir: string, options: LedgerOptions | (() => number) = {}): Promise<Ledger> {
    const opts: LedgerOptions = typeof options === "function" ? { clock: { now: options, monotonic: options } } : options;
    const clock = opts.clock ?? { now: () => Date.now(), monotonic: () => performance.now() };
    const write = opts.write ?? ((path: string, text: string) => writeFileDurably(path, text));
    await mkdir(dir, { recursive: true });
    const path = join(dir, LEDGER_FILE);
    const data = await readLedgerFile(path);
    const reserve = opts.reserveBytes ? join(dir, RESERVE_FILE) : undefined;
    if (reserve) await keepReserve(reserve, opts.reserveBytes!);
    return new Ledger(path, data, new TrustedTime(clock, latestTimeIn(data)), write, reserve, opts.log ?? (() => {}));
  }

  sessions(): readonly LedgerSession[] {
    return this.data.sessions;
  }

  openSessions(): LedgerSession[] {
    return this.data.sessions.filter(isOpen);
  }

  caution(): CautionRecord | null {
    return this.data.caution;
  }

  /** Sessions that ended at or after `sinceMs`, oldest first. */
  history(sinceMs: number): LedgerSession[] {
    return this.data.sessions.filter((s) => !isOpen(s) && (s.endedAt ?? 0) >= sinceMs);
  }

  /** Records a session before the panel is switched on. */
  async begin(session: LedgerSession): Promise<void> {
    return this.add(session);
  }

  /** Records a session that is already over (light the bridge did not start, e.g. a press at the device). */
  async record(session: LedgerSession): Promise<void> {
    if (isOpen(session)) throw new Error(`session ${session.id} has no end`);
    return this.add(session);
  }

  /** Closes a session after the panel switched off. */
  finish(id: string, endedAt: number, deliveredSeconds: number, endReason: string): Promise<LedgerSession> {
    let closed: LedgerSession | undefined;
    return this.change((d) => {
      const sessions = d.sessions.map((s) => {
        if (s.id !== id || !isOpen(s)) return s;
        closed = { ...s, endedAt, deliveredSeconds: Math.min(Math.max(0, deliveredSeconds), s.plannedSeconds), endReason };
        return closed;
      });
      if (!closed) throw new Error(`no open session ${id} in the ledger`);
      return { ...d, sessions };
    }).then(() => closed!);
  }

  /** Start-up recovery: a session with no recorded end counts as fully delivered. */
  async closeOpenAsDelivered(reason = RECOVERED): Promise<LedgerSession[]> {
    if (this.openSessions().length === 0) return [];
    const closed: LedgerSession[] = [];
    await this.change((d) => ({
      ...d,
      sessions: d.sessions.map((s) => {
        if (!isOpen(s)) return s;
        const c = { ...s, endedAt: s.startedAt + s.plannedSeconds * 1000, deliveredSeconds: s.plannedSeconds, endReason: reason };
        closed.push(c);
        return c;
      }),
    }));
    return closed;
  }

  acknowledgeCaution(version: number, source: string): Promise<CautionRecord & { acknowledgedAt: number }> {
    const record = { version, acknowledgedAt: Math.round(this.time.now()), source };
    return this.change((d) => ({ ...d, caution: record })).then(() => record);
  }

  /**
   * Closes the household gate (a red flag was reported) until the caution is acknowledged again.
   * Recorded even when nobody had acknowledged yet, so the red flag is not forgotten.
   */
  withdrawCaution(reason: string | undefined, source: string, currentVersion: number): Promise<CautionRecord> {
    const withdrawnAt = Math.round(this.time.now());
    const withdrawal = { withdrawnAt, withdrawnSource: source, ...(reason !== undefined ? { withdrawnReason: reason } : {}) };
    return this.change((d) => ({
      ...d,
      caution: d.caution ? { ...d.caution, ...withdrawal } : { version: currentVersion, source, ...withdrawal },
    })).then(() => this.data.caution!);
  }

  /** After a clock step: writes the file again so its wall-clock times are right for the next run. */
  async persistClockStep(): Promise<boolean> {
    if (this.time.wallOffset() === this.writtenOffset) return false;
    await this.change((d) => d);
    return true;
  }

  private add(session: LedgerSession): Promise<void> {
    const entry = LedgerSessionSchema.parse(session);
    return this.change((d) => {
      if (d.sessions.some((s) => s.id === entry.id)) throw new Error(`session ${entry.id} already in the ledger`);
      return { ...d, sessions: [...d.sessions, entry] };
    });
  }

  /** Serialises changes; memory is updated only once the new file is durable. */
  private change(mutate: (d: LedgerFile) => LedgerFile): Promise<void> {
    const run = async () => {
      const next = mutate(this.data);
      const now = this.time.now();
      // Only age on the trusted line removes an entry: a clock step can never drop one.
      const cutoff = now - LEDGER_RETENTION_MS;
      const compacted: LedgerFile = {
        ...next,
        sessions: next.sessions.filter((s) => isOpen(s) || (s.endedAt ?? 0) >= cutoff),
        seenAt: Math.round(Math.max(now, next.seenAt ?? Number.NEGATIVE_INFINITY)),
      };
      const offset = this.time.wallOffset();
      const text = JSON.stringify(shiftTimes(compacted, offset));
      try {
        await this.write(this.path, text);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ENOSPC" || !(await this.giveUpReserve())) throw err;
        await this.write(this.path, text);
      }
      this.data = compacted;
      this.writtenOffset = offset;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** True when the spare file was there and is now gone, freeing its space. */
  private async giveUpReserve(): Promise<boolean> {
    if (!this.reserve) return false;
    try {
      await unlink(this.reserve);
    } catch {
      return false;
    }
    this.log(
      `The disk is full: the ledger's reserve (${this.reserve}) was given up so the dose ledger can still be written. Free some disk space.`,
    );
    return true;
  }
}

/** Makes sure the spare file holds `bytes`; best effort (a disk too full for it just has none). */
async function keepReserve(path: string, bytes: number): Promise<void> {
  const size = await stat(path).then(
    (s) => s.size,
    () => 0,
  );
  if (size >= bytes) return;
  try {
    await writeFile(path, Buffer.alloc(bytes));
  } catch {
    await rm(path, { force: true }).catch(() => {});
  }
}

async function readLedgerFile(path: string): Promise<LedgerFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return EMPTY;
    throw new LedgerCorruptError(path, (err as Error).message);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new LedgerCorruptError(path, "not valid JSON");
  }
  const parsed = LedgerFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LedgerCorruptError(path, `${issue.path.join(".") || "file"}: ${issue.message}`);
  }
  return parsed.data;
}

/** The latest moment the file records: a wall clock behind it has gone backwards since. */
function latestTimeIn(data: LedgerFile): number {
  const times = [
    data.seenAt,
    data.caution?.acknowledgedAt,
    data.caution?.withdrawnAt,
    // A session closed at start-up ends at its planned end, which may lie ahead: only its start was seen.
    ...data.sessions.flatMap((s) => [s.startedAt, s.endReason === RECOVERED ? undefined : s.endedAt]),
  ].filter((t): t is number => t !== undefined);
  return times.length ? Math.max(...times) : Number.NEGATIVE_INFINITY;
}

function shiftTimes(data: LedgerFile, offset: number): LedgerFile {
  if (offset === 0) return data;
  const at = (t: number | undefined) => (t === undefined ? undefined : Math.round(t + offset));
  const drop = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return {
    ...data,
    seenAt: at(data.seenAt),
    caution:
      data.caution && drop({ ...data.caution, acknowledgedAt: at(data.caution.acknowledgedAt), withdrawnAt: at(data.caution.withdrawnAt) }),
    sessions: data.sessions.map((s) => drop({ ...s, startedAt: at(s.startedAt)!, endedAt: at(s.endedAt) })),
  };
}
