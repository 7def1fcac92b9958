/**
 * The banner as one log event, for `--log-format json`: the same facts as the human banner
 * (cli/banner.ts) as fields, without the QR drawing. Never the API token itself, nor a link
 * carrying it: shipped logs are read by more people than the bridge's owner.
 */

import type { LogFields } from "../support/log.js";
import type { BannerInfo } from "./banner.js";

export function bannerFields(info: BannerInfo, extra: { qrPairingCode?: string; version: string }): LogFields {
  const c = info.caution;
  return {
    event: "started",
    version: extra.version,
    commissioned: info.commissioned ?? false,
    ...(info.manualPairingCode ? { manualPairingCode: info.manualPairingCode, qrPairingCode: extra.qrPairingCode } : {}),
    matterPort: info.matterPort,
    apiUrl: info.apiUrl,
    dashboardUrl: `${info.apiUrl}/dashboard/`,
    token: info.token.source === "env" ? { source: "env", variable: "BRIDGE_API_TOKEN" } : { source: "file", path: info.token.path },
    panels: info.panels.map(({ config, status }) => ({
      id: config.id,
      name: config.name,
      on: status.on,
      state: status.state,
      remainingSeconds: status.remainingSeconds,
      reachable: status.reachable,
      driver: config.driver.kind,
      region: status.region,
    })),
    caution: {
      acknowledged: info.cautionAcknowledged,
      version: c?.version ?? null,
      ...(c?.acknowledgedAt !== undefined ? { acknowledgedAt: new Date(c.acknowledgedAt).toISOString() } : {}),
      ...(c?.withdrawnAt !== undefined ? { withdrawnAt: new Date(c.withdrawnAt).toISOString(), withdrawnReason: c.withdrawnReason } : {}),
      redFlags: (info.redFlags ?? []).map((f) => ({
        person: f.person ?? null,
        at: new Date(f.at).toISOString(),
        source: f.source,
        reason: f.reason ?? null,
        waitingFor: f.holds,
      })),
    },
    clock: info.clock.trusted ? "ok" : "behind",
    ...(info.clock.trusted ? {} : { clockBehindMs: info.clock.behindMs }),
    ...(info.clockCheck ? { clockWaitsFor: info.clockCheck.waitsFor } : {}),
    ...(info.ledgerError ? { ledgerError: info.ledgerError.message } : {}),
    ...(info.ledgerProblem && !info.ledgerError ? { ledgerProblem: info.ledgerProblem } : {}),
    ...(info.storageState && info.storageState !== "ok" ? { storageState: info.storageState } : {}),
    ...(info.matterOffline ? { matter: "not started", matterOffline: info.matterOffline } : {}),
    cloud: info.cloud ? { state: info.cloud.state, broker: info.cloud.broker, thing: info.cloud.thing } : { state: "off" },
    storage: info.storage,
  };
}
