/**
 * Child process for the crash-safety tests: writes ledger entries as fast as it can and prints an
 * "ack" line only after each write resolved. The parent SIGKILLs it at random moments (see
 * ledger-crash.ts). With a `compactAfter` argument the journal is compacted every few changes, so a
 * kill often lands inside a compaction (snapshot written, journal not yet emptied, or the snapshot's
 * temp file half written).
 */
import { Ledger } from "../../matter-bridge/dose/ledger.js";

const [dir, prefix, base, compactAfter] = process.argv.slice(2);
/** Caution versions only grow, across rounds too, so the parent can tell newer from lost. */
const versionBase = Number(base);
const ledger = await Ledger.open(dir, compactAfter ? { compactAfter: Number(compactAfter) } : {});
process.stdout.write("ready\n");
for (let i = 0; ; i++) {
  const id = `${prefix}-${i}`;
  await ledger.begin({
    id,
    panelId: "panel-1",
    region: "mid-back",
    source: "crash-test",
    distanceCm: 30,
    irradianceMwPerCm2: 24,
    startedAt: Date.now(),
    plannedSeconds: 600,
  });
  process.stdout.write(`begin ${id}\n`);
  await ledger.finish(id, Date.now(), 300, "stopped");
  process.stdout.write(`finish ${id}\n`);
  if (i % 7 === 0) {
    await ledger.acknowledgeCaution(versionBase + i, "crash-test");
    process.stdout.write(`caution ${versionBase + i}\n`);
  }
}
