import type { RequestHandler } from "ask-sdk-core";
import { startRoutine } from "../flows/routine.js";
import { regionSlot } from "../language/slots.js";
import { intentOf, setConversation, speech } from "../request/context.js";
import { ask } from "../request/respond.js";
import { isIntent } from "./match.js";

export const RoutineHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "RoutineIntent"),
  handle(h) {
    const s = speech(h);
    const region = regionSlot(intentOf(h));
    if (region.kind === "ok") return startRoutine(h, region.value);
    setConversation(h, { step: "region", pending: {}, forRoutine: true });
    return ask(h, region.kind === "invalid" ? s.unknownRegion(region.heard) : s.askRegion(), s.askRegion());
  },
};
