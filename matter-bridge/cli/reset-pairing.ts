/**
 * `--reset-pairing`: forgets every Matter fabric at start, after a confirmation. On a terminal the
 * bridge asks y/N; without one (systemd, Docker, a script) it needs `--yes`, else it refuses and
 * changes nothing.
 */
import { createInterface } from "node:readline/promises";
import type { Readable, Writable } from "node:stream";

export const RESET_QUESTION =
  "--reset-pairing: forget every Matter pairing (Apple Home, Google Home, Alexa, Home Assistant …)? Each app then shows the panel as not responding until you remove it there and pair again. [y/N] ";

export const RESET_NEEDS_YES =
  "--reset-pairing forgets every Matter pairing and needs a confirmation: there is no terminal to ask, so add --yes (npm start -- --reset-pairing --yes). Nothing was changed.";

export type ResetDecision = { reset: true } | { reset: false; message: string; exitCode: number };

export async function confirmResetPairing(opts: {
  yes?: boolean;
  interactive: boolean;
  input: Readable;
  output: Writable;
}): Promise<ResetDecision> {
  if (opts.yes) return { reset: true };
  if (!opts.interactive) return { reset: false, message: RESET_NEEDS_YES, exitCode: 2 };
  const rl = createInterface({ input: opts.input, output: opts.output });
  try {
    const answer = (await rl.question(RESET_QUESTION)).trim().toLowerCase();
    if (answer === "y" || answer === "yes") return { reset: true };
    return { reset: false, message: "Pairing kept: nothing was changed.", exitCode: 1 };
  } finally {
    rl.close();
  }
}

/** The line printed once the fabrics are gone. */
export function describeForgotten(fabrics: Array<{ vendorName: string; label: string }>): string {
  if (fabrics.length === 0) return "--reset-pairing: the bridge was not paired with any Matter app; nothing to forget.";
  const names = fabrics.map((f) => (f.label ? `${f.vendorName} (${f.label})` : f.vendorName)).join(", ");
  return `--reset-pairing: forgot ${fabrics.length} Matter pairing${fabrics.length === 1 ? "" : "s"}: ${names}. Remove the panel in those apps, then pair again with the code below.`;
}
