/**
 * A screen where there is one: when the request's device supports APL, the reply carries a
 * RenderDocument directive (apl.ts, data from datasources.ts). Devices without APL get the reply
 * exactly as before. The dose is read (by the caller's `DoseReader`) only for a screen; when it is
 * not known, the screen shows what is already known (the session, the refusal) without it.
 */
import type { HandlerInput } from "ask-sdk-core";
import type { interfaces } from "ask-sdk-model";
import type { DoseResponse, PanelStatus, Session } from "../../matter-bridge/contract/api.js";
import type { RegionId } from "../../matter-bridge/contract/regions.js";
import type { BridgeResult } from "../bridge-api/client.js";
import { deps } from "../request/context.js";
import { DATASOURCE, PANEL_DOCUMENT } from "./apl.js";
import { type ScreenData, screenData, screenPanel, screenRefusal, screenSession } from "./datasources.js";

export const SCREEN_TOKEN = "biolight-panel";

export const hasScreen = (h: HandlerInput): boolean =>
  h.requestEnvelope.context?.System?.device?.supportedInterfaces?.["Alexa.Presentation.APL"] !== undefined;

const locale = (h: HandlerInput) => h.requestEnvelope.request.locale;

/** The dose to show, asked for only where there is a screen; undefined when it is not known. */
export type DoseReader = () => Promise<DoseResponse | undefined>;

function render(h: HandlerInput, data: ScreenData): void {
  const directive: interfaces.alexa.presentation.apl.RenderDocumentDirective = {
    type: "Alexa.Presentation.APL.RenderDocument",
    token: SCREEN_TOKEN,
    document: PANEL_DOCUMENT,
    datasources: { [DATASOURCE]: data },
  };
  h.responseBuilder.addDirective(directive);
}

/** After a granted start: the session's region and countdown, and the dose per region. */
export async function showStarted(h: HandlerInput, session: Session, readDose: DoseReader): Promise<void> {
  if (!hasScreen(h)) return;
  render(h, screenData(locale(h), { view: "session", sessions: [screenSession(session)], dose: await readDose() }));
}

/** After a refusal (not for a bridge that could not be reached): when the next session is possible. */
export async function showRefused(h: HandlerInput, result: BridgeResult<unknown>, region: RegionId, readDose: DoseReader): Promise<void> {
  if (!hasScreen(h) || result.kind !== "refused") return;
  const dose = await readDose();
  const refusal = screenRefusal(region, result.code, result.retryAfterSeconds, dose, deps(h).clock.now());
  render(h, screenData(locale(h), { view: "refusal", refusal, dose }));
}

/**
 * The panel view for "how long is left" and "how much have I used": running sessions and the dose,
 * reading from the bridge the running sessions when the handler has not read them already.
 */
export async function showPanels(h: HandlerInput, known: { running?: PanelStatus[]; readDose: DoseReader }): Promise<void> {
  if (!hasScreen(h)) return;
  const [running, dose] = await Promise.all([
    known.running ??
      deps(h)
        .bridge.panels()
        .then((r) => (r.kind === "ok" ? r.value.panels.filter((p) => p.on) : null)),
    known.readDose(),
  ]);
  const now = deps(h).clock.now();
  render(h, screenData(locale(h), { view: "status", sessions: running?.map((p) => screenPanel(p, now)) ?? null, dose }));
}
