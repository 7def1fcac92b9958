/**
 * The red-flag slot (`ledger.redflags`): a small file made at its full size when the ledger opens
 * and from then on only overwritten in place and synced (never grown, renamed or replaced), so it
 * takes a red flag on a disk with no free block left. It holds the red flags accepted but not yet in
 * the ledger; the ledger reads it at open, and those it does not hold yet are written to it then.
 *
 * Two halves, written in turn, each its JSON text, a newline, the text's SHA-256 and a newline,
 * padded with zero bytes: a write torn by a power cut spoils only the half being written, and the
 * other still holds the state before it. A half of zero bytes was never written.
 * (A copy-on-write file system, btrfs or ZFS, may still need a free block for an overwrite.)
 */
import { createHash } from "node:crypto";
import { open, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import * as z from "zod";
import { writeFileDurably } from "../../common/durable-file.js";
import { type RedFlag, RedFlagSchema } from "./ledger-schema.js";

export const RED_FLAG_SLOT_FILE = "ledger.redflags";
/** One half: room for about 40 red flags at their longest (a 200-character reason). */
export const SLOT_HALF_BYTES = 16 * 1024;
const FORMAT = "biolight-redflags/1";

const SlotTextSchema = z.strictObject({ format: z.literal(FORMAT), seq: z.number().int().min(1), flags: z.array(RedFlagSchema) });

export interface SlotContents {
  flags: RedFlag[];
  /** The sequence number of the newest valid half (0: never written). */
  seq: number;
  /** Neither half could be read although one was written: whatever it held is unknown. */
  unreadable: boolean;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** What the slot in `dir` holds (nothing when there is no slot). */
export async function readSlot(dir: string): Promise<SlotContents> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dir, RED_FLAG_SLOT_FILE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { flags: [], seq: 0, unreadable: false };
    return { flags: [], seq: 0, unreadable: true };
  }
  let best: z.infer<typeof SlotTextSchema> | undefined;
  let written = false;
  for (let start = 0; start < bytes.length; start += SLOT_HALF_BYTES) {
    const half = bytes.subarray(start, start + SLOT_HALF_BYTES);
    if (half.every((b) => b === 0)) continue;
    written = true;
    const [text, hash] = half.toString("utf8").split("\n");
    if (hash !== sha256(text)) continue;
    try {
      const parsed = SlotTextSchema.safeParse(JSON.parse(text));
      if (parsed.success && parsed.data.seq > (best?.seq ?? 0)) best = parsed.data;
    } catch {}
  }
  if (best) return { flags: best.flags, seq: best.seq, unreadable: false };
  return { flags: [], seq: 0, unreadable: written };
}

export class RedFlagSlot {
  readonly path: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    dir: string,
    private seq: number,
  ) {
    this.path = join(dir, RED_FLAG_SLOT_FILE);
  }

  /** Makes the slot at its full size when it is not (needs free space once); true when it is there. */
  async prepare(): Promise<boolean> {
    const size = await stat(this.path).then(
      (s) => s.size,
      () => -1,
    );
    if (size === 2 * SLOT_HALF_BYTES) return true;
    // Missing, or cut short: made anew, holding what could be read of it.
    const kept = size > 0 ? (await readSlot(join(this.path, ".."))).flags : [];
    try {
      await writeFileDurably(this.path, Buffer.alloc(2 * SLOT_HALF_BYTES));
      this.seq = 0;
      if (kept.length) await this.save(kept);
      return true;
    } catch {
      return false;
    }
  }

  /** Replaces what the slot holds with `flags`, in place, synced; rejects when it cannot. */
  save(flags: readonly RedFlag[]): Promise<void> {
    const run = async () => {
      const seq = this.seq + 1;
      const half = encode(seq, flags);
      const file = await open(this.path, "r+");
      try {
        if ((await file.stat()).size !== 2 * SLOT_HALF_BYTES) throw new Error(`${this.path} is not at its full size`);
        await file.write(half, 0, half.length, (seq % 2) * SLOT_HALF_BYTES);
        await file.datasync();
      } finally {
        await file.close();
      }
      this.seq = seq;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

/**
 * One half holding `flags`. When they do not all fit, the oldest are folded into one red flag naming
 * nobody, holding everyone they held (their reasons are lost, never the red flag itself).
 */
function encode(seq: number, flags: readonly RedFlag[]): Buffer {
  let kept = flags.slice();
  for (;;) {
    const text = JSON.stringify({ format: FORMAT, seq, flags: kept });
    const bytes = Buffer.from(`${text}\n${sha256(text)}\n`);
    if (bytes.length <= SLOT_HALF_BYTES) return Buffer.concat([bytes, Buffer.alloc(SLOT_HALF_BYTES - bytes.length)]);
    const [a, b, ...rest] = kept;
    if (!b) throw new Error("a red flag too long for the red-flag slot");
    kept = [
      {
        id: `folded-${a.id}`,
        at: a.at,
        source: "red-flag-slot",
        reason: "several red flags reported while the disk was full (their details did not fit)",
        holds: [...new Set([...a.holds, ...b.holds])],
      },
      ...rest,
    ];
  }
}
