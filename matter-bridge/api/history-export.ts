/**
 * `GET /v1/history/export`: one person's kept history as JSON or CSV, to take elsewhere. It is their
 * health data, so it is an owner's route (HTTP on the home network only, never the cloud link).
 */
import { HISTORY_CSV_COLUMNS, HistoryExportQuerySchema, type HistoryExportResponse } from "../contract/api.js";
import { findPerson } from "../contract/config.js";
import { DAY_MS, iso } from "../contract/units.js";
import { LEDGER_RETENTION_MS } from "../dose/ledger/retention.js";
import type { SessionController } from "../sessions/controller.js";
import type { Route } from "./router.js";
import { parse, unknownPerson } from "./routes.js";

/** More days than the ledger keeps: everything it has. */
const ALL_DAYS = Math.ceil(LEDGER_RETENTION_MS / DAY_MS) + 1;

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
const field = (v: unknown) => {
  const s = v === undefined || v === null ? "" : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function toCsv(sessions: HistoryExportResponse["sessions"]): string {
  const rows = sessions.map((s) => HISTORY_CSV_COLUMNS.map((c) => field(s[c])).join(","));
  return `${[HISTORY_CSV_COLUMNS.join(","), ...rows].join("\r\n")}\r\n`;
}

export function historyExportRoute(controller: SessionController): Route {
  return {
    method: "GET",
    path: "/v1/history/export",
    handle({ query }) {
      const { person, format } = parse(HistoryExportQuerySchema, Object.fromEntries(query));
      const config = controller.config;
      const current = findPerson(config, person);
      const retired = !current && config.retired.people.includes(person);
      if (!current && !retired) throw unknownPerson(config, person);
      controller.requireLedger();
      const exportedAt = iso(controller.time.wallNow());
      const body: HistoryExportResponse = {
        person: current ? { id: current.id, name: current.name } : { id: person, name: person, retired: true },
        exportedAt,
        sessions: controller.history(ALL_DAYS, person),
      };
      const name = `biolight-history-${person}-${exportedAt.slice(0, 10)}.${format}`;
      const download = { "Content-Disposition": `attachment; filename="${name}"` };
      return format === "csv"
        ? { status: 200, body, text: toCsv(body.sessions), headers: { ...download, "Content-Type": "text/csv; charset=utf-8" } }
        : { status: 200, body, headers: download };
    },
  };
}
