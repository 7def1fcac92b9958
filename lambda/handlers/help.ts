import type { RequestHandler } from "ask-sdk-core";
import { deps, speech } from "../request/context.js";
import { ask } from "../request/respond.js";
import { isIntent } from "./match.js";

/** What to say, and what stops a running session once the skill is no longer listening (the panels' names from the bridge). */
export const HelpHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "AMAZON.HelpIntent"),
  async handle(h) {
    const panels = await deps(h).bridge.panels();
    const names = panels.kind === "ok" ? panels.value.panels.map((p) => p.name) : [];
    return ask(h, speech(h).help(names), speech(h).reprompt());
  },
};
