/**
 * Child process for the crash-safety test: writes ledger entries as fast as it can and prints an
 * "ack" line only after each write resolved. The parent SIGKILLs it at random moments.
 */
import { Ledger } from "../../matter-bridge/dose/ledger.js";

const dir = process.argv[2];
const prefix = process.argv[3];
/** Caution versions only grow, across rounds too, so the parent can tell newer from lost. */
const versionBase = Number(process.argv[4]);
const ledger = await Ledger.open(dir);
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
