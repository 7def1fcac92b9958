/** Reading the ledger's files: the snapshot, then the journal records after it (wall-clock times, as on disk). */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { VERSION } from "../../version.js";
import { applyPatch, indexOf, JOURNAL_FILE, JournalDamage, parseJournal } from "../journal.js";
import { type LedgerFile, LedgerFileSchema } from "../ledger-schema.js";
import { legacyRedFlags } from "./caution-records.js";
import { LedgerCorruptError } from "./errors.js";

export const LEDGER_FILE = "ledger.json";
/** The snapshot format this bridge writes (see LedgerFileSchema). */
export const LEDGER_FORMAT = "biolight-ledger/3";

const EMPTY: LedgerFile = { format: "biolight-ledger/1", sessions: [], caution: null };

export interface LoadedLedger {
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

export async function loadLedger(dir: string): Promise<LoadedLedger> {
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
  if (data.format !== LEDGER_FORMAT && data.redFlags === undefined) data.redFlags = legacyRedFlags(data);
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
  if (n === undefined || Number(n) <= Number(LEDGER_FORMAT.split("/")[1])) return undefined;
  return `it is in format ${format}, written by a newer version of the bridge; this one (${VERSION}) reads formats 1 to ${LEDGER_FORMAT.split("/")[1]}: run the newer version again, or restore a backup made by this version (docs/operations.md)`;
}
