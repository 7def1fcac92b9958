/**
 * The ledger's two files, the snapshot and its journal (invariant 11 in ARCHITECTURE.md): a start
 * appends the same few hundred bytes at 100 sessions of history as at 10,000. Journal records are
 * written with the wall offset the snapshot has, so a change after a clock step writes a new
 * snapshot instead (`needsSnapshot`).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { appendFileDurably, writeFileDurably } from "../../../common/durable-file.js";
import { JOURNAL_FILE, type LedgerPatch } from "../journal.js";
import type { JournalRecord, LedgerFile } from "../ledger-schema.js";
import { LEDGER_FILE, LEDGER_FORMAT, type LoadedLedger } from "./load.js";
import type { DiskReserve } from "./reserve.js";
import { shiftPatch, shiftTimes } from "./wall-times.js";

/** Writes the file's new text durably; rejects (leaving the old file and no temp file) when it cannot. */
export type LedgerWriter = (path: string, text: string) => Promise<void>;

/**
 * Appends to the journal durably, first cutting it to `truncateTo` bytes when given (a torn tail;
 * 0 empties it). May leave a partial append behind when it rejects: the ledger cuts it off next time.
 */
export type LedgerAppender = (path: string, text: string, truncateTo?: number) => Promise<void>;

/** Journal size that triggers a compaction (records or bytes, whichever comes first). */
export const JOURNAL_LIMIT = { records: 1000, bytes: 512 * 1024 };

export const durableWriter: LedgerWriter = (path, text) => writeFileDurably(path, text);
export const durableAppender: LedgerAppender = (path, text, truncateTo) =>
  appendFileDurably(path, text, truncateTo === undefined ? {} : { truncateTo });

/** A `write` that carries the journal as well: each append replaces the journal with its new text. */
export function appendThrough(write: LedgerWriter): LedgerAppender {
  return async (path, text, truncateTo) => {
    const old = await readFile(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code === "ENOENT") return Buffer.alloc(0);
      throw err;
    });
    const kept = truncateTo === undefined ? old : old.subarray(0, truncateTo);
    await write(path, Buffer.concat([kept, Buffer.from(text)]).toString("utf8"));
  };
}

export interface LedgerFilesOptions {
  dir: string;
  loaded: LoadedLedger;
  write: LedgerWriter;
  append: LedgerAppender;
  /** Given up for a change that must land on a full disk. */
  reserve: DiskReserve;
  log: (message: string) => void;
}

export class LedgerFiles {
  readonly path: string;
  readonly journalPath: string;
  /** The sequence number of the last change on disk. */
  private seq: number;
  /** A format-3 snapshot is on disk, so changes may go to the journal. */
  private snapshotCurrent: boolean;
  /** The line-to-wall offset the snapshot (and every journal record after it) was written with. */
  private offset = 0;
  /** Complete records in the journal (also those the snapshot already holds) and their bytes. */
  private journal: { bytes: number; records: number; dirty: boolean };
  private readonly write: LedgerWriter;
  private readonly append: LedgerAppender;
  private readonly reserve: DiskReserve;
  private readonly log: (message: string) => void;

  constructor(options: LedgerFilesOptions) {
    const { loaded } = options;
    this.path = join(options.dir, LEDGER_FILE);
    this.journalPath = join(options.dir, JOURNAL_FILE);
    this.seq = loaded.seq;
    this.snapshotCurrent = loaded.data.format === LEDGER_FORMAT;
    // `dirty`: bytes after the complete records may be a torn append: cut them off before the next.
    this.journal = { bytes: loaded.validBytes, records: loaded.lines, dirty: loaded.tornBytes > 0 };
    this.write = options.write;
    this.append = options.append;
    this.reserve = options.reserve;
    this.log = options.log;
  }

  /** The next change must be a snapshot: none in this format yet, or one written before a clock step. */
  needsSnapshot(offset: number): boolean {
    return !this.snapshotCurrent || offset !== this.offset;
  }

  /** The line-to-wall offset the snapshot (and every journal record after it) was written with. */
  get writtenOffset(): number {
    return this.offset;
  }

  /** Whether a compaction would change anything. */
  get compactable(): boolean {
    return this.journal.records > 0 || this.journal.dirty || !this.snapshotCurrent;
  }

  /** Whether the journal holds anything a start-up compaction folds. */
  get journalInUse(): boolean {
    return this.journal.records > 0 || this.journal.dirty;
  }

  get journalRecords(): number {
    return this.journal.records;
  }

  pastLimit(records: number): boolean {
    return this.journal.records >= records || this.journal.bytes >= JOURNAL_LIMIT.bytes;
  }

  /**
   * Step 1: the snapshot (`state` on the line, written `offset` later), holding everything up to the
   * last sequence number, replaces the old one durably. Step 2: the journal is emptied. A crash or a
   * failure between them leaves records the snapshot holds, which the next load skips by their
   * sequence numbers. True when the reserve was spent on it.
   */
  async writeSnapshot(state: LedgerFile, offset: number, mustLand: boolean): Promise<boolean> {
    const text = JSON.stringify({ ...shiftTimes(state, offset), format: LEDGER_FORMAT, journalSeq: this.seq });
    let spent = false;
    try {
      await this.write(this.path, text);
    } catch (err) {
      if (!(await this.reserve.spendFor(err, mustLand))) throw err;
      spent = true;
      await this.write(this.path, text);
    }
    this.snapshotCurrent = true;
    this.offset = offset;
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

  /** Appends one change (`seenAt` on the line) with the snapshot's offset; true when the reserve was spent on it. */
  async appendChange(patch: LedgerPatch, seenAt: number, mustLand: boolean): Promise<boolean> {
    const offset = this.offset;
    const record: JournalRecord = { seq: this.seq + 1, at: seenAt + offset, ...shiftPatch(patch, offset) };
    const line = `${JSON.stringify(record)}\n`;
    let spent = false;
    try {
      await this.append(this.journalPath, line, this.journal.dirty ? this.journal.bytes : undefined);
    } catch (err) {
      // Part of the line may have landed: cut it off before the next append.
      this.journal.dirty = true;
      if (!(await this.reserve.spendFor(err, mustLand))) throw err;
      spent = true;
      await this.append(this.journalPath, line, this.journal.bytes);
    }
    this.journal = { bytes: this.journal.bytes + Buffer.byteLength(line), records: this.journal.records + 1, dirty: false };
    this.seq = record.seq;
    return spent;
  }
}
