import type { RequestHandler } from "ask-sdk-core";
import { REGION_IDS, REGIONS, type RegionId, WORKOUT_KINDS, type WorkoutKind } from "../../matter-bridge/contract/regions.js";
import { addressed, identify } from "../flows/person.js";
import { slotOneOf } from "../language/slots.js";
import { deps, intentOf, setConversation, speech } from "../request/context.js";
import { ask, tell } from "../request/respond.js";
import { isIntent } from "./match.js";

/** "I just finished leg day": the regions that fit, the first one that may run now (for the person speaking) offered. */
export const WorkoutDoneHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "WorkoutDoneIntent"),
  async handle(h) {
    const s = speech(h);
    const heard = slotOneOf(intentOf(h), "workout", WORKOUT_KINDS);
    const kind: WorkoutKind = heard.kind === "ok" ? heard.value : "full-body";
    const fitting = REGION_IDS.filter((id) => REGIONS[id].afterWorkouts.includes(kind));
    const who = await identify(h);
    if (who.kind === "reply") return who.response;
    const { person } = who;
    const dose = await deps(h).bridge.dose(person.id);
    const now = deps(h).clock.now();
    let ready: RegionId[] = fitting;
    let soonest: number | undefined;
    const regions = dose.kind === "ok" ? dose.value.people.find((p) => p.id === person.id)?.regions : undefined;
    if (regions) {
      const waitOf = (id: RegionId) => {
        const next = regions[id]?.nextAllowedAt;
        return next === null || next === undefined ? Number.POSITIVE_INFINITY : (Date.parse(next) - now) / 1000;
      };
      ready = fitting.filter((id) => waitOf(id) <= 60);
      soonest = Math.min(...fitting.map(waitOf));
    }
    if (!ready.length) return tell(h, addressed(h, person, s.workoutRest(fitting, Number.isFinite(soonest) ? soonest : undefined)));
    setConversation(h, { step: "offer", pending: { region: ready[0] } });
    return ask(h, addressed(h, person, s.workoutSuggest(ready)), s.workoutReprompt(ready[0]));
  },
};
