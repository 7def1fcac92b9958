/**
 * The owner's Alexa-account routes (HTTP only, like owner-routes.ts: the cloud link never serves
 * them). Each asks the cloud's link function through the bridge's own link: the household is the
 * bridge's thing, named by its certificate.
 */

import {
  ALEXA_LINK_ERRORS,
  type AlexaAccountsResponse,
  AlexaLinkRequestSchema,
  type AlexaLinkResponse,
  type AlexaUnlinkAllResponse,
} from "../contract/api.js";
import { CloudUnavailableError, type HouseholdAnswer, type HouseholdQuestion } from "../contract/cloud-link.js";
import { HttpError } from "./errors.js";
import type { Route } from "./router.js";
import { parse } from "./routes.js";

/** What the routes need of the cloud link; undefined: the bridge has no `cloud` section. */
export interface HouseholdCloud {
  askHousehold(question: HouseholdQuestion): Promise<HouseholdAnswer>;
}

const STATUS: Record<keyof typeof ALEXA_LINK_ERRORS, number> = {
  wrong: 422,
  expired: 422,
  reused: 422,
  "rate-limited": 429,
  invalid: 400,
  unavailable: 503,
};

async function ask(cloud: HouseholdCloud | undefined, question: HouseholdQuestion) {
  if (!cloud)
    throw new HttpError(
      409,
      "CLOUD_OFF",
      "This bridge has no cloud link (no `cloud` section in its config), so no Alexa account can be linked to it.",
    );
  let answer: HouseholdAnswer;
  try {
    answer = await cloud.askHousehold(question);
  } catch (err) {
    if (err instanceof CloudUnavailableError) throw new HttpError(503, ALEXA_LINK_ERRORS.unavailable, err.message);
    throw err;
  }
  if (answer.ok) return answer;
  const retry = answer.retryAfterSeconds;
  throw new HttpError(
    STATUS[answer.reason],
    ALEXA_LINK_ERRORS[answer.reason],
    answer.message,
    retry ? { retryAfterSeconds: retry } : {},
    retry ? { "Retry-After": String(retry) } : {},
  );
}

const listed = (answer: { accounts: AlexaAccountsResponse["accounts"] }): AlexaAccountsResponse => ({
  count: answer.accounts.length,
  accounts: answer.accounts,
});

export function alexaRoutes(cloud: () => HouseholdCloud | undefined): Route[] {
  return [
    {
      method: "GET",
      path: "/v1/alexa/accounts",
      handle: async () => ({ status: 200, body: listed(await ask(cloud(), { op: "accounts" })) }),
    },
    {
      method: "POST",
      path: "/v1/alexa/link",
      async handle({ body }) {
        const { code } = parse(AlexaLinkRequestSchema, await body());
        const answer = await ask(cloud(), { op: "link", code });
        const reply: AlexaLinkResponse = { linked: true, ...listed(answer) };
        return { status: 200, body: reply };
      },
    },
    {
      method: "POST",
      path: "/v1/alexa/unlink-all",
      async handle({ body }) {
        await body({ optional: true });
        const answer = await ask(cloud(), { op: "unlink-all" });
        const reply: AlexaUnlinkAllResponse = { unlinked: answer.unlinked ?? 0, ...listed(answer) };
        return { status: 200, body: reply };
      },
    },
  ];
}
