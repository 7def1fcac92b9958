/** The link code on a screen (Echo Show): big digits, with where to type them. */
import type { HandlerInput } from "ask-sdk-core";
import { type AplDocument, DATASOURCE, field, fullScreenDocument } from "./apl.js";
import { hasScreen } from "./index.js";

export const LINK_CODE_TOKEN = "biolight-link-code";

export const LINK_CODE_DOCUMENT: AplDocument = fullScreenDocument({
  justifyContent: "center",
  alignItems: "center",
  paddingLeft: "6vw",
  paddingRight: "6vw",
  items: [
    { type: "Text", text: field("title"), fontSize: "5vh", textAlign: "center" },
    {
      type: "Text",
      text: field("code"),
      fontSize: "18vh",
      fontWeight: "bold",
      letterSpacing: "2vw",
      textAlign: "center",
      paddingTop: "3vh",
    },
    { type: "Text", text: field("hint"), fontSize: "3.5vh", textAlign: "center", paddingTop: "3vh" },
  ],
});

/** Shows `code` on the request's screen, when it has one. */
export function showLinkCode(h: HandlerInput, data: { title: string; code: string; hint: string }): void {
  if (!hasScreen(h)) return;
  h.responseBuilder.addDirective({
    type: "Alexa.Presentation.APL.RenderDocument",
    token: LINK_CODE_TOKEN,
    document: LINK_CODE_DOCUMENT,
    datasources: { [DATASOURCE]: data },
  });
}
