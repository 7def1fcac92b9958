/**
 * Everything the skill says, in American English. Wellness language only; the caution is never
 * skipped. Values come from code: region names from the contract's catalogue, limits as arguments.
 */
import type { AdjustmentReason, RefusalCode } from "../../../matter-bridge/contract/api.js";
import { cautionText, EYE_PROTECTION } from "../../../matter-bridge/contract/caution.js";
import { REGION_IDS, REGIONS, type RegionId } from "../../../matter-bridge/contract/regions.js";
import { durationWords, numberWords } from "../spoken-numbers/en.js";
import { type FaqTopic, ROM_CHANGES, type RomChange } from "../vocabulary.js";

const regionName = (id: RegionId) => REGIONS[id].spokenName;
/** "a, b and c"; with `serialComma`, "a, b, or c". */
const list = (items: readonly string[], joiner = "and", serialComma = false) =>
  items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")}${serialComma && items.length > 2 ? "," : ""} ${joiner} ${items[items.length - 1]}`;
/** Every region, as a choice: "neck and shoulders, mid back, or low back and hips". */
const regionChoice = () => list(REGION_IDS.map(regionName), "or", true);
const capitalised = (text: string) => `${text[0].toUpperCase()}${text.slice(1)}`;

export function minutesPhrase(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} second${Math.round(seconds) === 1 ? "" : "s"}`;
  const minutes = Math.round(seconds / 6) / 10; // one decimal
  const whole = Math.round(minutes);
  if (Math.abs(minutes - whole) < 0.05) return `${whole} minute${whole === 1 ? "" : "s"}`;
  const half = Math.round(minutes * 2) / 2;
  return `about ${half % 1 === 0 ? half : `${Math.floor(half)} and a half`} minutes`;
}

/** "about 20 minutes ago", relative, as whenPhrase. */
export function agoPhrase(seconds: number): string {
  if (seconds < 90) return "a minute ago";
  return whenPhrase(seconds)
    .replace(/^in (about )?/, "about ")
    .replace(/$/, " ago");
}

/** "in about 3 hours", relative, because the bridge does not know the listener's time zone. */
export function whenPhrase(seconds: number): string {
  if (seconds <= 60) return "in a minute";
  if (seconds < 90 * 60) return `in about ${Math.ceil(seconds / 60)} minutes`;
  if (seconds < 36 * 3600) {
    const hours = Math.round(seconds / 3600);
    return `in about ${hours} hour${hours === 1 ? "" : "s"}`;
  }
  const days = Math.round(seconds / 86400);
  return `in about ${days} day${days === 1 ? "" : "s"}`;
}

const REDUCTIONS: Record<AdjustmentReason, (r: string, min: string) => string> = {
  SESSION_MAX_SECONDS: (_r, min) => `the longest single session is ${min}`,
  SESSION_MAX_FLUENCE: () => "at that distance that is all the light one session allows",
  REGION_FLUENCE_24H: (r) => `that is what is left of the last 24 hours' light for your ${r}`,
  DAILY_ON_TIME: () => "that is what is left of the panel's on-time for the last 24 hours",
};

/** What a refusal is about, for saying why and when. */
export interface RefusalContext {
  region?: RegionId;
  retryAfterSeconds?: number;
  /** The shortest session the bridge starts (its refusal does not say; the skill speaks the contract's default). */
  minSessionSeconds: number;
}

const yourRegion = (r: RefusalContext) => (r.region ? `your ${regionName(r.region)}` : "that region");
const nextPossible = (r: RefusalContext) =>
  r.retryAfterSeconds ? ` The next session is possible ${whenPhrase(r.retryAfterSeconds)}.` : "";

/** Every refusal the bridge can give, in the skill's own words (never the bridge's English). */
const REFUSALS: Record<RefusalCode, (r: RefusalContext) => string> = {
  CAUTION_REQUIRED: () => "The bridge needs the household's safety check first.",
  REST_INTERVAL: (r) => `${capitalised(yourRegion(r))} had a session recently and needs a rest between sessions.${nextPossible(r)}`,
  REGION_LIMIT: (r) =>
    `${capitalised(yourRegion(r))} has had all its light for the last 24 hours. More isn't better here.${nextPossible(r)}`,
  DAILY_ON_TIME: (r) => `The panel has reached its on-time for the last 24 hours.${nextPossible(r)}`,
  WEEKLY_LIMIT: (r) => `${capitalised(yourRegion(r))} has had the most sessions allowed in a week.${nextPossible(r)}`,
  TOO_CLOSE: () => "At that distance the light would be too strong. Move further from the panel and ask again.",
  TOO_SHORT: (r) => `That would be too short to be worth starting. Sessions run for at least ${durationWords(r.minSessionSeconds)}.`,
  PANEL_BUSY: (r) =>
    `The panel is already running a session.${r.retryAfterSeconds ? ` It finishes ${whenPhrase(r.retryAfterSeconds)}.` : ""}`,
  PANEL_UNREACHABLE: () =>
    "The bridge can't reach the panel. Check that the panel's plug or relay is powered and on your network, then try again.",
  LEDGER_UNAVAILABLE: () =>
    "The bridge can't read or write its dose records right now, so it won't start a session. Its storage may be full; check the bridge's log.",
  UNKNOWN_PANEL: () => "The bridge no longer has the panel I asked it about; its panels may have changed. Please try again.",
  STOPPED: () => "The panel was stopped before that session began, so nothing is running. Ask again when you're ready.",
  UNKNOWN_PERSON: () => "The bridge no longer knows the person I asked it about; its people may have changed. Please try again.",
  CLOCK_UNTRUSTED: () =>
    "The bridge's clock is behind, so it can't be sure how long ago your last sessions were, and it won't start one. It starts sessions again once its clock is right; check the bridge's time sync.",
};

/** How range of motion feels, in words (also the RomChange slot's values in the interaction model). */
const ROM_WORDS: Record<RomChange, string> = { better: "better", same: "the same", worse: "worse" };
/** "better, the same, or worse". */
const ROM_CHOICE = ROM_CHANGES.map((change) => ROM_WORDS[change]);

interface FaqEntry {
  /** The question as the skill offers it: "can it stop a cramp". */
  question: string;
  answer: () => string;
}

/** What a launch offers. */
const WELCOME_OPTIONS =
  "You can say, start a low back session, guide me through a neck routine, or how much have I used today. What would you like?";

/**
 * What stops a running session once the skill's session has closed (a plain "stop" no longer
 * reaches the skill): a one-shot to the skill, or the panel switched off by name through Matter.
 */
const stopHint = (when: string, panelNames: readonly string[]) =>
  `${when}, say: Alexa, tell bio light to stop${panelNames.length ? `, or: Alexa, turn off ${list(panelNames, "or")}` : ""}.`;

/** What the progress answer says: this week's sessions, spasms and tenderness against the weeks before. */
export interface ProgressFigures {
  weeksTracked: number;
  sessionsThisWeek: number;
  sessionsBefore: number;
  spasmsThisWeek: number;
  spasmsBefore: number;
  tenderThisWeek?: number;
  tenderBefore?: number;
}

/** An open red flag as the skill says it: for whom ("you", a person's id, or null: everyone) and why. */
export interface SpokenRedFlag {
  who: string | null;
  reason: string | null;
}

/** The open red flags, newest first, in one sentence each: for whom, and what was reported. */
const redFlagsSaid = (flags: readonly SpokenRedFlag[]): string => {
  const one = (f: SpokenRedFlag) =>
    `${f.who === null ? "for everyone" : `for ${f.who}`}${f.reason ? `: ${f.reason.replace(/[.!?]+$/, "")}` : ""}.`;
  if (flags.length === 1) return `It's still open, ${one(flags[0])}`;
  return `There are ${numberWords(flags.length)} red flags still open, newest first: ${flags.map((f, i) => `${i === 0 ? "" : "Then, "}${one(f)}`).join(" ")}`;
};

export const enUS = {
  /** How the skill names each region (also the Region slot's values in this language's model). */
  regionNames: Object.fromEntries(REGION_IDS.map((id) => [id, regionName(id)])) as Record<RegionId, string>,
  welcome: () => `Welcome to Bio Light. ${WELCOME_OPTIONS}`,
  /** Before the caution at a launch: a user who never answered it, or answered an older version. */
  welcomeCaution: (changed: boolean): string =>
    changed
      ? "Welcome back to Bio Light. The safety check has changed since you last heard it, so here it is again."
      : "Welcome to Bio Light.",
  /** After "no" to the caution read at a launch: what the launch offers. */
  welcomeOptions: () => WELCOME_OPTIONS,
  welcomeReprompt: () => `Which region would you like: ${regionChoice()}?`,
  /** The caution: the bridge's text when the bridge asked for it, else the skill's own. */
  caution: (text: string = cautionText()) => `${text} Does any of this apply to you?`,
  /** `flags`: the bridge's open red flags, newest first (each said, so none is missed). */
  cautionWithdrawn: (flags: readonly SpokenRedFlag[] = []) =>
    `Someone in your household reported a red flag, so your Bio Light bridge has paused all sessions.${flags.length ? ` ${redFlagsSaid(flags)}` : ""} Before the next one, here is the safety check again.`,
  cautionChanged: () => "The safety check has changed since you last heard it, so here it is again.",
  /** Something was asked for instead of answering the caution just read: the question again, not the whole text. */
  cautionFirst: () => "I'll do that once you've answered the safety check I just read. Does any of this apply to you?",
  cautionReprompt: () => "Please answer yes if any of those apply to you, or no if none of them do.",
  /** `bridge`: what happened on the bridge (switched off, paused for the household, or why not). */
  cautionApplies: (bridge?: string) =>
    `Thanks for telling me. Then please don't use the panel for now, and talk to a healthcare professional first. I haven't started anything.${bridge ? ` ${bridge}` : ""} When you've been cleared, just ask me again.`,
  cautionAcknowledged: () => "Thanks. I've noted that none of those apply.",
  cautionAgain: () => `${cautionText()} If any of this applies to you, please talk to a professional before your next session.`,
  askRegion: () => `Which region: ${regionChoice()}?`,
  unknownRegion: (heard?: string) => `${heard ? `I can't use the panel on your ${heard}. ` : ""}I can do ${regionChoice()}. Which one?`,
  /** `range`: the shortest session the bridge starts, and the longest length the skill passes on. */
  badDuration: (range: { minSeconds: number; maxSeconds: number }, heard?: string) =>
    `${heard ? `${heard} isn't a session length I can use. ` : ""}Say a length between ${numberWords(range.minSeconds / 60)} and ${numberWords(range.maxSeconds / 60)} minutes, and the bridge keeps it within the safe limit. For example, start a low back session for ten minutes.`,
  checkingBridge: () => "Checking with your Bio Light bridge.",
  timerLabel: () => "Bio Light",
  timerAnnouncement: (region: RegionId) => `Your ${regionName(region)} session is over. The panel has switched itself off.`,
  /** The Timers permission, answered by voice after a start. */
  timersAccepted: (region: RegionId, seconds: number) =>
    `Thanks. I've set a timer for the end of your ${regionName(region)} session, ${whenPhrase(seconds)}.`,
  timersAcceptedNoSession: () => "Thanks. Your session has already ended; I'll set a timer for the end of the next one.",
  timersAcceptedFailed: () => "Thanks. I couldn't set the timer this time; the panel still switches itself off when the time is up.",
  timersDeclined: () => "Okay, no timer. The panel switches itself off when the time is up.",
  badDistance: (range: { min: number; max: number }) =>
    `I didn't catch a sensible distance. Distances are in centimeters, between ${numberWords(range.min)} and ${numberWords(range.max)}. Or leave it out to use the panel's usual distance.`,
  /** `panelName`: the bridge's name for the panel that runs it (what "Alexa, turn off …" needs); `askingTimers`: the Timers permission is asked for next. */
  started: (p: {
    seconds: number;
    region: RegionId;
    requested?: number;
    reductions: AdjustmentReason[];
    timerSet: boolean;
    panelName?: string;
    askingTimers?: boolean;
  }) => {
    const r = regionName(p.region);
    const why = p.reductions.map((reason) => REDUCTIONS[reason](r, minutesPhrase(p.seconds)));
    const shortened = why.length ? `I shortened it${p.requested ? ` from ${minutesPhrase(p.requested)}` : ""}, because ${list(why)}. ` : "";
    const end = p.timerSet
      ? "I've set a timer for the end."
      : `The panel switches itself off when the time is up.${p.askingTimers ? " With your permission, Alexa can also announce the end with a timer." : ""}`;
    return `Starting your ${r} session for ${minutesPhrase(p.seconds)}. ${shortened}${REGIONS[p.region].positioningTip} ${EYE_PROTECTION} It should feel pleasantly warm at most. ${stopHint("If it feels hot, or to stop early", p.panelName ? [p.panelName] : [])} ${end}`;
  },
  refusals: REFUSALS,
  /** A refusal this skill does not know (a newer bridge): one sentence of our own, not the bridge's English. */
  refusedOther: () => "The bridge turned that down for a reason I don't know. Its dashboard or log says why.",
  unreachable: () =>
    "Sorry, I couldn't reach your Bio Light bridge. Check that the bridge is running, that the skill's bridge address is right, and that your network is up. Nothing was started.",
  /** The bridge's link said it is offline (its retained status), since `ago` when it said so. */
  /** `offlineSeconds`: how long ago the bridge said it went offline (undefined: it did not say). */
  bridgeOffline: (offlineSeconds?: number) =>
    `Your Bio Light bridge is offline${offlineSeconds !== undefined ? ` since ${agoPhrase(offlineSeconds)}` : ""}; nothing was started.`,
  unauthorized: () =>
    "Sorry, the bridge didn't accept my token. The skill's bridge token needs to match the one in the bridge's storage folder.",
  stopped: (seconds: number, region: RegionId) =>
    `Stopped. Your ${regionName(region)} had ${minutesPhrase(seconds)} of light. If it felt hot, give it more distance next time.`,
  stoppedBeforeStart: (region: RegionId) => `Stopped before it began: your ${regionName(region)} session never switched the panel on.`,
  nothingRunning: () => "The panel isn't running a session right now.",
  timeLeft: (seconds: number, region: RegionId) =>
    `Your ${regionName(region)} session has ${minutesPhrase(seconds)} left. The panel switches itself off.`,
  doseRegion: (region: RegionId, used: number, cap: number, nextInSeconds: number | null) => {
    const percent = Math.round((100 * used) / cap);
    const next = nextInSeconds === null ? "not at the panel's current distance" : nextInSeconds <= 60 ? "now" : whenPhrase(nextInSeconds);
    return `Your ${regionName(region)} has had ${percent} percent of its light for the last 24 hours. Your next ${regionName(region)} session is possible ${next}.`;
  },
  doseOverall: (parts: Array<{ region: RegionId; percent: number }>, onMinutes: number, leftMinutes: number) =>
    `In the last 24 hours: ${list(parts.map((p) => `${regionName(p.region)} ${p.percent} percent`))} of the light allowed. The panel has been on for ${onMinutes} minutes, with ${leftMinutes} minutes left.`,
  workoutSuggest: (regions: RegionId[]) =>
    `Nice work. A few minutes of gentle movement, then light on your ${list(regions.map(regionName), "or")} would fit well. Shall I start a ${regionName(regions[0])} session?`,
  workoutRest: (regions: RegionId[], seconds?: number) =>
    `Nice work. Your ${list(regions.map(regionName), "and")} ${regions.length === 1 ? "has" : "have"} had ${regions.length === 1 ? "its" : "their"} light recently and need${regions.length === 1 ? "s" : ""} a rest${seconds === undefined ? "" : `; the next session is possible ${whenPhrase(seconds)}`}. Gentle stretching and water will do for now.`,
  workoutReprompt: (region: RegionId) => `Shall I start a ${regionName(region)} session? Yes or no?`,
  noThanks: () => "Okay. Enjoy your recovery.",
  routineStart: (region: RegionId) =>
    `Let's do your ${regionName(region)} routine. First, a few minutes of gentle movement: ${list(REGIONS[region].movements)}, whatever feels comfortable. Say ready when you're done.`,
  routineRelease: (region: RegionId) =>
    `Good. If it helps you, spend a minute on self-release: ${REGIONS[region].selfRelease}. Say ready when you want the light.`,
  routineReprompt: () => "Say ready when you want to move on, or stop to end the routine.",
  notInRoutine: () => "We're not in a routine right now. You can say, guide me through a low back routine.",
  spasmLogged: (count: number, days: number) =>
    `Noted a spasm. That's ${count} in the last ${days} days. Gentle stretching and staying hydrated help in the moment; the light is for the longer run.`,
  /** A spasm noted without a count (whose log it is was not known). */
  spasmNoted: () => "Noted a spasm. Gentle stretching and staying hydrated help in the moment; the light is for the longer run.",
  tendernessLogged: (score: number, scale: { max: number }) =>
    `Noted knot tenderness of ${score} out of ${numberWords(scale.max)}. Look at the trend over weeks, not single days.`,
  askTenderness: (scale: { min: number; max: number }) =>
    `How tender are your knots, from ${numberWords(scale.min)} for none to ${numberWords(scale.max)} for the worst? Say, for example, tenderness four.`,
  romChanges: ROM_WORDS,
  romLogged: (change: RomChange) => `Noted that your range of motion feels ${ROM_WORDS[change]}.`,
  askRom: () => `Is your range of motion ${list(ROM_CHOICE, "or", true)}? Say, for example, my range of motion is better.`,
  progress: (p: ProgressFigures) => {
    const parts = [
      `This week you had ${p.sessionsThisWeek} session${p.sessionsThisWeek === 1 ? "" : "s"}, against ${p.sessionsBefore} a week on average before`,
    ];
    parts.push(`${p.spasmsThisWeek} logged spasm${p.spasmsThisWeek === 1 ? "" : "s"}, against ${p.spasmsBefore} a week before`);
    if (p.tenderThisWeek !== undefined)
      parts.push(`average knot tenderness ${p.tenderThisWeek}${p.tenderBefore !== undefined ? ` against ${p.tenderBefore} before` : ""}`);
    return `${list(parts)}. ${p.weeksTracked < 3 ? "It's early days: changes usually show over several weeks." : "Keep watching the trend over the weeks."}`;
  },
  progressEmpty: () =>
    "I don't have anything logged yet. After sessions you can say, I had a spasm, tenderness four, or my range of motion is better, and I'll compare the weeks for you.",
  progressReview: (weeks: number) =>
    `After ${numberWords(weeks)} weeks or more, things haven't improved. It would be a good idea to review your plan with a healthcare professional or physical therapist.`,
  redFlag: () =>
    "That needs prompt medical evaluation, so please contact a healthcare professional, or emergency services if it's severe or sudden. Red light isn't right for this, and I won't start a session.",
  redFlagStopped: () => "I've switched the panel off.",
  redFlagPaused: () =>
    "I've also paused the panel for everyone in your household: it won't start again until the safety check has been answered again.",
  redFlagNotPaused: (why: "unreachable" | "unauthorized" | "refused") => {
    const cause =
      why === "unreachable"
        ? "I couldn't reach your Bio Light bridge"
        : why === "unauthorized"
          ? "Your Bio Light bridge didn't accept my token"
          : "Your Bio Light bridge couldn't record it right now";
    return `${cause}, so I couldn't pause the panel for your household. If the panel is on, please switch it off at its plug, and don't use it until you've talked to a professional.`;
  },
  faq: {
    cramp: {
      question: "can it stop a cramp",
      answer: () =>
        "Red light isn't a tool for stopping a cramp in the moment; it works gradually, over weeks. For a sudden cramp, gentle stretching and basic first aid are the better choice, and ask your provider about hydration.",
    },
    massage: {
      question: "do I still need massage or physical therapy",
      answer: () =>
        "Most people do best combining approaches. Massage and physical therapy work on movement, strength and tissue in ways light can't. Use the panel to support comfort and recovery around them, not instead of them.",
    },
    daily: {
      question: "can I use it every day",
      answer: () =>
        "For many healthy adults, a short daily session within the limits is considered reasonable, and the bridge enforces those limits. If you have a medical condition, take medication that makes your skin sensitive to light, or have unusual symptoms, check with a professional first.",
    },
  } satisfies Record<FaqTopic, FaqEntry>,
  /** `questions`: every FAQ entry's question, in the order to offer them. */
  faqUnknown: (questions: readonly string[]) => `I can answer: ${list(questions, "and", true)}. Which one?`,
  /** `panelNames`: the bridge's panels, for "Alexa, turn off …" (none when the bridge could not be asked). */
  help: (panelNames: readonly string[] = []) =>
    `You can say: start a low back session, start neck and shoulders for ten minutes, stop the panel, how long is left, how much have I used today, I just finished a run, guide me through a mid back routine, tenderness four, how am I doing, or read the caution again. Once a session is running, I'm no longer listening: to stop it early${stopHint("", panelNames)} What would you like?`,
  fallback: () => "Sorry, I didn't get that. You can say, start a low back session, or say help to hear more.",
  /** Linking this Alexa account to a household's bridge; `code` is spoken digit by digit (it is SSML, put in after ssmlSafe). */
  household: {
    linkCode: (code: string) =>
      `Your link code is ${code}. Once more: ${code}. On your Bio Light bridge's dashboard, choose Link an Alexa account and type it in, or run biolight-bridge link with the code. It works once, within ten minutes.`,
    notLinked: () =>
      "This Alexa account isn't linked to a Bio Light bridge yet. To link it, say: link my bridge. I'll give you a code to type on your bridge. Nothing was started.",
    unlinked: () => "Done: this Alexa account is no longer linked to your Bio Light bridge. To link it again, say: link my bridge.",
    nothingToUnlink: () => "This Alexa account isn't linked to a Bio Light bridge, so there's nothing to unlink.",
    singleHome: () => "This skill is set up for one home's bridge, so there's nothing to link or unlink: just ask for a session.",
    unavailable: () => "Sorry, I couldn't reach the linking service just now. Please try again in a minute.",
    screenTitle: "Link your bridge",
    screenHint:
      "Type this code on your bridge's dashboard (Link an Alexa account), or run: biolight-bridge link <code>. It works once, for 10 minutes.",
  },
  goodbye: () => "Goodbye.",
  error: () => "Sorry, something went wrong on my side. Please try again, or say stop to switch the panel off.",
  reprompt: () => "What would you like to do?",
  /** People at home (`names`: the bridge's people): a recognised Alexa voice the skill has not met yet, asked once. */
  whoIsThisVoice: (names: readonly string[]) => `I don't know your voice yet. Is this ${list(names, "or")}?`,
  /** A speaker Alexa does not recognise, in a home with several people: asked each time. */
  whoIsItFor: (names: readonly string[]) => `Who is this for: ${list(names, "or")}?`,
  whoReprompt: (names: readonly string[]) => `Please say the name: ${list(names, "or")}.`,
  whoUnknown: (heard: string | undefined, names: readonly string[]) =>
    `${heard ? `${heard} isn't one of the people your Bio Light bridge knows. ` : ""}Is this ${list(names, "or")}?`,
  voiceRemembered: (name: string) => `Thanks, ${name}. I'll know your voice from now on.`,
  /** "Forget my voice", "that's not me": the speaker's voice profile is no longer linked to `name`. */
  voiceForgotten: (name: string) => `Okay, I've forgotten that your voice is ${name}'s. Next time, I'll ask who you are.`,
  /** "I'm not Anna" from a voice linked to someone else (`name`): nothing changes. */
  voiceIsSomeoneElse: (name: string) => `I know your voice as ${name}. If that's wrong, say: forget my voice.`,
  voiceNotLinked: () => "I haven't linked your voice to anyone.",
  voiceNotRecognized: () => "I don't recognize your voice, so I haven't linked it to anyone.",
  /** A progress log while the bridge is away, for a speaker whose person is not known: kept for the account (it goes to the bridge's default person later). */
  loggedForHousehold: () => "I couldn't reach your Bio Light bridge to tell whose log this is, so I've saved it with the household's logs.",
  /** A reply addressed to one of several people at home: "Anna, your low back…". */
  toPerson: (name: string, text: string) => `${name}, ${/^I\b/.test(text) ? text : `${text.charAt(0).toLowerCase()}${text.slice(1)}`}`,
  /** The words on an Echo Show's screen (lambda/screen/). */
  screen: {
    title: "Bio Light",
    running: "Running",
    endsAt: "Planned end",
    left: "left",
    nothingRunning: "Nothing is running.",
    refused: "Not now",
    nextSessionAt: "Next session possible at",
    nextSessionUnknown: "Waiting will not help; ask Bio Light why.",
    last24h: "Light in the last 24 hours",
    unit: "J/cm²",
    noDose: "The bridge did not answer: the light used is not shown.",
    regions: Object.fromEntries(REGION_IDS.map((id) => [id, REGIONS[id].displayName])) as Record<RegionId, string>,
  },
};

export type Speech = typeof enUS;
