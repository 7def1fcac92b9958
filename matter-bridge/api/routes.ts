/** The control API's routes (see docs/http-api.md). Every start and stop goes to the session controller. */
import type { z } from "zod";
import {
  CautionAcknowledgeRequestSchema,
  CautionQuerySchema,
  type CautionStatusResponse,
  CautionWithdrawRequestSchema,
  type CloudState,
  DoseQuerySchema,
  type DoseResponse,
  type HealthResponse,
  HistoryQuerySchema,
  type HistoryResponse,
  type PeopleResponse,
  SessionRequestSchema,
  StopSessionRequestSchema,
} from "../contract/api.js";
import { CAUTION_VERSION, cautionText } from "../contract/caution.js";
import { type BridgeConfig, defaultPersonOf, findPerson } from "../contract/config.js";
import { personIds, unknownPersonMessage } from "../dose/people.js";
import { CautionVersionError } from "../sessions/caution-gate.js";
import type { SessionController } from "../sessions/controller.js";
import { type Clock, systemClock, within } from "../support/clock.js";
import { HttpError, refusalError, validationError } from "./errors.js";
import type { Route } from "./router.js";

export interface RouteOptions {
  controller: SessionController;
  /** How long a stop waits for an unresponsive panel before answering 503 (the off keeps being retried). */
  stopTimeoutMs?: number;
  /** The cloud link's state, for `GET /v1/health` (default: "off"). */
  cloud?: () => CloudState;
  /** The bridge's clock: a stop's wait for an unresponsive panel runs on it. */
  clock?: Clock;
}

/** Validates with a contract schema; a failure is a 400 naming each field (and the allowed keys). */
export function parse<S extends z.ZodObject>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, (path) => (path.length === 0 ? Object.keys(schema.shape) : undefined));
  return parsed.data;
}

/** Health's clock fields: "ok", or "behind" with the two times and what starts wait for. */
function clockHealth(controller: SessionController): Pick<HealthResponse, "clock" | "clockCheck"> {
  const check = controller.clockTrust.check();
  return check ? { clock: "behind", clockCheck: check } : { clock: "ok" };
}

/** An unknown person is a 400 naming the known ids (also in `knownPeople`). */
export const unknownPerson = (config: BridgeConfig, id: string): HttpError =>
  new HttpError(400, "UNKNOWN_PERSON", unknownPersonMessage(config, id), { knownPeople: personIds(config) });

export function controlRoutes({ controller, stopTimeoutMs = 5000, cloud = () => "off", clock = systemClock }: RouteOptions): Route[] {
  const knownPanel = (id: string) => {
    if (!controller.config.panels.some((p) => p.id === id)) throw new HttpError(404, "UNKNOWN_PANEL", `No panel with id "${id}".`);
  };
  const knownPerson = (id: string | undefined) => {
    if (id !== undefined && !findPerson(controller.config, id)) throw unknownPerson(controller.config, id);
  };
  /** The people a query asks about: the one named, else everyone (in config order). */
  const peopleFor = (id: string | undefined) => controller.config.people.filter((p) => id === undefined || p.id === id);

  return [
    {
      method: "GET",
      path: "/v1/health",
      auth: false,
      handle: () => ({
        status: 200,
        body: {
          status: "ok",
          ...clockHealth(controller),
          // Only when it is not "ok": a storage the bridge cannot write is news, a writable one is not.
          ...(controller.storageState() !== "ok" ? { storage: controller.storageState() } : {}),
          cloud: cloud(),
        },
      }),
    },

    { method: "GET", path: "/v1/panels", handle: () => ({ status: 200, body: { panels: controller.status() } }) },

    {
      method: "POST",
      path: "/v1/sessions",
      async handle({ body }) {
        const request = parse(SessionRequestSchema, await body());
        if (request.panelId !== undefined) knownPanel(request.panelId);
        knownPerson(request.person);
        const outcome = await controller.start(request, "api");
        if (!outcome.ok) {
          // A stop for the panel won before the session began: nothing was switched on.
          if (outcome.refusal.code === "STOPPED") throw new HttpError(409, "STOPPED", outcome.refusal.message);
          throw refusalError(outcome.refusal);
        }
        return { status: 201, body: { session: outcome.session, adjustments: outcome.adjustments } };
      },
    },

    {
      method: "POST",
      path: "/v1/panels/{id}/stop",
      async handle({ body, params }) {
        parse(StopSessionRequestSchema, await body({ optional: true }));
        knownPanel(params.id);
        const finished = await within(clock, controller.stop(params.id, "stopped"), stopTimeoutMs, "slow" as const);
        if (finished === "slow")
          throw new HttpError(
            503,
            "PANEL_UNREACHABLE",
            "The panel did not answer the switch-off. The bridge keeps retrying; the session ends as soon as it does.",
          );
        if (!finished) throw new HttpError(409, "NO_SESSION", `Panel "${params.id}" is not running a session.`);
        // A start still being set up (waiting its turn, its ledger entry being written, or granted but the relay not yet asked) was cancelled: nothing was switched on.
        const { cancelled, ...session } = finished;
        return { status: 200, body: { session, ...(cancelled ? { cancelled: true } : {}) } };
      },
    },

    {
      method: "GET",
      path: "/v1/people",
      handle() {
        const { config } = controller;
        const body: PeopleResponse = {
          people: config.people.map((p) => ({
            id: p.id,
            name: p.name,
            defaultForPanels: config.panels.filter((panel) => defaultPersonOf(config, panel) === p.id).map((panel) => panel.id),
          })),
        };
        return { status: 200, body };
      },
    },

    {
      method: "GET",
      path: "/v1/dose",
      handle({ query }) {
        const { person } = parse(DoseQuerySchema, Object.fromEntries(query));
        knownPerson(person);
        controller.requireLedger();
        const dose = controller.householdDose(person);
        const body: DoseResponse = {
          people: dose.people.map((p) => ({
            ...p,
            regions: Object.fromEntries(
              Object.entries(p.regions).map(([id, r]) => [
                id,
                { ...r, nextAllowedAt: Number.isFinite(r.nextAllowedAt) ? controller.wallIso(r.nextAllowedAt) : null },
              ]),
            ),
          })),
          panels: dose.panels,
          cautionAcknowledged: controller.caution.acknowledged(),
        };
        return { status: 200, body };
      },
    },

    {
      method: "GET",
      path: "/v1/history",
      handle({ query }) {
        const { days, person } = parse(HistoryQuerySchema, Object.fromEntries(query));
        knownPerson(person);
        controller.requireLedger();
        const body: HistoryResponse = {
          people: [
            ...peopleFor(person).map((p) => ({ id: p.id, name: p.name, sessions: controller.history(days, p.id) })),
            ...(person === undefined ? controller.config.retired.people : []).map((id) => ({
              id,
              name: id,
              retired: true as const,
              sessions: controller.history(days, id),
            })),
          ],
        };
        return { status: 200, body };
      },
    },

    {
      method: "GET",
      path: "/v1/caution",
      handle({ query }) {
        const { person } = parse(CautionQuerySchema, Object.fromEntries(query));
        knownPerson(person);
        controller.requireLedger();
        const record = controller.caution.record();
        const body: CautionStatusResponse = {
          version: CAUTION_VERSION,
          text: cautionText(),
          acknowledged: controller.caution.acknowledged(),
          acknowledgedAt:
            record?.acknowledgedAt !== undefined && controller.caution.acknowledged() ? controller.wallIso(record.acknowledgedAt) : null,
          acknowledgedVersion: record?.acknowledgedAt !== undefined ? record.version : null,
          withdrawnAt: record?.withdrawnAt !== undefined ? controller.wallIso(record.withdrawnAt) : null,
          withdrawnReason: record?.withdrawnReason ?? null,
          redFlags: controller.caution.openRedFlags().map((f) => ({
            person: f.person ?? null,
            at: controller.wallIso(f.at),
            source: f.source,
            reason: f.reason ?? null,
            waitingFor: f.holds,
          })),
          ...(person !== undefined
            ? {
                personAcknowledged: controller.caution.personAcknowledged(person),
                personWithdrawn: controller.caution.personWithdrawn(person),
              }
            : {}),
        };
        return { status: 200, body };
      },
    },

    {
      method: "POST",
      path: "/v1/caution/acknowledge",
      async handle({ body }) {
        const { version, source, person } = parse(CautionAcknowledgeRequestSchema, await body());
        knownPerson(person);
        controller.requireLedger();
        try {
          const record = await controller.caution.acknowledge(version, source ?? "api", person);
          return {
            status: 200,
            body: { acknowledged: true, version: record.version, acknowledgedAt: controller.wallIso(record.acknowledgedAt) },
          };
        } catch (err) {
          if (err instanceof CautionVersionError)
            throw new HttpError(409, "CAUTION_VERSION_MISMATCH", err.message, { currentVersion: CAUTION_VERSION });
          throw err;
        }
      },
    },

    {
      method: "POST",
      path: "/v1/caution/withdraw",
      async handle({ body }) {
        const { reason, source, person } = parse(CautionWithdrawRequestSchema, await body({ optional: true }));
        knownPerson(person);
        controller.requireLedger();
        const { withdrawnAt, kept, stops } = await controller.withdrawCaution(reason, source ?? "api", person);
        const unsaved = controller.ledgerProblem();
        // Kept in the red-flag slot, it survives a restart: the ledger write is retried meanwhile.
        if (unsaved && kept !== "slot" && kept !== "ledger")
          throw new HttpError(
            503,
            "LEDGER_UNAVAILABLE",
            `Every session is refused and every panel is being switched off, but the withdrawal is not saved yet: ${unsaved} Until it is, a restart would forget it.`,
          );
        // The gate is closed already; a panel that does not answer the switch-off is not waited for.
        const finished = await Promise.all(stops.map((stop) => within(clock, stop, stopTimeoutMs, "slow" as const)));
        const stillOn = controller.config.panels.filter((_, i) => finished[i] === "slow").map((p) => p.id);
        return {
          status: 200,
          body: {
            acknowledged: false,
            withdrawnAt: controller.wallIso(withdrawnAt),
            // Sessions switched off (a start cancelled before it switched anything on is not one).
            stopped: finished.flatMap((f) => (f && f !== "slow" && !f.cancelled ? [f.id] : [])),
            ...(stillOn.length ? { stillSwitchingOff: stillOn } : {}),
          },
        };
      },
    },
  ];
}
