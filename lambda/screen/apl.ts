/**
 * The APL document for screens (Echo Show): what is running with a live countdown to its planned
 * end, a refusal with when the next session is possible, and each region's light in the last 24
 * hours against its cap as a bar in the region's colour. All data comes from the `bioLight` data
 * source (datasources.ts); the countdown is evaluated on the device against APL's `utcTime`, so it
 * keeps running without the skill being asked again.
 */

/** An APL component: its type and properties (a small typed subset of what APL accepts). */
export interface AplComponent {
  type: "Container" | "Text" | "Frame";
  [property: string]: unknown;
}

export interface AplDocument {
  type: "APL";
  version: string;
  theme: "dark" | "light";
  mainTemplate: { parameters: string[]; items: AplComponent[] };
}

/** The data source's name inside the document. */
export const DATASOURCE = "bioLight";

/** A data-binding expression: `${expr}`. */
const bind = (expr: string) => `\${${expr}}`;

/** Milliseconds from now (on the device's clock) to an epoch-ms instant, never below zero. */
const untilMs = (at: string) => `Math.max(0, ${at} - utcTime)`;
/** "12:05": minutes (not wrapped at an hour) and seconds. */
const countdown = (at: string) => `${bind(`Math.floor(${untilMs(at)} / 60000)`)}:${bind(`Time.format('ss', ${untilMs(at)})`)}`;
/** An epoch-ms instant as the device's local wall-clock time. */
const localClock = (at: string) => bind(`Time.format('HH:mm', ${at} + localTime - utcTime)`);

const d = (path: string) => `${DATASOURCE}.${path}`;
/** A binding to a field of the data source: `${bioLight.path}`. */
export const field = (path: string) => bind(d(path));

/** A full-screen document whose one container holds `container`'s items and styles. */
export const fullScreenDocument = (container: Omit<AplComponent, "type">): AplDocument => ({
  type: "APL",
  version: "2023.3",
  theme: "dark",
  mainTemplate: { parameters: [DATASOURCE], items: [{ type: "Container", width: "100vw", height: "100vh", ...container }] },
});

const swatch = (colour: string): AplComponent => ({
  type: "Frame",
  width: "2.5vw",
  height: "2.5vw",
  borderRadius: "1.25vw",
  backgroundColor: colour,
  spacing: "0",
});

const sessionRow: AplComponent = {
  type: "Container",
  direction: "row",
  alignItems: "center",
  paddingTop: "2vh",
  items: [
    swatch(bind("data.colour")),
    {
      type: "Container",
      paddingLeft: "2vw",
      grow: 1,
      items: [
        { type: "Text", text: bind("data.name"), fontSize: "5vh", fontWeight: "bold" },
        { type: "Text", text: `${bind(d("labels.endsAt"))} ${localClock("data.endsAtMs")}`, fontSize: "3.5vh", color: "#c8c8c8" },
      ],
    },
    {
      type: "Text",
      text: `${countdown("data.endsAtMs")} ${bind(d("labels.left"))}`,
      fontSize: "9vh",
      fontWeight: "bold",
      color: bind("data.colour"),
    },
  ],
};

const refusalBlock: AplComponent = {
  type: "Container",
  when: bind(`${d("refusal")} != null`),
  direction: "row",
  alignItems: "center",
  paddingTop: "2vh",
  items: [
    swatch(bind(d("refusal.colour"))),
    {
      type: "Container",
      paddingLeft: "2vw",
      grow: 1,
      items: [
        { type: "Text", text: `${bind(d("labels.refused"))}: ${bind(d("refusal.name"))}`, fontSize: "5vh", fontWeight: "bold" },
        {
          type: "Text",
          when: bind(`${d("refusal.nextAllowedAtMs")} != null`),
          text: `${bind(d("labels.nextSessionAt"))} ${localClock(d("refusal.nextAllowedAtMs"))} (${bind(`Math.ceil(${untilMs(d("refusal.nextAllowedAtMs"))} / 60000)`)} min)`,
          fontSize: "4vh",
          color: bind(d("refusal.colour")),
        },
        {
          type: "Text",
          when: bind(`${d("refusal.nextAllowedAtMs")} == null`),
          text: bind(d("labels.nextSessionUnknown")),
          fontSize: "4vh",
        },
      ],
    },
  ],
};

const doseRow: AplComponent = {
  type: "Container",
  paddingTop: "1.5vh",
  items: [
    {
      type: "Container",
      direction: "row",
      justifyContent: "spaceBetween",
      items: [
        { type: "Text", text: bind("data.name"), fontSize: "3.5vh" },
        { type: "Text", text: `${bind("data.usedJPerCm2")} / ${bind("data.capJPerCm2")} ${bind(d("labels.unit"))}`, fontSize: "3.5vh" },
      ],
    },
    {
      type: "Frame",
      width: "100%",
      height: "1.8vh",
      borderRadius: "0.9vh",
      backgroundColor: "#333333",
      item: {
        type: "Frame",
        width: `${bind("data.percent")}%`,
        height: "100%",
        borderRadius: "0.9vh",
        backgroundColor: bind("data.colour"),
      },
    },
  ],
};

export const PANEL_DOCUMENT: AplDocument = fullScreenDocument({
  paddingLeft: "5vw",
  paddingRight: "5vw",
  paddingTop: "4vh",
  items: [
    { type: "Text", text: field("labels.title"), fontSize: "4vh", color: "#d0533a" },
    { type: "Container", data: field("sessions"), items: [sessionRow] },
    {
      type: "Text",
      when: field("nothingRunning"),
      text: field("labels.nothingRunning"),
      fontSize: "5vh",
      paddingTop: "2vh",
    },
    refusalBlock,
    { type: "Text", text: field("labels.last24h"), fontSize: "3.5vh", color: "#c8c8c8", paddingTop: "4vh" },
    { type: "Container", when: field("doseShown"), data: field("regions"), items: [doseRow] },
    { type: "Text", when: bind(`!${d("doseShown")}`), text: field("labels.noDose"), fontSize: "3vh", color: "#c8c8c8" },
  ],
});
