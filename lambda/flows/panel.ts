/** Reading and stopping what the panels are doing, through the bridge. */
import type { HandlerInput } from "ask-sdk-core";
import type { PanelStatus, StopSessionResponse } from "../../matter-bridge/contract/api.js";
import type { BridgeResult } from "../bridge-api/client.js";
import { deps, updateUser, user } from "../request/context.js";
import { deleteTimer } from "./alexa-api.js";

export async function runningPanels(h: HandlerInput): Promise<BridgeResult<PanelStatus[]>> {
  const result = await deps(h).bridge.panels();
  return result.kind === "ok" ? { kind: "ok", value: result.value.panels.filter((p) => p.on) } : result;
}

/**
 * Switches off every running panel (one that fails does not keep the others on; its failure is
 * what gets reported); cancels the end-of-session timer this skill set.
 */
export async function stopAll(h: HandlerInput): Promise<BridgeResult<StopSessionResponse[]>> {
  const running = await runningPanels(h);
  if (running.kind !== "ok") return running;
  const stopped: StopSessionResponse[] = [];
  let failure: Exclude<BridgeResult<unknown>, { kind: "ok" }> | undefined;
  for (const panel of running.value) {
    const result = await deps(h).bridge.stopSession(panel.id);
    // Ended by itself in the meantime: nothing left to stop.
    if (result.kind === "refused" && result.code === "NO_SESSION") continue;
    if (result.kind === "ok") stopped.push(result.value);
    else failure ??= result;
  }
  await forgetTimer(
    h,
    stopped.map((s) => s.session.id),
  );
  return failure ?? { kind: "ok", value: stopped };
}

/** Cancels the end-of-session timer this skill set, when its session is among those stopped. */
export async function forgetTimer(h: HandlerInput, stoppedSessionIds: readonly string[]): Promise<void> {
  const timer = user(h).timer;
  if (timer && stoppedSessionIds.includes(timer.sessionId)) {
    await deleteTimer(h, timer.id);
    updateUser(h, (u) => ({ ...u, timer: undefined }));
  }
}
