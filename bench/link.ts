/**
 * The cloud link's figures (`npm run bench -- link`): a local mosquitto playing IoT Core
 * (test/helpers/mosquitto.ts), the compiled bridge connected to it over mutual TLS, and
 * the round trip, the cold skill and the bridge's RSS measured against it.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Broker } from "../test/helpers/mosquitto.js";
import { benchLinkRoundTrip, type RoundTrip } from "./link-round-trip.js";
import { benchLinkRss } from "./link-rss.js";
import { benchLinkSkillCold, type LinkColdNumbers } from "./link-skill-cold.js";
import { startBenchBridge } from "./linked-bridge.js";
import { printComparison } from "./table.js";
import { wsUpgradeMs } from "./ws-upgrade.js";

const THING = "home-bench";
/** Requests by each path: p99 is then the 10th slowest. */
const ROUND_TRIPS = 1000;

export interface LinkNumbers {
  roundTrip: RoundTrip;
  cold: LinkColdNumbers<"ws" | "tcp" | "http">;
  rss: { linked: number; unlinked: number };
  /** The broker's WebSocket upgrade alone (ms, median). */
  upgrade: number;
}

export async function benchLink(rounds: number): Promise<LinkNumbers> {
  const broker = await Broker.start();
  const dir = await mkdtemp(join(tmpdir(), "biolight-bench-link-"));
  try {
    const [creds, echo] = await Promise.all([broker.mintThing(THING), broker.mintThing(`${THING}-echo`)]);
    const bridge = await startBenchBridge(dir, broker, creds, true);
    let roundTrip: RoundTrip;
    let cold: LinkColdNumbers<"ws" | "tcp" | "http">;
    try {
      roundTrip = await benchLinkRoundTrip(broker, bridge, THING, echo, ROUND_TRIPS);
      cold = await benchLinkSkillCold(
        {
          ws: { link: "mqtt", url: broker.wsUrl, thing: THING },
          tcp: { link: "mqtt", url: broker.tcpUrl, thing: THING },
          http: { link: "http", url: bridge.url, token: bridge.token },
        },
        rounds + 2,
      );
    } finally {
      await bridge.stop();
    }
    const rss = await benchLinkRss(dir, broker, creds, rounds);
    return { roundTrip, cold, rss, upgrade: await wsUpgradeMs(broker.wsUrl, 20) };
  } finally {
    await broker.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const ratio = (limit: number) => ({ kind: "ratio" as const, limit });

export function printLink({ roundTrip: trip, cold, rss, upgrade }: LinkNumbers): void {
  const ms = { kind: "absolute" as const, limit: 30, unit: "ms" };
  printComparison("the cloud link through a local mosquitto; medians, taking turns; the anchors run in this same script", [
    { measure: "request round trip p50: link vs direct HTTP (ms)", project: trip.link.p50, anchor: trip.http.p50 },
    { measure: "request round trip p99: link vs direct HTTP (ms)", project: trip.link.p99, anchor: trip.http.p99, target: ratio(2) },
    { measure: "request round trip p99 through the link (ms)", project: trip.link.p99, target: ms },
    // The floor: the same transport through the same broker to a bare client that answers at once (no bridge).
    { measure: "floor p50: broker + bare echo vs direct HTTP (ms)", project: trip.echo.p50, anchor: trip.http.p50 },
    { measure: "floor p99: broker + bare echo vs direct HTTP (ms)", project: trip.echo.p99, anchor: trip.http.p99 },
    {
      measure: "cold skill: load + connect + first launch vs floor (ms)",
      project: cold.ws.skill.first,
      anchor: cold.ws.floor.first,
      target: ratio(1.5),
    },
    { measure: "floor: hello-world + connect + 1 round trip vs hello (ms)", project: cold.ws.floor.first, anchor: cold.hello.first },
    { measure: "of which mosquitto's WebSocket upgrade, raw socket (ms)", project: upgrade },
    // For reading: the broker's plain MQTT listener (no WebSocket upgrade), and no link at all (floor-skill.ts).
    { measure: "cold skill over mqtt:// vs its floor (ms)", project: cold.tcp.skill.first, anchor: cold.tcp.floor.first },
    { measure: "cold skill over direct HTTP vs floor-skill.ts (ms)", project: cold.http.skill.first, anchor: cold.http.floor.first },
    {
      measure: "bridge RSS: link connected vs no cloud section (MiB)",
      project: rss.linked,
      anchor: rss.unlinked,
      target: { kind: "delta", limit: 10, unit: "MiB" },
    },
  ]);
  console.log(
    `\nRound trip: ${trip.samples} GET /v1/panels and /v1/dose by each path in turn, to the same compiled bridge; the link is the skill's` +
      "\nown transport (lambda/link/mqtt-link.ts, ws://) to the bridge on mutual TLS, HTTP the skill's keep-alive client (lambda/bridge-api/http-fetch.ts)." +
      "\nCold: fresh processes, the built bundle (BRIDGE_LINK=mqtt, MQTT_URL=ws://) against bench/link-floor-skill.ts and hello-skill.ts." +
      "\nRSS: 1.5 s after the link connected (or after ready).",
  );
}
