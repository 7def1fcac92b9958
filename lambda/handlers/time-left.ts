import type { RequestHandler } from "ask-sdk-core";
import { runningPanels } from "../flows/panel.js";
import { doseIfKnown } from "../flows/person.js";
import { speech } from "../request/context.js";
import { bridgeTrouble, joinSpeech, tell } from "../request/respond.js";
import { showPanels } from "../screen/index.js";
import { isIntent } from "./match.js";

export const TimeLeftHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "TimeLeftIntent"),
  async handle(h) {
    const s = speech(h);
    const running = await runningPanels(h);
    if (running.kind !== "ok") return tell(h, bridgeTrouble(h, running));
    await showPanels(h, { running: running.value, readDose: () => doseIfKnown(h) });
    const said = running.value.flatMap((p) => (p.region ? [s.timeLeft(p.remainingSeconds, p.region)] : []));
    return tell(h, said.length ? joinSpeech(...said) : s.nothingRunning());
  },
};
