/**
 * The ledger's journal (`ledger.journal`): one JSON line per change, appended and synced before the
 * change is acknowledged, so a session start writes a few hundred bytes however long the history is.
 * The snapshot (`ledger.json`, format 3) holds everything up to its `journalSeq`; the journal's
 * records after it are applied in order on load. Compaction folds the journal into a new snapshot.
 *
 * Reading: every line must be a complete, valid record with the next sequence number, or the ledger
 * is corrupt (refused, never reset). The one exception is a last line without its newline: an append
 * cut short by a crash (or a full disk), never acknowledged, so it is ignored and cut off before the
 * next append.
 */
import {
  type CautionRecord,
  type JournalRecord,
  JournalRecordSchema,
  type LedgerFile,
  type LedgerSession,
  type PersonRecord,
  type RedFlag,
} from "./ledger-schema.js";

export const JOURNAL_FILE = "ledger.journal";

/** What one change puts in: sessions by id, the household caution record, persons' records by id. */
export interface LedgerPatch {
  sessions?: LedgerSession[];
  caution?: CautionRecord | null;
  people?: Record<string, PersonRecord>;
  redFlags?: RedFlag[];
}

export interface ParsedJournal {
  /** Records after the snapshot's `journalSeq`, in order. */
  records: JournalRecord[];
  /** Complete lines in the file (records the snapshot already holds included). */
  lines: number;
  /** Bytes up to the end of the last complete line. */
  validBytes: number;
  /** Bytes of a torn last line after them (0: none). */
  tornBytes: number;
  /** The last sequence number in the file, or the snapshot's when the file holds none after it. */
  lastSeq: number;
}

/** Thrown for a journal that is not a torn tail but damage; the ledger reports it as corrupt. */
export class JournalDamage extends Error {}

export function parseJournal(bytes: Uint8Array, snapshotSeq: number): ParsedJournal {
  const records: JournalRecord[] = [];
  let start = 0;
  let lines = 0;
  let prev: number | undefined;
  for (let nl = bytes.indexOf(10, start); nl !== -1; nl = bytes.indexOf(10, start)) {
    lines++;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset + start, nl - start).toString("utf8");
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new JournalDamage(`journal line ${lines} is not valid JSON`);
    }
    const parsed = JournalRecordSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new JournalDamage(`journal line ${lines}: ${issue.path.join(".") || "record"}: ${issue.message}`);
    }
    const { seq } = parsed.data;
    if (prev !== undefined && seq !== prev + 1) throw new JournalDamage(`journal line ${lines}: record ${seq} follows ${prev}`);
    if (seq > snapshotSeq) {
      if (records.length === 0 && seq !== snapshotSeq + 1)
        throw new JournalDamage(`journal line ${lines}: record ${seq} does not continue the snapshot, which ends at ${snapshotSeq}`);
      records.push(parsed.data);
    }
    prev = seq;
    start = nl + 1;
  }
  return {
    records,
    lines,
    validBytes: start,
    tornBytes: bytes.length - start,
    lastSeq: Math.max(snapshotSeq, prev ?? snapshotSeq),
  };
}

/**
 * Applies a change to `data` in place: sessions are put in by id (`index`: id → position, kept up to
 * date), the caution record and persons' records replaced, red flags put in by id.
 */
export function applyPatch(data: LedgerFile, index: Map<string, number>, patch: LedgerPatch): void {
  for (const session of patch.sessions ?? []) {
    const at = index.get(session.id);
    if (at === undefined) {
      index.set(session.id, data.sessions.length);
      data.sessions.push(session);
    } else data.sessions[at] = session;
  }
  if (patch.caution !== undefined) data.caution = patch.caution;
  if (patch.people) data.people = { ...data.people, ...patch.people };
  if (patch.redFlags) {
    const flags = (data.redFlags ?? []).slice();
    for (const flag of patch.redFlags) {
      const at = flags.findIndex((f) => f.id === flag.id);
      if (at === -1) flags.push(flag);
      else flags[at] = flag;
    }
    data.redFlags = flags;
  }
}

export const indexOf = (sessions: readonly LedgerSession[]): Map<string, number> => new Map(sessions.map((s, i) => [s.id, i]));
