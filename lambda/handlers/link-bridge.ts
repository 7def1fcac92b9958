import type { RequestHandler } from "ask-sdk-core";
import { ssmlSafe } from "../language/speech/index.js";
import { deps, speech } from "../request/context.js";
import { tell } from "../request/respond.js";
import { showLinkCode } from "../screen/link-code.js";
import { alexaUserId } from "../user-data/persistence/user-key.js";
import { isIntent } from "./match.js";

const CODE_MARK = "{code}";

/**
 * "Link my bridge": a new 6-digit code for this Alexa account, spoken digit by digit (twice), shown
 * on a screen and in the Alexa app's card. Typed on a bridge, it links this account to that home.
 */
export const LinkBridgeHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "LinkBridgeIntent"),
  async handle(h) {
    const s = speech(h).household;
    const households = deps(h).households;
    if (!households) return tell(h, s.singleHome());
    let code: string;
    try {
      code = (await households.issueCode(alexaUserId(h.requestEnvelope))).code;
    } catch (err) {
      console.error("LinkBridgeIntent: no code could be issued:", err);
      return tell(h, s.unavailable());
    }
    // The digits go in after ssmlSafe, which would strip the say-as tags; the code is digits only.
    const spoken = ssmlSafe(s.linkCode(CODE_MARK)).replaceAll(CODE_MARK, `<say-as interpret-as="digits">${code}</say-as>`);
    showLinkCode(h, { title: s.screenTitle, code, hint: s.screenHint });
    return h.responseBuilder
      .speak(spoken)
      .withSimpleCard(s.screenTitle, `${code}\n\n${s.screenHint}`)
      .withShouldEndSession(true)
      .getResponse();
  },
};
