/** What the link function answers a household's request (link a code, list, unlink all), in the bridge's words. */
import type { HouseholdAnswer, HouseholdRequest } from "../../matter-bridge/contract/cloud-link.js";
import type { CodeRefusal, HouseholdStore } from "./store.js";

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

const REFUSALS: Record<CodeRefusal, (retryAfterSeconds?: number) => string> = {
  wrong: () =>
    "That is not a code Alexa gave out. Check the six digits, or ask Alexa for a new one: “Alexa, ask bio light to link my bridge”.",
  expired: () => "That code has expired (a code lasts 10 minutes). Ask Alexa for a new one: “Alexa, ask bio light to link my bridge”.",
  reused: () => "That code has already been used. Ask Alexa for a new one: “Alexa, ask bio light to link my bridge”.",
  "rate-limited": (s = 3600) =>
    `Too many wrong codes from this bridge: no code is checked for the next ${minutes(s)} minute${minutes(s) === 1 ? "" : "s"}.`,
};

export async function answerHousehold(store: HouseholdStore, thing: string, request: HouseholdRequest): Promise<HouseholdAnswer> {
  const { id } = request;
  switch (request.op) {
    case "link": {
      const result = await store.redeem(request.code.trim(), thing);
      if (!result.ok)
        return {
          id,
          ok: false,
          reason: result.reason,
          message: REFUSALS[result.reason](result.retryAfterSeconds),
          ...(result.retryAfterSeconds ? { retryAfterSeconds: result.retryAfterSeconds } : {}),
        };
      return { id, ok: true, accounts: await store.accounts(thing) };
    }
    case "accounts":
      return { id, ok: true, accounts: await store.accounts(thing) };
    case "unlink-all": {
      const unlinked = await store.unlinkAll(thing);
      return { id, ok: true, accounts: await store.accounts(thing), unlinked };
    }
  }
}
