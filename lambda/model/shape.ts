/**
 * The interaction model's shape, shared by every language: intent names, their slots and slot types,
 * and the ids of every custom slot value. A language supplies only words (see LanguageSource), keyed
 * by these names and ids, so the compiler rejects a language that misses or invents one.
 */
import type { RegionId, WorkoutKind } from "../../matter-bridge/contract/regions.js";
import type { FaqTopic, RomChange, SlotWords, SymptomId } from "../language/vocabulary.js";

type Slot = readonly [name: string, type: string];
const REGION: Slot = ["region", "Region"];

/** Every intent, in the model's order, with its slots. */
export const INTENT_SLOTS = {
  StartSessionIntent: [REGION, ["duration", "AMAZON.DURATION"], ["distance", "AMAZON.NUMBER"]],
  StopSessionIntent: [],
  TimeLeftIntent: [],
  DoseStatusIntent: [REGION],
  WorkoutDoneIntent: [["workout", "WorkoutKind"]],
  RoutineIntent: [REGION],
  ReadyIntent: [],
  LogSpasmIntent: [],
  LogTendernessIntent: [["score", "AMAZON.NUMBER"], REGION],
  LogRangeOfMotionIntent: [["change", "RomChange"]],
  ProgressIntent: [],
  RedFlagIntent: [["symptom", "Symptom"]],
  FaqIntent: [["topic", "FaqTopic"]],
  CautionIntent: [],
  // AMAZON.FirstName, not a custom type: the people are the bridge's, named at run time. `name`: the
  // speaker says who they are (a voice asked is remembered); `forName`: whom this one request is for.
  IdentifyPersonIntent: [
    ["name", "AMAZON.FirstName"],
    ["forName", "AMAZON.FirstName"],
  ],
  ForgetVoiceIntent: [["name", "AMAZON.FirstName"]],
  /** "Link my bridge": a spoken code to type on the bridge (a skill serving several households). */
  LinkBridgeIntent: [],
  UnlinkBridgeIntent: [],
  "AMAZON.HelpIntent": [],
  "AMAZON.FallbackIntent": [],
  "AMAZON.StopIntent": [],
  "AMAZON.CancelIntent": [],
  "AMAZON.NavigateHomeIntent": [],
  "AMAZON.YesIntent": [],
  "AMAZON.NoIntent": [],
} as const satisfies Record<string, readonly Slot[]>;
export type IntentName = keyof typeof INTENT_SLOTS;

/** What one language (or English variant) writes: its own samples and slot words, for the shared shape. */
export interface LanguageSource {
  invocationName: string;
  samples: Record<IntentName, readonly string[]>;
  types: {
    Region: Record<RegionId, SlotWords>;
    WorkoutKind: Record<WorkoutKind, SlotWords>;
    Symptom: Record<SymptomId, SlotWords>;
    RomChange: Record<RomChange, SlotWords>;
    FaqTopic: Record<FaqTopic, SlotWords>;
  };
}
