/** SIGKILLs a ledger writer (ledger-writer.ts) at random moments, round after round, in one folder. */
import { spawn } from "node:child_process";
import { join } from "node:path";
import esbuild from "esbuild";
import { tempDirs } from "./temp-dirs.js";

export interface Acknowledged {
  /** Each session id the writer said was on disk, with how far it got. */
  sessions: Map<string, "begin" | "finish">;
  /** The newest caution version the writer said was on disk (0: none yet). */
  caution: number;
}

const bundleDir = tempDirs("biolight-ledger-writer-");
let bundled: Promise<string> | undefined;

/**
 * The writer and the ledger code it runs, bundled once into plain JavaScript: a child then starts
 * in a fraction of the time tsx needs to compile it, and the kills, not the start-ups, fill the test.
 */
function writerScript(): Promise<string> {
  bundled ??= (async () => {
    const outfile = join(await bundleDir(), "ledger-writer.mjs");
    await esbuild.build({
      entryPoints: ["test/helpers/ledger-writer.ts"],
      bundle: true,
      platform: "node",
      format: "esm",
      outfile,
      logLevel: "warning",
    });
    return outfile;
  })();
  return bundled;
}

/**
 * After each kill, `check` looks at the folder with what had been acknowledged so far. Each round's
 * writer is killed once it has acknowledged a random number of writes (1 to `killWithin`): the kill
 * lands wherever the writer is by the time the parent reads that line (mid-append, inside a
 * compaction, between two writes), and a round takes as many writes as it takes, however fast the disk.
 */
export async function killWriterRounds(
  dir: string,
  { rounds, compactAfter, killWithin }: { rounds: number; compactAfter?: number; killWithin: number },
  check: (acked: Acknowledged) => Promise<void>,
): Promise<Acknowledged> {
  const script = await writerScript();
  const acked: Acknowledged = { sessions: new Map(), caution: 0 };
  for (let round = 0; round < rounds; round++) {
    const args = [script, dir, `r${round}`, String(1 + round * 100_000)];
    const child = spawn(process.execPath, compactAfter ? [...args, String(compactAfter)] : args, { stdio: ["ignore", "pipe", "inherit"] });
    const killAfter = 1 + Math.floor(Math.random() * killWithin);
    let writes = 0;
    let buffered = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      // Every line is recorded, also those read after the kill: each was printed only once its write was on disk.
      for (const line of lines) {
        const [kind, value] = line.split(" ");
        if (kind === "begin" || kind === "finish") acked.sessions.set(value, kind);
        else if (kind === "caution") acked.caution = Number(value);
        if (kind !== "ready") writes++;
      }
      if (writes >= killAfter) child.kill("SIGKILL");
    });
    await new Promise((resolve) => child.on("exit", resolve));
    await check(acked);
  }
  return acked;
}
