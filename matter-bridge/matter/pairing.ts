/** Matter pairing codes: from flags/env, else random on first run, then persisted in the storage dir. */
import { randomInt } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { QrCode } from "@matter/main/types";
import * as z from "zod";
import { writeFileDurably } from "../../common/durable-file.js";

/** Passcodes the Matter specification forbids (trivially guessable). */
const INVALID_PASSCODES = new Set([
  0, 11111111, 22222222, 33333333, 44444444, 55555555, 66666666, 77777777, 88888888, 99999999, 12345678, 87654321,
]);

export const PairingSchema = z.strictObject({
  passcode: z
    .number()
    .int()
    .min(1)
    .max(99999998)
    .refine((p) => !INVALID_PASSCODES.has(p), "is a passcode Matter forbids"),
  discriminator: z.number().int().min(0).max(4095),
});
export type Pairing = z.infer<typeof PairingSchema>;

export const PAIRING_FILE = "pairing.json";

export function randomPasscode(): number {
  for (;;) {
    const p = randomInt(1, 99999999);
    if (!INVALID_PASSCODES.has(p)) return p;
  }
}

/**
 * The codes: given ones first, else the stored ones, else new random ones, saved when they differ
 * from the stored ones. With `persist: false` (a storage folder that cannot be written) nothing is
 * saved: the same call with `persist` later saves them.
 */
export async function loadOrCreatePairing(
  storageDir: string,
  given: Partial<Pairing> = {},
  { persist = true }: { persist?: boolean } = {},
): Promise<Pairing> {
  const path = join(storageDir, PAIRING_FILE);
  let stored: Partial<Pairing> = {};
  try {
    stored = PairingSchema.parse(JSON.parse(await readFile(path, "utf8")));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw new Error(`${path} is not a valid pairing file: ${(err as Error).message}`);
  }
  const pairing = PairingSchema.parse({
    passcode: given.passcode ?? stored.passcode ?? randomPasscode(),
    discriminator: given.discriminator ?? stored.discriminator ?? randomInt(0, 4096),
  });
  if (persist && (pairing.passcode !== stored.passcode || pairing.discriminator !== stored.discriminator)) {
    await mkdir(storageDir, { recursive: true });
    await writeFileDurably(path, JSON.stringify(pairing));
  }
  return pairing;
}

/** The pairing QR code as terminal art (matter.js's encoder). */
export const renderQr = (qrPairingCode: string): string => QrCode.get(qrPairingCode);
