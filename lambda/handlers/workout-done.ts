import type { RequestHandler } from "ask-sdk-core";
import { REGION_IDS, REGIONS, type RegionId, WORKOUT_KINDS, type WorkoutKind } from "../../matter-bridge/contract/index.js";
import { deps, intentOf, setConversation, speech } from "../context.js";
import { ask, tell } from "../respond.js";
import { slotOneOf } from "../slots.js";
import { isIntent } from "./match.js";

/** "I just finished leg day": the regions that fit, the first one that may run now offered. */
export const WorkoutDoneHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "WorkoutDoneIntent"),
  async handle(h) {
    const s = speech(h);
    const heard = slotOneOf(intentOf(h), "workout", WORKOUT_KINDS);
    const kind: WorkoutKind = heard.kind === "ok" ? heard.value : "full-body";
    const fitting = REGION_IDS.filter((id) => REGIONS[id].afterWorkouts.includes(kind));
    const dose = await deps(h).bridge.dose();
    const now = deps(h).now();
    let ready: RegionId[] = fitting;
    let soonest: number | undefined;
    if (dose.kind === "ok") {
      const waitOf = (id: RegionId) => {
        const next = dose.value.regions[id]?.nextAllowedAt;
        return next === null || next === undefined ? Number.POSITIVE_INFINITY : (Date.parse(next) - now) / 1000;
      };
      ready = fitting.filter((id) => waitOf(id) <= 60);
      soonest = Math.min(...fitting.map(waitOf));
    }
    if (!ready.length) return tell(h, s.workoutRest(fitting, Number.isFinite(soonest) ? soonest : undefined));
    setConversation(h, { step: "offer", pending: { region: ready[0] } });
    return ask(h, s.workoutSuggest(ready), s.workoutReprompt(ready[0]));
  },
};
