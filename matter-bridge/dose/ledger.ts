/**
 * The durable dose ledger: sessions, the household caution record, each person's own caution
 * answer and every red flag, kept in the storage dir as a snapshot (`ledger.json`) and the journal
 * that continues it (`ledger.journal`, see journal.ts). Together they are the one source of truth.
 * Beside them the red-flag slot (`ledger.redflags`, red-flag-slot.ts) keeps red flags the ledger
 * could not take yet (a full disk): read at open, see `unsavedRedFlags()`.
 *
 * - A change is one journal line, appended and synced (fdatasync; the folder too when the journal is
 *   created) before it is acknowledged: a start writes the same few hundred bytes at 100 sessions of
 *   history as at 10,000.
 * - Compaction writes the whole ledger as a new snapshot (common/durable-file.ts: temp file, fsync,
 *   rename, folder fsync) holding the journal's last sequence number, and only then empties the
 *   journal. A crash between the two leaves records the snapshot already holds: skipped by number,
 *   never counted twice; a crash before the rename leaves the old snapshot and the whole journal.
 *   It runs at start-up (when the journal holds anything), after a change once the journal passes
 *   its limit (queued behind that change, so never beside an append), and instead of an append for
 *   the first change into a folder without a format-3 snapshot (so a journal never sits beside a file
 *   an older bridge would read without it) and after a clock step (below).
 * - A file that cannot be read or validated is never replaced with an empty one; a torn last journal
 *   line (an append a crash cut short, never acknowledged) is ignored and cut off before the next.
 * - Nothing is written when nothing changed, nor while the ledger is suspended (a storage folder the
 *   bridge cannot write: `suspended`, then `resume()` once it can).
 * - A spare file (`ledger.reserve`) keeps room for the changes that must land: on a full disk it is
 *   given up for a session's end, light given by hand, a caution withdrawal, closing crashed sessions
 *   and a clock step, never for a compaction, a new start or an acknowledgement (those fail, saying
 *   the disk is full). It is made again, queued behind the next change written without it, once the
 *   disk has room for it twice over.
 *
 * In memory every time is on the trusted time line (see trusted-time.ts); the files hold wall-clock
 * times, so a forward clock step taken out of the line is added back when they are written. Journal
 * records are written with the offset the snapshot has: a change after a step writes a new snapshot.
 */
import { mkdir, readFile, rm, stat, statfs, unlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { appendFileDurably, removeStaleTemps, writeFileDurably } from "../../common/durable-file.js";
import { DAY_MS } from "../contract/units.js";
import type { TimeSource } from "../support/clock.js";
import { VERSION } from "../version.js";
import { applyPatch, indexOf, JOURNAL_FILE, JournalDamage, type LedgerPatch, parseJournal } from "./journal.js";
import {
  type CautionRecord,
  type ClockCorrection,
  isOpen,
  type JournalRecord,
  type LedgerFile,
  LedgerFileSchema,
  type LedgerSession,
  LedgerSessionSchema,
  type PersonCaution,
  type PersonRecord,
  type RedFlag,
  RedFlagSchema,
} from "./ledger-schema.js";
import { RedFlagSlot, readSlot } from "./red-flag-slot.js";
import { TrustedTime } from "./trusted-time.js";

export { JOURNAL_FILE } from "./journal.js";
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

/**
 * Appends to the journal durably, first cutting it to `truncateTo` bytes when given (a torn tail;
 * 0 empties it). May leave a partial append behind when it rejects: the ledger cuts it off next time.
 */
export type LedgerAppender = (path: string, text: string, truncateTo?: number) => Promise<void>;

/** Journal size that triggers a compaction (records or bytes, whichever comes first). */
export const JOURNAL_LIMIT = { records: 1000, bytes: 512 * 1024 };

export interface LedgerOptions {
  /** Wall and monotonic clocks (default: the system's). */
  clock?: TimeSource;
  /** Writes the snapshot (default: writeFileDurably). */
  write?: LedgerWriter;
  /**
   * Appends to the journal (default: appendFileDurably). A `write` given without it carries the
   * journal too (each append replaces the journal with its new text): one fault to inject, for tests.
   */
  append?: LedgerAppender;
  /** Journal records that trigger a compaction (default JOURNAL_LIMIT.records). */
  compactAfter?: number;
  /**
   * Space kept in a spare file beside the ledger (bytes). When the disk is full, the spare is given
   * up so a change that must not be lost (a session's end, a red flag, light by hand, closing crashed
   * sessions, a clock step) still lands; made again once the disk has room.
   */
  reserveBytes?: number;
  /**
   * Why the storage folder cannot be written now (storage/writable.ts): the ledger is read and
   * nothing is written (no folder, no reserve, no compaction); every change is refused with
   * LedgerUnavailableError carrying this message until `resume()`.
   */
  suspended?: Error;
  /**
   * Whether the storage folder is still this bridge's (storage/lock.ts): asked before every change
   * is written. An answer suspends the ledger with it: that change and every later one is refused,
   * and nothing more is written.
   */
  lockLost?: () => Promise<Error | undefined>;
  log?: (message: string) => void;
}

export const RESERVE_FILE = "ledger.reserve";

const EMPTY: LedgerFile = { format: "biolight-ledger/1", sessions: [], caution: null };
/** The snapshot format this bridge writes (see LedgerFileSchema). */
const FORMAT = "biolight-ledger/3";

interface JournalState {
  /** Bytes of complete records. */
  bytes: number;
  /** Complete records in the file (also those the snapshot already holds). */
  records: number;
  /** Bytes after them may be a torn append: cut them off before the next. */
  dirty: boolean;
}

export class Ledger {
  readonly journalPath: string;
  private queue: Promise<unknown> = Promise.resolve();
  /** The line-to-wall offset the snapshot (and every journal record after it) was written with. */
  private writtenOffset = 0;
  /** Session id → position in `data.sessions`. */
  private index: Map<string, number>;
  /** No closed session ended before this (a lower bound): nothing can have aged out before it. */
  private oldestEnd: number;
  /** Journal records at the last failed compaction (retried after more have come). */
  private compactFailedAt: number | undefined;
  private compactQueued = false;
  /** The reserve file is not there (given up, or the disk had no room for it): made again when there is. */
  private reserveMissing = false;
  private reserveQueued = false;
  /** Set while the storage cannot be written: every change is refused, nothing touches the disk. */
  private suspendedBy: Error | undefined;
  /** The files as they were read while suspended: changed by someone else meanwhile, they are not written over. */
  private readFingerprint: string | undefined;
  private lockLost: LedgerOptions["lockLost"];
  /** A person's former ids (config `formerIds`, dose/ids.ts): their caution answers are the person's too. */
  private formerIdsOf: (person: string) => readonly string[] = () => [];
  private slot!: RedFlagSlot;
  /** Red flags the slot held at open that the ledger did not. */
  private unsaved: RedFlag[] = [];

  private constructor(
    readonly path: string,
    private data: LedgerFile,
    /** The sequence number of the last change on disk. */
    private seq: number,
    /** A format-3 snapshot is on disk, so changes may go to the journal. */
    private snapshotCurrent: boolean,
    private journal: JournalState,
    readonly time: TrustedTime,
    private readonly write: LedgerWriter,
    private readonly append: LedgerAppender,
    private readonly compactAfter: number,
    private readonly reserve: { path: string; bytes: number } | undefined,
    private readonly log: (message: string) => void,
  ) {
    this.journalPath = join(dirname(path), JOURNAL_FILE);
    this.index = indexOf(data.sessions);
    this.oldestEnd = oldestEndIn(data.sessions);
  }

  /**
   * Opens (or creates) the ledger in `dir`. Throws LedgerCorruptError for an unreadable file.
   * `clock` may be a plain function for tests whose wall and monotonic time move together.
   */
  static async open(dir: string, options: LedgerOptions | (() => number) = {}): Promise<Ledger> {
    const opts: LedgerOptions = typeof options === "function" ? { clock: { now: options, monotonic: options } } : options;
    const clock = opts.clock ?? { now: () => Date.now(), monotonic: () => performance.now() };
    const write = opts.write ?? ((path: string, text: string) => writeFileDurably(path, text));
    const append =
      opts.append ??
      (opts.write
        ? appendThrough(opts.write)
        : (path: string, text: string, truncateTo?: number) =>
            appendFileDurably(path, text, truncateTo === undefined ? {} : { truncateTo }));
    const log = opts.log ?? (() => {});
    if (!opts.suspended) await mkdir(dir, { recursive: true });
    const loaded = await loadLedger(dir);
    const reserve = opts.reserveBytes ? { path: join(dir, RESERVE_FILE), bytes: opts.reserveBytes } : undefined;
    if (loaded.tornBytes)
      log(
        `The dose ledger's journal ends in ${loaded.tornBytes} bytes of a write cut short by a crash or a full disk (never acknowledged); they are ignored.`,
      );
    const ledger = new Ledger(
      join(dir, LEDGER_FILE),
      loaded.data,
      loaded.seq,
      loaded.data.format === FORMAT,
      { bytes: loaded.validBytes, records: loaded.lines, dirty: loaded.tornBytes > 0 },
      new TrustedTime(clock, latestTimeIn(loaded.data)),
      write,
      append,
      opts.compactAfter ?? JOURNAL_LIMIT.records,
      reserve,
      log,
    );
    ledger.lockLost = opts.lockLost;
    const slot = await readSlot(dir);
    ledger.slot = new RedFlagSlot(dir, slot.seq);
    const recorded = new Set((loaded.data.redFlags ?? []).map((f) => f.id));
    ledger.unsaved = slot.flags.filter((f) => !recorded.has(f.id));
    if (slot.unreadable)
      // Neither half could be read (both torn?): whatever it held is unknown, so it holds everyone.
      ledger.unsaved.push({
        id: `unreadable-slot-${clock.now()}`,
        at: Math.round(clock.now()),
        source: "red-flag-slot",
        reason: "the red-flag slot could not be read",
        holds: [],
      });
    if (ledger.unsaved.length)
      log(
        `${ledger.unsaved.length} red flag(s) kept in the red-flag slot are not in the dose ledger yet: they hold sessions and are written to it now.`,
      );
    if (opts.suspended) {
      ledger.suspendedBy = opts.suspended;
      ledger.readFingerprint = await fingerprint(dir);
    } else await ledger.settle();
    return ledger;
  }

  /** Why changes are refused without touching the disk, while they are. */
  get suspended(): Error | undefined {
    return this.suspendedBy;
  }

  /** Refuses every change from now on (the storage cannot be written by this bridge, or is not its own). */
  suspend(reason: Error): void {
    this.suspendedBy = reason;
  }

  /**
   * The storage can be written again (and its lock is held): what opening does then (the reserve,
   * start-up compaction) is done now, and changes are taken again. Rejects, staying suspended, when
   * the files changed on disk since they were read (another bridge wrote them): not written over.
   */
  async resume(): Promise<void> {
    const reason = this.suspendedBy;
    if (!reason) return;
    if (this.readFingerprint !== undefined && (await fingerprint(dirname(this.path))) !== this.readFingerprint) {
      const changed = new LedgerUnavailableError(
        `The dose ledger in ${dirname(this.path)} was changed by someone else while this bridge could not write it: every session is refused. Restart the bridge to read it.`,
      );
      this.suspendedBy = changed;
      throw changed;
    }
    this.suspendedBy = undefined;
    this.readFingerprint = undefined;
    await mkdir(dirname(this.path), { recursive: true });
    await this.settle();
  }

  /** After the files are read and the folder can be written: crash leftovers, the reserve, then start-up compaction. */
  private async settle(): Promise<void> {
    const leftovers = await removeStaleTemps(this.path).catch(() => 0);
    if (leftovers) this.log(`Removed ${leftovers} temporary file(s) a crash left beside the dose ledger.`);
    // Before the reserve: of the two, this is the one a red flag on a full disk depends on.
    if (!(await this.slot.prepare()))
      this.log(
        `The red-flag slot (${this.slot.path}) could not be made: a red flag reported while the disk is full would not survive a restart. Free some disk space.`,
      );
    if (this.reserve) this.reserveMissing = !(await keepReserve(this.reserve.path, this.reserve.bytes));
    // Start-up compaction: best effort (a folder that cannot be written still opens; changes then fail).
    if (this.journal.records > 0 || this.journal.dirty)
      await this.compact().catch((err: Error) =>
        this.log(`The dose ledger's journal could not be compacted at start-up (${err.message}); it is read as it is.`),
      );
  }

  /** The live list, oldest first: read it at once (a change after an await may have added to it). */
  sessions(): readonly LedgerSession[] {
    return this.data.sessions;
  }

  openSessions(): LedgerSession[] {
    return this.data.sessions.filter(isOpen);
  }

  caution(): CautionRecord | null {
    return this.data.caution;
  }

  /** Every red flag recorded, oldest first: read it at once (a change may replace it). */
  redFlags(): readonly RedFlag[] {
    return this.data.redFlags ?? [];
  }

  /**
   * Red flags the red-flag slot held at open that the ledger did not (reported on a full disk before
   * a restart): the caller holds them and writes them with `withdrawCaution`. `holds` is empty for
   * one whose details are unknown: it holds everyone.
   */
  unsavedRedFlags(): readonly RedFlag[] {
    return this.unsaved;
  }

  /**
   * Keeps `flags` (the red flags accepted and not yet in the ledger) in the red-flag slot, in place
   * and synced, replacing what it held: they survive a restart whatever the disk does. Rejects when
   * the slot cannot be written (no slot, the storage is not this bridge's).
   */
  async holdRedFlags(flags: readonly RedFlag[]): Promise<void> {
    const lost = this.suspendedBy ? undefined : await this.lockLost?.();
    if (lost) this.suspend(lost);
    if (this.suspendedBy) throw new LedgerUnavailableError(this.suspendedBy.message);
    if (!(await this.slot.prepare())) throw new LedgerUnavailableError(`the red-flag slot (${this.slot.path}) could not be made`);
    await this.slot.save(flags);
  }

  /**
   * The person's own answer to the caution, if they gave one: the newest of the answers kept under
   * their id and their former ids, so a rename neither loses a red flag nor an acknowledgement.
   */
  personCaution(person: string): PersonCaution | undefined {
    const people = this.data.people;
    if (!people) return undefined;
    let newest: PersonCaution | undefined;
    for (const id of [person, ...this.formerIdsOf(person)]) {
      const c = Object.hasOwn(people, id) ? people[id].caution : undefined;
      if (c && (!newest || newer(c, newest))) newest = c;
    }
    return newest;
  }

  /** Says which ids a person had before (config `formerIds`). */
  knowFormerIds(formerIdsOf: (person: string) => readonly string[]): void {
    this.formerIdsOf = formerIdsOf;
  }

  /** The ids of everyone with a caution answer on record. */
  answeredBy(): string[] {
    return Object.keys(this.data.people ?? {});
  }

  /** Sessions that ended at or after `sinceMs`, oldest first. */
  history(sinceMs: number): LedgerSession[] {
    return this.data.sessions.filter((s) => !isOpen(s) && (s.endedAt ?? 0) >= sinceMs);
  }

  /** Records a session before the panel is switched on. */
  async begin(session: LedgerSession): Promise<void> {
    // A start is refused on a full disk rather than spend the reserve: the reserve is for its end.
    return this.add(session, false);
  }

  /** Records a session that is already over (light the bridge did not start, e.g. a press at the device). */
  async record(session: LedgerSession): Promise<void> {
    if (isOpen(session)) throw new Error(`session ${session.id} has no end`);
    return this.add(session, true);
  }

  /**
   * Closes a session after the panel switched off. `deliveredSeconds` is what the relay was on, as
   * the controller measured it: it may pass the planned time (a switch-off that landed late).
   */
  async finish(id: string, endedAt: number, deliveredSeconds: number, endReason: string): Promise<LedgerSession> {
    let closed: LedgerSession | undefined;
    await this.change((d) => {
      const at = this.index.get(id);
      const s = at === undefined ? undefined : d.sessions[at];
      if (!s || !isOpen(s)) throw new Error(`no open session ${id} in the ledger`);
      closed = { ...s, endedAt, deliveredSeconds: Math.max(0, deliveredSeconds), endReason };
      return { sessions: [closed] };
    }, true);
    return closed!;
  }

  /**
   * Start-up recovery: a session with no recorded end counts as fully delivered. `except`: entries a
   * live session still owns (they are closed by that session, with what it delivered).
   */
  async closeOpenAsDelivered(reason = RECOVERED, except: ReadonlySet<string> = new Set()): Promise<LedgerSession[]> {
    if (!this.openSessions().some((s) => !except.has(s.id))) return [];
    let closed: LedgerSession[] = [];
    await this.change((d) => {
      closed = d.sessions
        .filter((s) => isOpen(s) && !except.has(s.id))
        .map((s) => ({ ...s, endedAt: s.startedAt + s.plannedSeconds * 1000, deliveredSeconds: s.plannedSeconds, endReason: reason }));
      return { sessions: closed };
    }, true);
    return closed;
  }

  /**
   * Opens the household gate; with `person`, that person's own answer is kept too, and they are let
   * go by every open red flag that holds them (one that holds nobody else any more is cleared).
   */
  acknowledgeCaution(version: number, source: string, person?: string): Promise<CautionRecord & { acknowledgedAt: number }> {
    const record = { version, acknowledgedAt: Math.round(this.time.now()), source };
    return this.change((d) => {
      const cleared = clearRedFlags(
        d.redFlags ?? [],
        person === undefined ? [] : [person, ...this.formerIdsOf(person)],
        record.acknowledgedAt,
      );
      return {
        caution: record,
        ...(person !== undefined
          ? { people: { [person]: { ...(d.people && Object.hasOwn(d.people, person) ? d.people[person] : {}), caution: { ...record } } } }
          : {}),
        ...(cleared.length ? { redFlags: cleared } : {}),
      };
    }, false).then(() => record);
  }

  /**
   * Records a red flag: it closes the household gate until the caution is acknowledged again, and
   * withdraws the own answer of each it holds. Recorded whatever the gate's state (also before anyone
   * acknowledged, also when already closed): every red flag is kept. A flag already recorded (by its
   * id) changes nothing.
   */
  withdrawCaution(flag: RedFlag, currentVersion: number): Promise<CautionRecord> {
    const entry = RedFlagSchema.parse(flag);
    const withdrawal = {
      withdrawnAt: entry.at,
      withdrawnSource: entry.source,
      ...(entry.reason !== undefined ? { withdrawnReason: entry.reason } : {}),
    };
    return this.change((d) => {
      if (d.redFlags?.some((f) => f.id === entry.id)) return {};
      return {
        caution: d.caution
          ? { ...withoutWithdrawal(d.caution), ...withdrawal }
          : { version: currentVersion, source: entry.source, ...withdrawal },
        ...(d.people || entry.holds.length
          ? {
              people: withdrawPeople(d.people ?? {}, { withdrawnAt: entry.at, version: currentVersion, source: entry.source }, entry.holds),
            }
          : {}),
        redFlags: [entry],
      };
    }, true).then(() => this.data.caution!);
  }

  /**
   * After a clock step: writes a new snapshot so the files' wall-clock times are right for the next
   * run. It must land (a forward step left out of the files would make every session look older next
   * time), so on a full disk it may give up the reserve.
   */
  async persistClockStep(): Promise<boolean> {
    if (this.time.wallOffset() === this.writtenOffset) return false;
    await this.change(() => ({}), true);
    return true;
  }

  /**
   * The wall clock is known good (the system says it is synchronized, or the owner confirmed it)
   * while it is behind the ledger's newest entry: the clock was ahead when those entries were made.
   * Every time after the wall clock's now is re-dated to now (those entries count as having happened
   * just now, fully toward rest and daily limits; nothing moves into the past), the re-dating is
   * recorded (`clockCorrections`) in a new snapshot, and only then does the line follow the wall
   * clock. Undefined when the clock is not behind (nothing to do). `check` sees the two times in
   * the queue, before anything is written, and may refuse by throwing. It must land (a full disk
   * gives up the reserve): until it does, every start is refused.
   */
  trustWallClock(source: string, check?: (times: { newest: number; wall: number }) => void): Promise<ClockCorrection | undefined> {
    let correction: ClockCorrection | undefined;
    return this.enqueue(async () => {
      const state = this.time.state();
      if (state.trusted) return;
      const wall = Math.round(this.time.wallNow());
      const onWall = shiftTimes(this.data, this.time.wallOffset());
      const newest = Math.max(state.floor, latestTimeIn(onWall));
      check?.({ newest, wall });
      const { data, redated } = redatedAfter(onWall, wall);
      correction = { at: wall, newestBefore: newest, source, redated };
      const next: LedgerFile = { ...data, seenAt: wall, clockCorrections: [...(data.clockCorrections ?? []), correction].slice(-20) };
      const spent = await this.writeSnapshot(next, 0, true);
      this.time.followWall();
      this.adopt(next);
      if (!spent) this.restoreReserveSoon();
    }).then(() => correction);
  }

  /**
   * Folds the journal into a new snapshot (queued behind pending changes; rejects when the snapshot
   * cannot be written, leaving the files as they were). Nothing is written when the journal is empty.
   * Never spends the reserve: on a full disk it fails, and the journal is read as it is.
   */
  compact(): Promise<void> {
    return this.enqueue(async () => {
      if (this.journal.records === 0 && !this.journal.dirty && this.snapshotCurrent) return;
      await this.writeSnapshot(this.data, this.time.wallOffset(), false);
      this.restoreReserveSoon();
    });
  }

  private add(session: LedgerSession, mustLand: boolean): Promise<void> {
    const entry = LedgerSessionSchema.parse(session);
    return this.change(() => {
      if (this.index.has(entry.id)) throw new Error(`session ${entry.id} already in the ledger`);
      return { sessions: [entry] };
    }, mustLand);
  }

  /**
   * Serialises changes; memory is updated only once the change is durable. A journalled change costs
   * the same whatever the history: no copy of the sessions, aged entries looked for only when the
   * oldest could have aged. `mustLand`: on a full disk the reserve is given up for it (see the top).
   */
  private change(patchOf: (d: LedgerFile) => LedgerPatch, mustLand: boolean): Promise<void> {
    return this.enqueue(async () => {
      const patch = patchOf(this.data);
      const now = this.time.now();
      const seenAt = Math.round(Math.max(now, this.data.seenAt ?? Number.NEGATIVE_INFINITY));
      const offset = this.time.wallOffset();
      if (!this.snapshotCurrent || offset !== this.writtenOffset) {
        // The first change beside no format-3 snapshot, or the first after a clock step: a snapshot.
        const next: LedgerFile = { ...this.data, sessions: this.data.sessions.slice(), seenAt };
        applyPatch(next, new Map(this.index), patch);
        const kept = withoutAged(next, now);
        const spent = await this.writeSnapshot(kept, offset, mustLand);
        this.adopt(kept);
        if (!spent) this.restoreReserveSoon();
        return;
      }
      const record: JournalRecord = { seq: this.seq + 1, at: seenAt + offset, ...shiftPatch(patch, offset) };
      const spent = await this.appendRecord(`${JSON.stringify(record)}\n`, mustLand);
      this.seq = record.seq;
      applyPatch(this.data, this.index, patch);
      this.data.seenAt = seenAt;
      for (const s of patch.sessions ?? []) if (s.endedAt !== undefined && s.endedAt < this.oldestEnd) this.oldestEnd = s.endedAt;
      if (this.oldestEnd < now - LEDGER_RETENTION_MS) this.adopt(withoutAged(this.data, now));
      if (this.journal.records >= this.compactAfter || this.journal.bytes >= JOURNAL_LIMIT.bytes) this.compactSoon();
      // Not after the change that spent it: the disk was full a moment ago.
      if (!spent) this.restoreReserveSoon();
    });
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const run = async () => {
      const lost = this.suspendedBy ? undefined : await this.lockLost?.();
      if (lost) this.suspend(lost);
      if (this.suspendedBy) throw new LedgerUnavailableError(this.suspendedBy.message);
      await work();
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private adopt(data: LedgerFile): void {
    this.data = data;
    this.index = indexOf(data.sessions);
    this.oldestEnd = oldestEndIn(data.sessions);
  }

  /** A compaction queued right behind the change that passed the limit: off that change's path. */
  private compactSoon(): void {
    if (this.compactQueued) return;
    // After a failure, wait for a tenth of the limit more before trying again (a full disk).
    if (this.compactFailedAt !== undefined && this.journal.records < this.compactFailedAt + Math.ceil(this.compactAfter / 10)) return;
    this.compactQueued = true;
    void this.compact()
      .then(
        () => {
          this.compactFailedAt = undefined;
        },
        (err: Error) => {
          this.compactFailedAt = this.journal.records;
          this.log(`The dose ledger's journal could not be compacted (${err.message}); it keeps growing meanwhile, nothing is lost.`);
        },
      )
      .finally(() => {
        this.compactQueued = false;
      });
  }

  /**
   * A reserve that is missing is made again once the disk has room: queued behind the change that was
   * just written (never in a start's way), at most one at a time; nothing is written without room.
   */
  private restoreReserveSoon(): void {
    if (!this.reserve || !this.reserveMissing || this.reserveQueued) return;
    const { path, bytes } = this.reserve;
    this.reserveQueued = true;
    void this.enqueue(async () => {
      // Room for the reserve and as much again: else it would only be given up at the next end.
      if (!(await hasRoom(dirname(path), 2 * bytes))) return;
      if (!(await keepReserve(path, bytes))) return;
      this.reserveMissing = false;
      this.log(`The ledger's reserve (${path}) is in place again.`);
    })
      .catch(() => {})
      .finally(() => {
        this.reserveQueued = false;
      });
  }

  /**
   * Step 1: the snapshot, holding everything up to `this.seq`, replaces the old one durably. Step 2:
   * the journal is emptied. A crash or a failure between them leaves records the snapshot holds,
   * which the next load skips by their sequence numbers. True when the reserve was spent on it.
   */
  private async writeSnapshot(state: LedgerFile, offset: number, mustLand: boolean): Promise<boolean> {
    const text = JSON.stringify({ ...shiftTimes(state, offset), format: FORMAT, journalSeq: this.seq });
    let spent = false;
    try {
      await this.write(this.path, text);
    } catch (err) {
      if (!(await this.mayRetryAfter(err, mustLand))) throw err;
      spent = true;
      await this.write(this.path, text);
    }
    this.snapshotCurrent = true;
    this.writtenOffset = offset;
    if (this.journal.records === 0 && !this.journal.dirty) return spent;
    try {
      await this.append(this.journalPath, "", 0);
      this.journal = { bytes: 0, records: 0, dirty: false };
    } catch (err) {
      // The snapshot holds the change: it is durable. The journal's old records are skipped on load,
      // and everything in it is in the snapshot: the next append empties it first.
      this.journal = { bytes: 0, records: 0, dirty: true };
      this.log(
        `The dose ledger's journal could not be emptied after compaction (${(err as Error).message}); its records are in the snapshot.`,
      );
    }
    return spent;
  }

  /** Appends one record; true when the reserve was spent on it. */
  private async appendRecord(line: string, mustLand: boolean): Promise<boolean> {
    let spent = false;
    try {
      await this.append(this.journalPath, line, this.journal.dirty ? this.journal.bytes : undefined);
    } catch (err) {
      // Part of the line may have landed: cut it off before the next append.
      this.journal.dirty = true;
      if (!(await this.mayRetryAfter(err, mustLand))) throw err;
      spent = true;
      await this.append(this.journalPath, line, this.journal.bytes);
    }
    this.journal = { bytes: this.journal.bytes + Buffer.byteLength(line), records: this.journal.records + 1, dirty: false };
    return spent;
  }

  /**
   * After a failed write: true when it was a full disk, the change must land and the reserve was
   * given up for it (try again). A change that need not land is refused on a full disk instead, with
   * LedgerUnavailableError (code ENOSPC) saying so; the reserve is kept for the ends of sessions.
   */
  private async mayRetryAfter(err: unknown, mustLand: boolean): Promise<boolean> {
    if ((err as NodeJS.ErrnoException).code !== "ENOSPC") return false;
    if (mustLand) return this.giveUpReserve();
    const kept = this.reserve && !this.reserveMissing ? "; the ledger's reserve is kept for the ends of sessions" : "";
    throw Object.assign(new LedgerUnavailableError(`the disk is full (${(err as Error).message})${kept}. Free some disk space`), {
      code: "ENOSPC",
      cause: err,
    });
  }

  /** True when the spare file was there and is now gone, freeing its space. */
  private async giveUpReserve(): Promise<boolean> {
    if (!this.reserve) return false;
    try {
      await unlink(this.reserve.path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") this.reserveMissing = true;
      return false;
    }
    this.reserveMissing = true;
    this.log(
      `The disk is full: the ledger's reserve (${this.reserve.path}) was given up so the dose ledger can still be written. Free some disk space.`,
    );
    return true;
  }
}

/**
 * A red flag withdraws the own answer of each of `whom`: each is asked again before their next
 * session. Someone who never answered gets a record of the red flag alone, so another person's
 * acknowledgement cannot clear it for them.
 */
function withdrawPeople(
  people: NonNullable<LedgerFile["people"]>,
  flag: { withdrawnAt: number; version: number; source: string },
  whom: readonly string[],
): NonNullable<LedgerFile["people"]> {
  const out = { ...people };
  for (const id of whom) {
    const record = Object.hasOwn(out, id) ? out[id] : {};
    if (record.caution?.withdrawnAt !== undefined) continue;
    out[id] = {
      ...record,
      caution: record.caution
        ? { ...record.caution, withdrawnAt: flag.withdrawnAt }
        : { version: flag.version, source: flag.source, withdrawnAt: flag.withdrawnAt },
    };
  }
  return out;
}

/** Whether answer `a` was given (or withdrawn) after `b`; at the same moment a withdrawn one wins. */
function newer(a: PersonCaution, b: PersonCaution): boolean {
  const at = (c: PersonCaution) => Math.max(c.acknowledgedAt ?? Number.NEGATIVE_INFINITY, c.withdrawnAt ?? Number.NEGATIVE_INFINITY);
  return at(a) > at(b) || (at(a) === at(b) && a.withdrawnAt !== undefined && b.withdrawnAt === undefined);
}

/**
 * The red flags an acknowledgement changes: each open one that holds the person (by any of `ids`:
 * their id and former ids) lets them go, and is cleared when it holds nobody else. One recorded
 * before red flags were (holding nobody by name) is cleared by any acknowledgement, as the household
 * gate it closed is reopened by any.
 */
function clearRedFlags(flags: readonly RedFlag[], ids: readonly string[], at: number): RedFlag[] {
  const changed: RedFlag[] = [];
  for (const flag of flags) {
    if (flag.clearedAt !== undefined) continue;
    if (flag.holds.length === 0) changed.push({ ...flag, clearedAt: at });
    else if (flag.holds.some((p) => ids.includes(p))) {
      const holds = flag.holds.filter((p) => !ids.includes(p));
      changed.push({ ...flag, holds, ...(holds.length ? {} : { clearedAt: at }) });
    }
  }
  return changed;
}

function withoutWithdrawal(c: CautionRecord): CautionRecord {
  const { withdrawnAt: _at, withdrawnReason: _reason, withdrawnSource: _source, ...rest } = c;
  return rest;
}

/**
 * A ledger from before red flags were recorded (format 1 or 2) still says who a red flag holds (the
 * household record and each person's): read as red flags, written as such at the next change.
 */
function legacyRedFlags(data: LedgerFile): RedFlag[] {
  const withdrawn = Object.entries(data.people ?? {}).flatMap(([id, p]) =>
    p.caution?.withdrawnAt !== undefined ? [{ id, at: p.caution.withdrawnAt, source: p.caution.source }] : [],
  );
  const c = data.caution;
  if (c?.withdrawnAt !== undefined)
    return [
      {
        id: `legacy-${c.withdrawnAt}`,
        at: c.withdrawnAt,
        source: c.withdrawnSource ?? c.source,
        ...(c.withdrawnReason !== undefined ? { reason: c.withdrawnReason } : {}),
        holds: withdrawn.map((p) => p.id),
      },
    ];
  return withdrawn.map((p) => ({ id: `legacy-${p.id}-${p.at}`, at: p.at, source: p.source, person: p.id, holds: [p.id] }));
}

/**
 * Makes sure the spare file holds `bytes`; best effort (a disk too full for it just has none).
 * True when it is there.
 */
async function keepReserve(path: string, bytes: number): Promise<boolean> {
  const size = await stat(path).then(
    (s) => s.size,
    () => 0,
  );
  if (size >= bytes) return true;
  try {
    await writeFile(path, Buffer.alloc(bytes));
    return true;
  } catch {
    await rm(path, { force: true }).catch(() => {});
    return false;
  }
}

/** True when the folder's disk has `bytes` free (or cannot say: then the write itself finds out). */
async function hasRoom(dir: string, bytes: number): Promise<boolean> {
  try {
    const fs = await statfs(dir);
    return fs.bavail * fs.bsize >= bytes;
  } catch {
    return true;
  }
}

/** The ledger's files as they are on disk now (identity, size, time of change), to tell whether someone changed them. */
async function fingerprint(dir: string): Promise<string> {
  const of = (name: string) =>
    stat(join(dir, name)).then(
      (s) => `${s.ino}:${s.size}:${s.mtimeMs}`,
      () => "none",
    );
  return `${await of(LEDGER_FILE)}|${await of(JOURNAL_FILE)}`;
}

/** A `write` that carries the journal as well: each append replaces the journal with its new text. */
function appendThrough(write: LedgerWriter): LedgerAppender {
  return async (path, text, truncateTo) => {
    const old = await readFile(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code === "ENOENT") return Buffer.alloc(0);
      throw err;
    });
    const kept = truncateTo === undefined ? old : old.subarray(0, truncateTo);
    await write(path, Buffer.concat([kept, Buffer.from(text)]).toString("utf8"));
  };
}

interface LoadedLedger {
  /** The snapshot with the journal applied (wall-clock times, as on disk). */
  data: LedgerFile;
  /** The last sequence number on disk. */
  seq: number;
  lines: number;
  validBytes: number;
  tornBytes: number;
}

/**
 * The ledger in `dir` as its files hold it (snapshot + journal, wall-clock times), without opening it:
 * for tests and tools. Throws LedgerCorruptError as `Ledger.open` does.
 */
export async function readLedger(dir: string): Promise<LedgerFile> {
  return (await loadLedger(dir)).data;
}

async function loadLedger(dir: string): Promise<LoadedLedger> {
  const path = join(dir, LEDGER_FILE);
  const snapshot = await readSnapshot(path);
  const data: LedgerFile = snapshot ?? { ...EMPTY, sessions: [] };
  const base = data.journalSeq ?? 0;
  const journalPath = join(dir, JOURNAL_FILE);
  let bytes: Buffer;
  try {
    bytes = await readFile(journalPath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { data, seq: base, lines: 0, validBytes: 0, tornBytes: 0 };
    throw new LedgerCorruptError(journalPath, (err as Error).message);
  }
  let journal: ReturnType<typeof parseJournal>;
  try {
    journal = parseJournal(bytes, base);
  } catch (err) {
    if (err instanceof JournalDamage) throw new LedgerCorruptError(journalPath, err.message);
    throw err;
  }
  if (journal.records.length && !snapshot)
    // A journal goes only beside a snapshot; this one was moved away (restore both, or move both aside).
    throw new LedgerCorruptError(path, `missing, but ${JOURNAL_FILE} continues it`);
  const index = indexOf(data.sessions);
  let seenAt = data.seenAt;
  for (const { seq: _seq, at, ...patch } of journal.records) {
    applyPatch(data, index, patch);
    seenAt = Math.max(seenAt ?? at, at);
  }
  if (seenAt !== undefined) data.seenAt = seenAt;
  if (data.format !== FORMAT && data.redFlags === undefined) data.redFlags = legacyRedFlags(data);
  return { data, seq: journal.lastSeq, lines: journal.lines, validBytes: journal.validBytes, tornBytes: journal.tornBytes };
}

async function readSnapshot(path: string): Promise<LedgerFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new LedgerCorruptError(path, (err as Error).message);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new LedgerCorruptError(path, "not valid JSON");
  }
  const newer = newerFormat(json);
  if (newer) throw new LedgerCorruptError(path, newer);
  const parsed = LedgerFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LedgerCorruptError(path, `${issue.path.join(".") || "file"}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * A snapshot a newer bridge wrote: said as such, with the way back, rather than as damage. (Its
 * other keys are not looked at: a newer format may add any.)
 */
function newerFormat(json: unknown): string | undefined {
  const format = (json as { format?: unknown } | null)?.format;
  const n = typeof format === "string" ? /^biolight-ledger\/(\d+)$/.exec(format)?.[1] : undefined;
  if (n === undefined || Number(n) <= Number(FORMAT.split("/")[1])) return undefined;
  return `it is in format ${format}, written by a newer version of the bridge; this one (${VERSION}) reads formats 1 to ${FORMAT.split("/")[1]}: run the newer version again, or restore a backup made by this version (docs/operations.md)`;
}

/** Only age on the trusted line removes an entry: a clock step can never drop one. */
function withoutAged(data: LedgerFile, now: number): LedgerFile {
  const cutoff = now - LEDGER_RETENTION_MS;
  return {
    ...data,
    sessions: data.sessions.filter((s) => isOpen(s) || s.endedAt! >= cutoff),
    // An open red flag is never dropped, whatever its age.
    ...(data.redFlags ? { redFlags: data.redFlags.filter((f) => f.clearedAt === undefined || f.clearedAt >= cutoff) } : {}),
  };
}

function oldestEndIn(sessions: readonly LedgerSession[]): number {
  let oldest = Number.POSITIVE_INFINITY;
  for (const s of sessions) if (s.endedAt !== undefined && s.endedAt < oldest) oldest = s.endedAt;
  return oldest;
}

/** The latest moment the file records: a wall clock behind it has gone backwards since. */
function latestTimeIn(data: LedgerFile): number {
  const times = [
    data.seenAt,
    data.caution?.acknowledgedAt,
    data.caution?.withdrawnAt,
    ...Object.values(data.people ?? {}).flatMap((p) => [p.caution?.acknowledgedAt, p.caution?.withdrawnAt]),
    ...(data.redFlags ?? []).flatMap((f) => [f.at, f.clearedAt]),
    // A session closed at start-up ends at its planned end, which may lie ahead: only its start was seen.
    ...data.sessions.flatMap((s) => [s.startedAt, s.endReason === RECOVERED ? undefined : s.endedAt]),
  ].filter((t): t is number => t !== undefined);
  return times.length ? Math.max(...times) : Number.NEGATIVE_INFINITY;
}

/** `data` with every time after `wall` moved to `wall`, and how many entries that moved. */
function redatedAfter(data: LedgerFile, wall: number): { data: LedgerFile; redated: number } {
  let redated = 0;
  const at = <T extends number | undefined>(t: T): T => (t !== undefined && t > wall ? (wall as T) : t);
  const moved = <T extends object>(before: T, after: T): T => {
    if (JSON.stringify(before) !== JSON.stringify(after)) redated++;
    return after;
  };
  const caution = (c: CautionRecord): CautionRecord =>
    moved(c, drop({ ...c, acknowledgedAt: at(c.acknowledgedAt), withdrawnAt: at(c.withdrawnAt) }));
  return {
    data: {
      ...data,
      sessions: data.sessions.map((s) => moved(s, drop({ ...s, startedAt: at(s.startedAt), endedAt: at(s.endedAt) }))),
      caution: data.caution && caution(data.caution),
      ...(data.people
        ? {
            people: Object.fromEntries(
              Object.entries(data.people).map(([id, p]) => [
                id,
                p.caution
                  ? {
                      ...p,
                      caution: moved(
                        p.caution,
                        drop({ ...p.caution, acknowledgedAt: at(p.caution.acknowledgedAt), withdrawnAt: at(p.caution.withdrawnAt) }),
                      ),
                    }
                  : p,
              ]),
            ),
          }
        : {}),
      ...(data.redFlags ? { redFlags: data.redFlags.map((f) => moved(f, drop({ ...f, at: at(f.at), clearedAt: at(f.clearedAt) }))) } : {}),
    },
    redated,
  };
}

function shiftTimes(data: LedgerFile, offset: number): LedgerFile {
  if (offset === 0) return data;
  const at = (t: number | undefined) => (t === undefined ? undefined : Math.round(t + offset));
  return {
    ...data,
    seenAt: at(data.seenAt),
    caution: data.caution && shiftCaution(data.caution, offset),
    sessions: data.sessions.map((s) => shiftSession(s, offset)),
    ...(data.people ? { people: shiftPeople(data.people, offset) } : {}),
    ...(data.redFlags ? { redFlags: data.redFlags.map((f) => shiftRedFlag(f, offset)) } : {}),
  };
}

function shiftPatch(patch: LedgerPatch, offset: number): LedgerPatch {
  if (offset === 0) return patch;
  return {
    ...(patch.sessions ? { sessions: patch.sessions.map((s) => shiftSession(s, offset)) } : {}),
    ...(patch.caution !== undefined ? { caution: patch.caution && shiftCaution(patch.caution, offset) } : {}),
    ...(patch.people ? { people: shiftPeople(patch.people, offset) } : {}),
    ...(patch.redFlags ? { redFlags: patch.redFlags.map((f) => shiftRedFlag(f, offset)) } : {}),
  };
}

const shiftAt = (t: number | undefined, offset: number) => (t === undefined ? undefined : Math.round(t + offset));
const drop = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const shiftSession = (s: LedgerSession, offset: number): LedgerSession =>
  drop({ ...s, startedAt: shiftAt(s.startedAt, offset)!, endedAt: shiftAt(s.endedAt, offset) });

const shiftRedFlag = (f: RedFlag, offset: number): RedFlag =>
  drop({ ...f, at: shiftAt(f.at, offset)!, clearedAt: shiftAt(f.clearedAt, offset) });

const shiftCaution = (c: CautionRecord, offset: number): CautionRecord =>
  drop({ ...c, acknowledgedAt: shiftAt(c.acknowledgedAt, offset), withdrawnAt: shiftAt(c.withdrawnAt, offset) });

function shiftPeople(people: Record<string, PersonRecord>, offset: number): Record<string, PersonRecord> {
  return Object.fromEntries(
    Object.entries(people).map(([id, p]) => [
      id,
      p.caution
        ? {
            ...p,
            caution: drop({
              ...p.caution,
              acknowledgedAt: shiftAt(p.caution.acknowledgedAt, offset),
              withdrawnAt: shiftAt(p.caution.withdrawnAt, offset),
            }),
          }
        : p,
    ]),
  );
}
