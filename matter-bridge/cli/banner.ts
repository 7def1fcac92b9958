/** What the bridge prints once it is up: how to pair, where the API and its token are, panel states. */

import { type NetworkInterfaceInfo, networkInterfaces } from "node:os";
import type { ApiToken } from "../api/token.js";
import type { CloudState, PanelStatus } from "../contract/api.js";
import { CAUTION_VERSION } from "../contract/caution.js";
import type { PanelConfig } from "../contract/config.js";
import type { CautionRecord, RedFlag } from "../dose/ledger-schema.js";
import { type ClockState, describeDuration } from "../dose/trusted-time.js";
import type { ClockCheck } from "../sessions/clock-trust.js";
import { qrTerminal } from "./qr.js";

export interface BannerInfo {
  /** The pairing QR code and manual code (absent while the Matter node is not running: `matterOffline`). */
  qr?: string;
  manualPairingCode?: string;
  /** Why the Matter node is not running (a storage folder the bridge cannot write), if so. */
  matterOffline?: string;
  commissioned?: boolean;
  /** The ecosystems the bridge is paired with (vendor name and label). */
  fabrics?: Array<{ vendorName: string; label: string }>;
  matterPort: number;
  apiUrl: string;
  /** The API's listen address: beyond loopback, the banner adds a dashboard link for phones on the LAN. */
  apiHost?: string;
  /**
   * Whether the signed-in LAN link (the token in it) may be printed: only on a terminal, where a
   * person reads it. Output that goes to journald or `docker logs` would keep the token for anyone
   * who can read the logs.
   */
  terminal?: boolean;
  /** This machine's interfaces (os.networkInterfaces(); injectable for tests). */
  interfaces?: NodeJS.Dict<NetworkInterfaceInfo[]>;
  token: ApiToken;
  panels: Array<{ config: PanelConfig; status: PanelStatus }>;
  caution: CautionRecord | null;
  /** Whether the household gate is open (the current version acknowledged and not withdrawn). */
  cautionAcknowledged: boolean;
  /** The red flags still holding someone, newest first (CautionGate.openRedFlags()). */
  redFlags?: readonly RedFlag[];
  clock: ClockState;
  /** While the clock is behind the ledger: the two times and what starts wait for (controller.clockTrust.check()). */
  clockCheck?: ClockCheck;
  /** The ledger is unreadable: every start is refused. */
  ledgerError?: Error;
  /** Why every start is refused because of the ledger or its storage folder, if so (controller.ledgerProblem()). */
  ledgerProblem?: string;
  /** "read-only" or "locked" when the bridge does not write its storage folder. */
  storageState?: "ok" | "read-only" | "locked";
  storage: string;
  /** The cloud link: its state and where it connects (absent: no `cloud` section, the link is off). */
  cloud?: { state: CloudState; broker: string; thing: string };
}

/** The cloud link's line: its state as GET /v1/health says it. */
export const cloudLine = (cloud: BannerInfo["cloud"]): string =>
  cloud
    ? `Cloud link:   ${cloud.state} to ${cloud.broker} as ${cloud.thing} (the log says when it connects or drops)`
    : "Cloud link:   off (no cloud section in the config)";

export const howToAcknowledge = (apiUrl: string): string[] => [
  "Every session is refused until the household has read the red-flag caution. Acknowledge it with one of:",
  `  the dashboard: ${apiUrl}/dashboard/ (sign in with the API token; it shows the caution and asks)`,
  "  restart the bridge with --acknowledge-caution   (npm start -- --acknowledge-caution)",
  `  curl -X POST ${apiUrl}/v1/caution/acknowledge -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" -d '{"version":${CAUTION_VERSION}}'`,
  '  the Alexa skill: "Alexa, open bio light" (it reads the caution and asks)',
];

/**
 * The alarm for a ledger that takes no session: unreadable (an Error) or its storage folder not
 * writable (`storage`), one shape for both.
 */
export function ledgerAlarm(problem: Error | string, storage?: "read-only" | "locked"): string {
  const bar = "!".repeat(78);
  const what =
    storage === "read-only"
      ? "THE STORAGE FOLDER CANNOT BE WRITTEN"
      : storage === "locked"
        ? "THE STORAGE FOLDER IS ANOTHER BRIDGE'S"
        : "THE DOSE LEDGER IS UNAVAILABLE";
  const message = typeof problem === "string" ? problem : problem.message;
  return [bar, `!! ${what}: EVERY SESSION IS REFUSED (LEDGER_UNAVAILABLE).`, `!! ${message}`, bar].join("\n");
}

export function clockAlarm(clock: Extract<ClockState, { trusted: false }>, check?: ClockCheck): string {
  const bar = "!".repeat(78);
  const why = check
    ? wrap(check.waitsFor, 74)
    : [`The ledger's newest entry is from ${new Date(clock.floor).toISOString()}: check the machine's time sync (timedatectl status).`];
  return [
    bar,
    `!! THE CLOCK IS ${describeDuration(clock.behindMs).toUpperCase()} BEHIND THE DOSE LEDGER: EVERY SESSION IS REFUSED (CLOCK_UNTRUSTED).`,
    ...why.map((line) => `!! ${line}`),
    bar,
  ].join("\n");
}

/** Words in lines of at most `width` characters (a longer word gets a line of its own). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const isLoopback = (host: string) => host === "localhost" || host === "::1" || host.startsWith("127.");
const isPrivate = (ip: string) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(ip);

/**
 * The dashboard as a phone on the LAN opens it, signed in: a LAN IPv4 address of this machine (the
 * listen address itself when it is one), the token in the URL fragment, which a browser never sends
 * to the server. Undefined when the API listens on loopback only or no LAN address is found.
 */
export function lanDashboardUrl(
  apiHost: string,
  apiUrl: string,
  token: string,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string | undefined {
  if (isLoopback(apiHost)) return undefined;
  const port = new URL(apiUrl).port;
  const wildcard = apiHost === "0.0.0.0" || apiHost === "::" || apiHost === "[::]";
  let host = wildcard ? undefined : apiHost.includes(":") ? `[${apiHost}]` : apiHost;
  if (!host) {
    const ipv4 = Object.values(interfaces)
      .flatMap((list) => list ?? [])
      .filter((a) => a.family === "IPv4" && !a.internal && !a.address.startsWith("169.254."))
      .map((a) => a.address);
    host = ipv4.find(isPrivate) ?? ipv4[0];
  }
  return host ? `http://${host}:${port}/dashboard/#token=${encodeURIComponent(token)}` : undefined;
}

export function banner(info: BannerInfo): string {
  const out: string[] = [""];
  const storageState = info.storageState && info.storageState !== "ok" ? info.storageState : undefined;
  const problem = info.ledgerError ?? info.ledgerProblem;
  if (problem) out.push(ledgerAlarm(problem, info.ledgerError ? undefined : storageState), "");
  if (!info.clock.trusted) out.push(clockAlarm(info.clock, info.clockCheck), "");
  if (info.matterOffline || !info.manualPairingCode)
    out.push(
      "Matter: NOT STARTED while the storage folder cannot be written (Matter controllers see the bridge offline);",
      "        it starts by itself once it can, and this log says so.",
      "",
    );
  else if (info.commissioned) {
    const who = info.fabrics?.length
      ? ` with ${info.fabrics.map((f) => (f.label ? `${f.vendorName} (${f.label})` : f.vendorName)).join(", ")}`
      : "";
    out.push(`Matter: paired${who}. To add another ecosystem: "Open pairing window" on the dashboard (or share it from a paired app).`);
  } else out.push("Pair in Apple Home, Google Home, Alexa or Home Assistant: scan this QR code", "", info.qr ?? "");
  if (info.manualPairingCode) out.push(`Manual pairing code: ${info.manualPairingCode}   (Matter UDP port ${info.matterPort})`, "");
  out.push(`Control API:  ${info.apiUrl}   (dashboard: ${info.apiUrl}/dashboard/)`);
  const lan = info.apiHost ? lanDashboardUrl(info.apiHost, info.apiUrl, info.token.token, info.interfaces) : undefined;
  if (lan && !info.terminal)
    out.push(
      `Dashboard for phones on this network: ${lan.slice(0, lan.indexOf("#"))}   (sign in with the API token; the signed-in`,
      "              link and its QR code are printed when the bridge runs on a terminal, never into a log)",
      "",
    );
  else if (lan)
    out.push(
      "Dashboard for phones on this network (signed in; keep it to the household: the link holds the API token):",
      `              ${lan}`,
      "",
      qrTerminal(lan),
      "",
    );
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
  if (info.redFlags?.length) {
    out.push(`Red flags:    ${info.redFlags.length} open, newest first (each person held acknowledges again themselves):`);
    for (const f of info.redFlags) out.push(`  ${redFlagLine(f)}`);
  }
  out.push(cloudLine(info.cloud));
  out.push(`Storage:      ${info.storage}`, "");
  return out.join("\n");
}

/** One open red flag in a line: when, for whom, how, why, and who must still acknowledge again. */
export const redFlagLine = (f: RedFlag): string =>
  `${new Date(f.at).toISOString()}  ${f.person !== undefined ? `for ${f.person}` : "for everyone"}, via ${f.source}${f.reason ? ` (${f.reason})` : ""}; waiting for ${f.holds.join(", ")}`;
