import type { RequestHandler } from "ask-sdk-core";
import { conversation, speech } from "../request/context.js";
import { ask } from "../request/respond.js";
import { isIntent } from "./match.js";

/** Not understood: repeat the open question if there is one, so a pending caution is never skipped. */
export const FallbackHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "AMAZON.FallbackIntent"),
  handle(h) {
    const s = speech(h);
    const step = conversation(h);
    switch (step?.step) {
      case "caution":
        return ask(h, s.cautionReprompt(), s.cautionReprompt());
      case "region":
        return ask(h, s.unknownRegion(), s.askRegion());
      case "routine":
        return ask(h, s.routineReprompt(), s.routineReprompt());
      case "person": {
        const names = step.choices.map((c) => c.name);
        return ask(h, s.whoUnknown(undefined, names), s.whoReprompt(names));
      }
      default:
        return ask(h, s.fallback(), s.reprompt());
    }
  },
};
