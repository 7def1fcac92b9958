/**
 * The ledger in memory (on the trusted line) and on disk, kept in step: a change reaches memory only
 * once it is durable, one at a time in the write queue; nothing is written when nothing changed, nor
 * while the queue is suspended. When compaction runs: invariant 11 in ARCHITECTURE.md.
 */
import { removeStaleTemps } from "../../../common/durable-file.js";
import { applyPatch, indexOf, type LedgerPatch } from "../journal.js";
import type { ClockCorrection, LedgerFile, LedgerSession } from "../ledger-schema.js";
import type { TrustedTime } from "../trusted-time.js";
import { type LedgerAppender, LedgerFiles, type LedgerWriter } from "./files.js";
import type { LoadedLedger } from "./load.js";
import { DiskReserve } from "./reserve.js";
import { mayHaveAged, oldestEndIn, withoutAged } from "./retention.js";
import { redatedForWall } from "./wall-times.js";
import { WriteQueue } from "./write-queue.js";

export interface LedgerStoreOptions {
  dir: string;
  loaded: LoadedLedger;
  time: TrustedTime;
  write: LedgerWriter;
  append: LedgerAppender;
  /** Journal records that trigger a compaction. */
  compactAfter: number;
  /** The spare file's size (0: none). */
  reserveBytes: number;
  lockLost?: () => Promise<Error | undefined>;
  log: (message: string) => void;
}

export class LedgerStore {
  readonly queue: WriteQueue;
  readonly files: LedgerFiles;
  private readonly reserve: DiskReserve;
  private data: LedgerFile;
  /** Session id → position in `data.sessions`. */
  private index: Map<string, number>;
  /** No closed session ended before this (a lower bound): nothing can have aged out before it. */
  private oldestEnd: number;
  /** Journal records at the last failed compaction (retried after more have come). */
  private compactFailedAt: number | undefined;
  private compactQueued = false;
  private readonly time: TrustedTime;
  private readonly compactAfter: number;
  private readonly log: (message: string) => void;

  constructor(options: LedgerStoreOptions) {
    this.time = options.time;
    this.compactAfter = options.compactAfter;
    this.log = options.log;
    this.queue = new WriteQueue(options.dir, options.lockLost);
    this.reserve = new DiskReserve(options.dir, options.reserveBytes, this.queue, options.log);
    this.files = new LedgerFiles({ ...options, reserve: this.reserve });
    this.data = options.loaded.data;
    this.index = indexOf(this.data.sessions);
    this.oldestEnd = oldestEndIn(this.data.sessions);
  }

  /** The ledger on the trusted line: read it at once (a change after an await may replace it). */
  get state(): LedgerFile {
    return this.data;
  }

  session(id: string): LedgerSession | undefined {
    const at = this.index.get(id);
    return at === undefined ? undefined : this.data.sessions[at];
  }

  /** After the files are read and the folder can be written: the leftovers of a crash first. */
  async removeCrashLeftovers(): Promise<void> {
    const leftovers = await removeStaleTemps(this.files.path).catch(() => 0);
    if (leftovers) this.log(`Removed ${leftovers} temporary file(s) a crash left beside the dose ledger.`);
  }

  /** Then the reserve, and start-up compaction: best effort (a folder that cannot be written still opens; changes then fail). */
  async settle(): Promise<void> {
    await this.reserve.make();
    if (this.files.journalInUse)
      await this.compact().catch((err: Error) =>
        this.log(`The dose ledger's journal could not be compacted at start-up (${err.message}); it is read as it is.`),
      );
  }

  /**
   * One change, in the queue; memory is updated only once it is durable. A journalled change costs
   * the same whatever the history: no copy of the sessions, aged entries looked for only when the
   * oldest could have aged. `mustLand`: on a full disk the reserve is given up for it.
   */
  change(patchOf: (d: LedgerFile) => LedgerPatch, mustLand: boolean): Promise<void> {
    return this.queue.run(async () => {
      const patch = patchOf(this.data);
      const now = this.time.now();
      const seenAt = Math.round(Math.max(now, this.data.seenAt ?? Number.NEGATIVE_INFINITY));
      const offset = this.time.wallOffset();
      if (this.files.needsSnapshot(offset)) {
        const next: LedgerFile = { ...this.data, sessions: this.data.sessions.slice(), seenAt };
        applyPatch(next, new Map(this.index), patch);
        const kept = withoutAged(next, now);
        const spent = await this.files.writeSnapshot(kept, offset, mustLand);
        this.adopt(kept);
        if (!spent) this.reserve.restoreSoon();
        return;
      }
      const spent = await this.files.appendChange(patch, seenAt, mustLand);
      applyPatch(this.data, this.index, patch);
      this.data.seenAt = seenAt;
      for (const s of patch.sessions ?? []) if (s.endedAt !== undefined && s.endedAt < this.oldestEnd) this.oldestEnd = s.endedAt;
      if (mayHaveAged(this.oldestEnd, now)) this.adopt(withoutAged(this.data, now));
      if (this.files.pastLimit(this.compactAfter)) this.compactSoon();
      // Not after the change that spent it: the disk was full a moment ago.
      if (!spent) this.reserve.restoreSoon();
    });
  }

  /**
   * Folds the journal into a new snapshot (queued behind pending changes; rejects when the snapshot
   * cannot be written, leaving the files as they were). Nothing is written when the journal is empty.
   * Never spends the reserve: on a full disk it fails, and the journal is read as it is.
   */
  compact(): Promise<void> {
    return this.queue.run(async () => {
      if (!this.files.compactable) return;
      await this.files.writeSnapshot(this.data, this.time.wallOffset(), false);
      this.reserve.restoreSoon();
    });
  }

  /**
   * In the queue: re-dates what lies after the wall clock (known good) to its now, writes it with its
   * `clockCorrections` record (it must land), and only then lets the line follow the wall clock.
   * Undefined when the clock is trusted already.
   */
  redateToWall(source: string, check?: (times: { newest: number; wall: number }) => void): Promise<ClockCorrection | undefined> {
    let correction: ClockCorrection | undefined;
    return this.queue
      .run(async () => {
        const state = this.time.state();
        if (state.trusted) return;
        const wall = Math.round(this.time.wallNow());
        const redated = redatedForWall(this.data, { state, offset: this.time.wallOffset(), wall, source }, check);
        const spent = await this.files.writeSnapshot(redated.data, 0, true);
        this.time.followWall();
        this.adopt(redated.data);
        correction = redated.correction;
        if (!spent) this.reserve.restoreSoon();
      })
      .then(() => correction);
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
    const records = this.files.journalRecords;
    if (this.compactFailedAt !== undefined && records < this.compactFailedAt + Math.ceil(this.compactAfter / 10)) return;
    this.compactQueued = true;
    void this.compact()
      .then(
        () => {
          this.compactFailedAt = undefined;
        },
        (err: Error) => {
          this.compactFailedAt = this.files.journalRecords;
          this.log(`The dose ledger's journal could not be compacted (${err.message}); it keeps growing meanwhile, nothing is lost.`);
        },
      )
      .finally(() => {
        this.compactQueued = false;
      });
  }
}
