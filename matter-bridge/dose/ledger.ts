/**
 * The durable dose ledger: sessions, the household caution record, each person's own caution
 * answer and every red flag, kept in the storage dir as a snapshot (`ledger.json`) and the journal
 * that continues it (`ledger.journal`): together the one source of truth (invariants 2, 5, 7 and 11
 * in ARCHITECTURE.md). Its parts, in ledger/: the files and their write queue (files.ts, store.ts,
 * write-queue.ts), the disk reserve (reserve.ts), the trusted-time shifting (wall-times.ts), the
 * caution records (caution-records.ts), loading (load.ts) and retention (retention.ts). Beside them
 * the red-flag slot (`ledger.redflags`, red-flag-slot.ts) keeps red flags the ledger could not take
 * yet (a full disk): read at open, see `unsavedRedFlags()`.
 */
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { TimeSource } from "../support/clock.js";
import { acknowledgementPatch, newestAnswer, redFlagPatch } from "./ledger/caution-records.js";
import { LedgerUnavailableError } from "./ledger/errors.js";
import { appendThrough, durableAppender, durableWriter, JOURNAL_LIMIT, type LedgerAppender, type LedgerWriter } from "./ledger/files.js";
import { loadLedger } from "./ledger/load.js";
import { LedgerStore } from "./ledger/store.js";
import { latestTimeIn } from "./ledger/wall-times.js";
import {
  type CautionRecord,
  type ClockCorrection,
  isOpen,
  type LedgerSession,
  LedgerSessionSchema,
  type PersonCaution,
  RECOVERED,
  type RedFlag,
  RedFlagSchema,
} from "./ledger-schema.js";
import { RedFlagSlot, readSlot } from "./red-flag-slot.js";
import { TrustedTime } from "./trusted-time.js";

export { JOURNAL_FILE } from "./journal.js";
export { LedgerCorruptError, LedgerUnavailableError } from "./ledger/errors.js";
export { JOURNAL_LIMIT, type LedgerAppender, type LedgerWriter } from "./ledger/files.js";
export { LEDGER_FILE, readLedger } from "./ledger/load.js";
export { RESERVE_FILE } from "./ledger/reserve.js";

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

interface LedgerParts {
  store: LedgerStore;
  time: TrustedTime;
  slot: RedFlagSlot;
  /** Red flags the slot held at open that the ledger did not. */
  unsaved: RedFlag[];
  log: (message: string) => void;
}

export class Ledger {
  readonly path: string;
  readonly journalPath: string;
  /** The trusted time line the ledger's times are on. */
  readonly time: TrustedTime;
  private readonly store: LedgerStore;
  private readonly slot: RedFlagSlot;
  private readonly unsaved: RedFlag[];
  private readonly log: (message: string) => void;
  /** A person's former ids (config `formerIds`, dose/ids.ts): their caution answers are the person's too. */
  private formerIdsOf: (person: string) => readonly string[] = () => [];

  private constructor(parts: LedgerParts) {
    this.store = parts.store;
    this.time = parts.time;
    this.slot = parts.slot;
    this.unsaved = parts.unsaved;
    this.log = parts.log;
    this.path = parts.store.files.path;
    this.journalPath = parts.store.files.journalPath;
  }

  /**
   * Opens (or creates) the ledger in `dir`. Throws LedgerCorruptError for an unreadable file.
   * `clock` may be a plain function for tests whose wall and monotonic time move together.
   */
  static async open(dir: string, options: LedgerOptions | (() => number) = {}): Promise<Ledger> {
    const opts: LedgerOptions = typeof options === "function" ? { clock: { now: options, monotonic: options } } : options;
    const clock = opts.clock ?? { now: () => Date.now(), monotonic: () => performance.now() };
    const log = opts.log ?? (() => {});
    if (!opts.suspended) await mkdir(dir, { recursive: true });
    const loaded = await loadLedger(dir);
    if (loaded.tornBytes)
      log(
        `The dose ledger's journal ends in ${loaded.tornBytes} bytes of a write cut short by a crash or a full disk (never acknowledged); they are ignored.`,
      );
    const time = new TrustedTime(clock, latestTimeIn(loaded.data));
    const store = new LedgerStore({
      dir,
      loaded,
      time,
      write: opts.write ?? durableWriter,
      append: opts.append ?? (opts.write ? appendThrough(opts.write) : durableAppender),
      compactAfter: opts.compactAfter ?? JOURNAL_LIMIT.records,
      reserveBytes: opts.reserveBytes ?? 0,
      lockLost: opts.lockLost,
      log,
    });
    const held = await readSlot(dir);
    const recorded = new Set((loaded.data.redFlags ?? []).map((f) => f.id));
    const unsaved = held.flags.filter((f) => !recorded.has(f.id));
    if (held.unreadable)
      // Neither half could be read (both torn?): whatever it held is unknown, so it holds everyone.
      unsaved.push({
        id: `unreadable-slot-${clock.now()}`,
        at: Math.round(clock.now()),
        source: "red-flag-slot",
        reason: "the red-flag slot could not be read",
        holds: [],
      });
    if (unsaved.length)
      log(
        `${unsaved.length} red flag(s) kept in the red-flag slot are not in the dose ledger yet: they hold sessions and are written to it now.`,
      );
    const ledger = new Ledger({ store, time, slot: new RedFlagSlot(dir, held.seq), unsaved, log });
    if (opts.suspended) await store.queue.suspendAsRead(opts.suspended);
    else await ledger.settle();
    return ledger;
  }

  /** Why changes are refused without touching the disk, while they are. */
  get suspended(): Error | undefined {
    return this.store.queue.suspended;
  }

  /** Refuses every change from now on (the storage cannot be written by this bridge, or is not its own). */
  suspend(reason: Error): void {
    this.store.queue.suspend(reason);
  }

  /**
   * The storage can be written again (and its lock is held): what opening does then (the reserve,
   * start-up compaction) is done now, and changes are taken again. Rejects, staying suspended, when
   * the files changed on disk since they were read (another bridge wrote them): not written over.
   */
  async resume(): Promise<void> {
    if (!(await this.store.queue.resume())) return;
    await mkdir(dirname(this.path), { recursive: true });
    await this.settle();
  }

  /** After the files are read and the folder can be written: crash leftovers, the slot, the reserve, then start-up compaction. */
  private async settle(): Promise<void> {
    await this.store.removeCrashLeftovers();
    // Before the reserve: of the two, this is the one a red flag on a full disk depends on.
    if (!(await this.slot.prepare()))
      this.log(
        `The red-flag slot (${this.slot.path}) could not be made: a red flag reported while the disk is full would not survive a restart. Free some disk space.`,
      );
    await this.store.settle();
  }

  /** The live list, oldest first: read it at once (a change after an await may have added to it). */
  sessions(): readonly LedgerSession[] {
    return this.store.state.sessions;
  }

  openSessions(): LedgerSession[] {
    return this.store.state.sessions.filter(isOpen);
  }

  caution(): CautionRecord | null {
    return this.store.state.caution;
  }

  /** Every red flag recorded, oldest first: read it at once (a change may replace it). */
  redFlags(): readonly RedFlag[] {
    return this.store.state.redFlags ?? [];
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
    await this.store.queue.mayWrite();
    if (!(await this.slot.prepare())) throw new LedgerUnavailableError(`the red-flag slot (${this.slot.path}) could not be made`);
    await this.slot.save(flags);
  }

  /**
   * The person's own answer to the caution, if they gave one: the newest of the answers kept under
   * their id and their former ids, so a rename neither loses a red flag nor an acknowledgement.
   */
  personCaution(person: string): PersonCaution | undefined {
    return newestAnswer(this.store.state.people, [person, ...this.formerIdsOf(person)]);
  }

  /** Says which ids a person had before (config `formerIds`). */
  knowFormerIds(formerIdsOf: (person: string) => readonly string[]): void {
    this.formerIdsOf = formerIdsOf;
  }

  /** The ids of everyone with a caution answer on record. */
  answeredBy(): string[] {
    return Object.keys(this.store.state.people ?? {});
  }

  /** Sessions that ended at or after `sinceMs`, oldest first. */
  history(sinceMs: number): LedgerSession[] {
    return this.store.state.sessions.filter((s) => !isOpen(s) && (s.endedAt ?? 0) >= sinceMs);
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
    await this.store.change(() => {
      const s = this.store.session(id);
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
    await this.store.change((d) => {
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
    const who = person === undefined ? undefined : { id: person, formerIds: this.formerIdsOf(person) };
    return this.store.change((d) => acknowledgementPatch(d, record, who), false).then(() => record);
  }

  /**
   * Records a red flag: it closes the household gate until the caution is acknowledged again, and
   * withdraws the own answer of each it holds. Recorded whatever the gate's state (also before anyone
   * acknowledged, also when already closed): every red flag is kept. A flag already recorded (by its
   * id) changes nothing.
   */
  withdrawCaution(flag: RedFlag, currentVersion: number): Promise<CautionRecord> {
    const entry = RedFlagSchema.parse(flag);
    return this.store.change((d) => redFlagPatch(d, entry, currentVersion), true).then(() => this.store.state.caution!);
  }

  /**
   * After a clock step: writes a new snapshot so the files' wall-clock times are right for the next
   * run. It must land (a forward step left out of the files would make every session look older next
   * time), so on a full disk it may give up the reserve.
   */
  async persistClockStep(): Promise<boolean> {
    if (this.time.wallOffset() === this.store.files.writtenOffset) return false;
    await this.store.change(() => ({}), true);
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
    return this.store.redateToWall(source, check);
  }

  /**
   * Folds the journal into a new snapshot (queued behind pending changes; rejects when the snapshot
   * cannot be written, leaving the files as they were). Nothing is written when the journal is empty.
   * Never spends the reserve: on a full disk it fails, and the journal is read as it is.
   */
  compact(): Promise<void> {
    return this.store.compact();
  }

  private add(session: LedgerSession, mustLand: boolean): Promise<void> {
    const entry = LedgerSessionSchema.parse(session);
    return this.store.change(() => {
      if (this.store.session(entry.id)) throw new Error(`session ${entry.id} already in the ledger`);
      return { sessions: [entry] };
    }, mustLand);
  }
}
