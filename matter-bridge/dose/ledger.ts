/**
 * The durable dose ledger: sessions and the household caution acknowledgement, one JSON file in
 * the storage dir, replaced atomically (write temp → fsync → rename → fsync dir) on every change.
 * A change is acknowledged only after it is on disk; a file that cannot be read or validated is
 * never replaced with an empty one.
 */
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { type CautionRecord, type LedgerFile, LedgerFileSchema, type LedgerSession, LedgerSessionSchema } from "./ledger-schema.js";
import { isOpen } from "./ledger-schema.js";

export const LEDGER_FILE = "ledger.json";
/** Entries older than this are dropped on write; history needs 90 days. */
export const LEDGER_RETENTION_MS = 100 * 24 * 3600 * 1000;

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

export class Ledger {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly path: string,
    private data: LedgerFile,
    private readonly clock: () => number,
  ) {}

  /** Opens (or creates) the ledger in `dir`. Throws LedgerCorruptError for an unreadable file. */
  static async open(dir: string, clock: () => number = Date.now): Promise<Ledger> {
    await mkdir(dir, { recursive: true });
    const path = join(dir, LEDGER_FILE);
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT")
        return new Ledger(path, { format: "biolight-ledger/1", sessions: [], caution: null }, clock);
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
    return new Ledger(path, parsed.data, clock);
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
    const entry = LedgerSessionSchema.parse(session);
    return this.change((d) => {
      if (d.sessions.some((s) => s.id === entry.id)) throw new Error(`session ${entry.id} already in the ledger`);
      return { ...d, sessions: [...d.sessions, entry] };
    });
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
  closeOpenAsDelivered(reason = "recovered-after-restart"): Promise<LedgerSession[]> {
    const closed: LedgerSession[] = [];
    return this.change((d) => ({
      ...d,
      sessions: d.sessions.map((s) => {
        if (!isOpen(s)) return s;
        const c = { ...s, endedAt: s.startedAt + s.plannedSeconds * 1000, deliveredSeconds: s.plannedSeconds, endReason: reason };
        closed.push(c);
        return c;
      }),
    })).then(() => closed);
  }

  acknowledgeCaution(version: number, source: string): Promise<CautionRecord> {
    const record: CautionRecord = { version, acknowledgedAt: Math.round(this.clock()), source };
    return this.change((d) => ({ ...d, caution: record })).then(() => record);
  }

  /** Serialises changes; memory is updated only once the new file is durable. */
  private change(mutate: (d: LedgerFile) => LedgerFile): Promise<void> {
    const run = async () => {
      const next = mutate(this.data);
      const cutoff = this.clock() - LEDGER_RETENTION_MS;
      const compacted = { ...next, sessions: next.sessions.filter((s) => isOpen(s) || (s.endedAt ?? 0) >= cutoff) };
      await writeAtomically(this.path, JSON.stringify(compacted));
      this.data = compacted;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  const file = await open(tmp, "w");
  try {
    await file.writeFile(text, "utf8");
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  const dir = await open(join(path, ".."), "r");
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
