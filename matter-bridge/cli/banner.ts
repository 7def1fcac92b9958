/** What the bridge prints once it is up: how to pair, where the API and its token are, panel states. */

import type { ApiToken } from "../api/token.js";
import type { PanelStatus } from "../contract/api.js";
import { CAUTION_VERSION } from "../contract/caution.js";
import type { PanelConfig } from "../contract/config.js";
import type { CautionRecord } from "../dose/ledger-schema.js";
import { type ClockState, describeDuration } from "../dose/trusted-time.js";

export interface BannerInfo {
  qr: string;
  manualPairingCode: string;
  commissioned?: boolean;
  matterPort: number;
  apiUrl: string;
  token: ApiToken;
  panels: Array<{ config: PanelConfig; status: PanelStatus }>;
  caution: CautionRecord | null;
  /** Whether the household gate is open (the current version acknowledged and not withdrawn). */
  cautionAcknowledged: boolean;
  clock: ClockState;
  ledgerError?: Error;
  storage: string;
}

export const howToAcknowledge = (apiUrl: string): string[] => [
  "Every session is refused until the household has read the red-flag caution. Acknowledge it with one of:",
  "  restart the bridge with --acknowledge-caution   (npm start -- --acknowledge-caution)",
  `  curl -X POST ${apiUrl}/v1/caution/acknowledge -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" -d '{"version":${CAUTION_VERSION}}'`,
  '  the Alexa skill: "Alexa, open bio light" (it reads the caution and asks)',
];

export function ledgerAlarm(err: Error): string {
  const bar = "!".repeat(78);
  return [bar, "!! THE DOSE LEDGER IS UNAVAILABLE: EVERY SESSION IS REFUSED (LEDGER_UNAVAILABLE).", `!! ${err.message}`, bar].join("\n");
}

export function clockAlarm(clock: Extract<ClockState, { trusted: false }>): string {
  const bar = "!".repeat(78);
  return [
    bar,
    `!! THE CLOCK IS ${describeDuration(clock.behindMs).toUpperCase()} BEHIND THE DOSE LEDGER: EVERY SESSION IS REFUSED (CLOCK_UNTRUSTED).`,
    `!! The ledger's newest entry is from ${new Date(clock.floor).toISOString()}. Sessions start again once the clock`,
    "!! catches up: check the machine's time sync (timedatectl status).",
    bar,
  ].join("\n");
}

export function banner(info: BannerInfo): string {
  const out: string[] = [""];
  if (info.ledgerError) out.push(ledgerAlarm(info.ledgerError), "");
  if (!info.clock.trusted) out.push(clockAlarm(info.clock), "");
  if (info.commissioned) out.push("Matter: already paired. To add another controller, share it from your Matter app (multi-admin).");
  else out.push("Pair in Apple Home, Google Home, Alexa or Home Assistant: scan this QR code", "", info.qr);
  out.push(`Manual pairing code: ${info.manualPairingCode}   (Matter UDP port ${info.matterPort})`, "");
  out.push(`Control API:  ${info.apiUrl}   (dashboard: ${info.apiUrl}/dashboard/)`);
  out.push(
    info.token.source === "env"
      ? "API token:    from the BRIDGE_API_TOKEN environment variable"
      : `API token:    in ${info.token.path}   (TOKEN=$(cat ${info.token.path}))`,
  );
  out.push("Panels:");
  for (const { config, status } of info.panels) {
    const state = status.on ? `ON (${status.remainingSeconds} s left)` : "off";
    out.push(
      `  ${config.id}  "${config.name}"  ${state}, ${status.reachable ? "reachable" : "NOT REACHABLE"}, driver ${config.driver.kind}, region ${status.region}`,
    );
  }
  const c = info.caution;
  if (info.cautionAcknowledged && c?.acknowledgedAt !== undefined)
    out.push(`Caution:      acknowledged (version ${c.version}, ${new Date(c.acknowledgedAt).toISOString()}, via ${c.source})`);
  else if (c?.withdrawnAt !== undefined)
    out.push(
      `Caution:      WITHDRAWN ${new Date(c.withdrawnAt).toISOString()}${c.withdrawnReason ? ` (${c.withdrawnReason})` : ""}: every session is refused until it is acknowledged again`,
    );
  else if (c && c.version !== CAUTION_VERSION)
    out.push(
      `Caution:      version ${c.version} was acknowledged, but version ${CAUTION_VERSION} is current: every session is refused until it is read again`,
    );
  else if (!info.ledgerError) out.push("Caution:      NOT acknowledged: every session is refused until it is (see below)");
  out.push(`Storage:      ${info.storage}`, "");
  return out.join("\n");
}
