/**
 * Everything the skill says, in German (de-DE), with the same keys as en-US (the compiler checks).
 * Wellness language only; the caution is never skipped. Numbers and lengths are said in words.
 */
import type { AdjustmentReason, RefusalCode } from "../../../matter-bridge/contract/api.js";
import { cautionText } from "../../../matter-bridge/contract/caution.js";
import { REGION_IDS, type RegionId } from "../../../matter-bridge/contract/regions.js";
import { numberWordsIn } from "../spoken-numbers/de-fr-es-it.js";
import type { RomChange } from "../vocabulary.js";
import type { RefusalContext, Speech, SpokenRedFlag } from "./en-US.js";
import { capitalised, counted, listIn, minutesShape, whenShape } from "./words.js";

/**
 * `name`: the region as a slot value and in lists (nominative); `forName`: after "für" (accusative,
 * with the article where German needs one: "für den mittleren Rücken", not "für mittlerer Rücken").
 */
const REGION: Record<RegionId, { name: string; forName: string; display: string; tip: string; movements: string[]; release: string }> = {
  "neck-shoulders": {
    name: "Nacken und Schultern",
    forName: "Nacken und Schultern",
    display: "Nacken & Schultern",
    tip: "Setz oder stell dich mit dem Rücken zum Panel, sodass das Licht den Schädelansatz, den Nacken und den oberen Rücken erreicht.",
    movements: ["langsames Kopfdrehen", "Schulterkreisen", "sanftes Kinn-Einziehen"],
    release: "ein weicher Ball zwischen Wand und Schulteroberseite, mit angenehmem Druck",
  },
  "mid-back": {
    name: "mittlerer Rücken",
    forName: "den mittleren Rücken",
    display: "Mittlerer Rücken",
    tip: "Setz dich so, dass das Panel im empfohlenen Abstand hinter dir steht und das Licht deine Schulterblätter und die Mitte der Wirbelsäule erreicht.",
    movements: ["Katze-Kuh", "Schulterkreisen", "sanfte Drehungen im Sitzen"],
    release: "eine Faszienrolle entlang des oberen und mittleren Rückens, mit angenehmem Druck",
  },
  "low-back-hips": {
    name: "unterer Rücken und Hüften",
    forName: "den unteren Rücken und die Hüften",
    display: "Unterer Rücken & Hüften",
    tip: "Stell oder leg dich so, dass das Panel deinen unteren Rücken und das Gesäß beleuchtet; dreh dich an manchen Tagen etwas, um andere Winkel zu erreichen.",
    movements: ["Katze-Kuh", "Hüftöffner", "sanftes Knie-zur-Brust-Dehnen"],
    release: "ein weicher Ball oder eine Faszienrolle am Gesäß, mit angenehmem Druck",
  },
};
const name = (id: RegionId) => REGION[id].name;
/** "für Nacken und Schultern", "für den mittleren Rücken". */
const forName = (id: RegionId) => `für ${REGION[id].forName}`;
const regionChoice = () => listIn(REGION_IDS.map(name), "oder");
const n = (x: number) => numberWordsIn("de", x);
/** A weekly average such as 2.5, as German says it: "zwei Komma fünf" (TTS would read "2.5" as a date). */
const decimal = (x: number) => (Number.isInteger(x) ? n(x) : `${n(Math.trunc(x))} Komma ${n(Math.round(x * 10) % 10)}`);

export function minutesPhrase(seconds: number): string {
  const s = minutesShape(seconds);
  if (s.kind === "seconds") return counted("de", s.n, "Sekunde", "Sekunden", "f");
  if (s.kind === "minutes") return counted("de", s.n, "Minute", "Minuten", "f");
  return `etwa ${s.whole === 1 ? "eineinhalb" : `${n(s.whole)}einhalb`} Minuten`;
}

export function whenPhrase(seconds: number): string {
  const w = whenShape(seconds);
  if (w.unit === "minute") return "in einer Minute";
  if (w.unit === "minutes") return `in etwa ${n(w.n)} Minuten`;
  if (w.unit === "hours") return w.n === 1 ? "in etwa einer Stunde" : `in etwa ${n(w.n)} Stunden`;
  return w.n === 1 ? "in etwa einem Tag" : `in etwa ${n(w.n)} Tagen`;
}

const EYES = "Schau nicht ins Panel; schließ die Augen oder trag den mitgelieferten Augenschutz, solange es an ist.";
const RED_FLAGS = [
  "Krämpfe, die heftig oder plötzlich sind oder das Gesicht, die Zunge oder das Schlucken betreffen",
  "deutliche Schwäche, Taubheitsgefühle oder jeglicher Verlust der Kontrolle über Blase oder Darm",
  "Fieber, Gewichtsverlust, den du dir nicht erklären kannst, oder eine schwere Vorerkrankung zusammen mit neuen Schmerzen",
  "Medikamente oder eine Erkrankung, die deine Haut lichtempfindlich machen",
];
const CAUTION = [
  "Vor deiner ersten Sitzung ein Sicherheitscheck.",
  `Sprich zuerst mit einer medizinischen Fachperson, wenn einer dieser Punkte auf dich zutrifft: ${RED_FLAGS.join("; ")}.`,
  EYES,
  "Das Licht sollte sich höchstens angenehm warm anfühlen, nie heiß.",
  "Bio Licht unterstützt das Wohlbefinden der Muskeln und die Erholung als Teil einer umfassenderen Routine. Es ist keine medizinische Beratung und ersetzt keine Fachperson.",
].join(" ");
/** The bridge's caution in its own (English) words when it is not the text this catalogue translates. */
const cautionOf = (text?: string) =>
  text === undefined || text === cautionText()
    ? CAUTION
    : `Deine Bridge hat einen neueren Sicherheitscheck, den ich nur auf Englisch habe: ${text}`;

const REDUCTIONS: Record<AdjustmentReason, (r: string, min: string) => string> = {
  SESSION_MAX_SECONDS: (_r, min) => `eine einzelne Sitzung höchstens ${min} dauert`,
  SESSION_MAX_FLUENCE: () => "eine Sitzung bei diesem Abstand nicht mehr Licht erlaubt",
  REGION_FLUENCE_24H: (r) => `${r} vom Licht der letzten 24 Stunden nur noch so viel übrig ist`,
  DAILY_ON_TIME: () => "von der Einschaltzeit des Panels in den letzten 24 Stunden nur noch so viel übrig ist",
};

const forRegion = (r: RefusalContext) => (r.region ? forName(r.region) : "für diesen Bereich");
const nextPossible = (r: RefusalContext) =>
  r.retryAfterSeconds ? ` Die nächste Sitzung ist ${whenPhrase(r.retryAfterSeconds)} möglich.` : "";

const REFUSALS: Record<RefusalCode, (r: RefusalContext) => string> = {
  CAUTION_REQUIRED: () => "Die Bridge braucht zuerst eine Antwort auf den Sicherheitscheck für deinen Haushalt.",
  REST_INTERVAL: (r) =>
    `${capitalised(forRegion(r))} gab es vor Kurzem eine Sitzung, und zwischen zwei Sitzungen braucht es eine Pause.${nextPossible(r)}`,
  REGION_LIMIT: (r) =>
    `${capitalised(forRegion(r))} ist das Licht der letzten 24 Stunden schon aufgebraucht. Mehr ist hier nicht besser.${nextPossible(r)}`,
  DAILY_ON_TIME: (r) => `Das Panel hat seine maximale Einschaltzeit für die letzten 24 Stunden erreicht.${nextPossible(r)}`,
  WEEKLY_LIMIT: (r) => `${capitalised(forRegion(r))} gab es schon so viele Sitzungen, wie in einer Woche erlaubt sind.${nextPossible(r)}`,
  TOO_CLOSE: () => "Bei diesem Abstand wäre das Licht zu stark. Geh etwas weiter vom Panel weg und frag noch einmal.",
  TOO_SHORT: (r) => `Das wäre zu kurz, um sich zu lohnen. Sitzungen dauern mindestens ${minutesPhrase(r.minSessionSeconds)}.`,
  PANEL_BUSY: (r) =>
    `Auf dem Panel läuft schon eine Sitzung.${r.retryAfterSeconds ? ` Sie endet ${whenPhrase(r.retryAfterSeconds)}.` : ""}`,
  PANEL_UNREACHABLE: () =>
    "Die Bridge erreicht das Panel nicht. Prüfe, ob der Stecker oder das Relais des Panels Strom hat und im Netzwerk ist, und versuch es dann noch einmal.",
  LEDGER_UNAVAILABLE: () =>
    "Die Bridge kann ihre Dosisaufzeichnungen gerade nicht lesen oder schreiben, deshalb startet sie keine Sitzung. Vielleicht ist ihr Speicher voll; sieh im Protokoll der Bridge nach.",
  UNKNOWN_PANEL: () =>
    "Die Bridge kennt das Panel, nach dem ich gefragt habe, nicht mehr; vielleicht haben sich ihre Panels geändert. Bitte versuch es noch einmal.",
  STOPPED: () => "Das Panel wurde gestoppt, bevor die Sitzung begann, also läuft nichts. Frag einfach wieder, wenn du so weit bist.",
  UNKNOWN_PERSON: () =>
    "Die Bridge kennt die Person, nach der ich gefragt habe, nicht mehr; vielleicht wurden ihre Personen geändert. Bitte versuch es noch einmal.",
  CLOCK_UNTRUSTED: () =>
    "Die Uhr der Bridge geht nach, deshalb weiß sie nicht sicher, wie lange deine letzten Sitzungen her sind, und startet keine. Sobald ihre Uhr stimmt, startet sie wieder Sitzungen; prüf die Zeitsynchronisierung der Bridge.",
};

/** The skill's own withdrawal reasons (lambda/flows/caution.ts WITHDRAW_REASONS), in German; any other reason is the household's own words, said as written. */
const REASONS: Record<string, string> = {
  "a red-flag symptom was reported to the Alexa skill": "Dem Alexa-Skill wurde ein Warnsymptom gemeldet",
  "someone answered yes to the caution in the Alexa skill": "Jemand hat den Sicherheitscheck im Alexa-Skill mit Ja beantwortet",
};
const forWhom = (who: string | null) => (who === null ? "für alle" : who === "you" ? "für dich" : `für ${who}`);

/** The open red flags, newest first, one sentence each: for whom, and what was reported (as en-US says them). */
const redFlagsSaid = (flags: readonly SpokenRedFlag[]): string => {
  const one = (f: SpokenRedFlag) => {
    const reason = f.reason?.replace(/[.!?]+$/, "");
    return `${forWhom(f.who)}${reason ? `: ${REASONS[reason] ?? reason}` : ""}.`;
  };
  if (flags.length === 1) return `Es ist noch offen und gilt ${one(flags[0])}`;
  return `Es sind noch ${n(flags.length)} Warnsignale offen, das neueste zuerst. ${flags.map((f, i) => (i === 0 ? capitalised(one(f)) : `Dann ${one(f)}`)).join(" ")}`;
};

const ROM_WORDS: Record<RomChange, string> = { better: "besser", same: "gleich", worse: "schlechter" };
/** "Deine Beweglichkeit fühlt sich gleich an" is not German: each change as a sentence of its own. */
const ROM_LOGGED: Record<RomChange, string> = {
  better: "Deine Beweglichkeit ist besser geworden",
  same: "Deine Beweglichkeit ist unverändert",
  worse: "Deine Beweglichkeit ist schlechter geworden",
};

const WELCOME_OPTIONS =
  "Du kannst zum Beispiel sagen: starte eine Sitzung für den unteren Rücken, führe mich durch die Routine für den Nacken, oder wie viel Licht hatte ich heute. Was möchtest du?";

const stopHint = (when: string, panelNames: readonly string[]) =>
  `${when}, sag: Alexa, sage Bio Licht: Panel aus${panelNames.length ? `, oder: Alexa, schalte ${listIn(panelNames, "oder")} aus` : ""}.`;

export const deDE: Speech = {
  regionNames: Object.fromEntries(REGION_IDS.map((id) => [id, name(id)])) as Record<RegionId, string>,
  welcome: () => `Willkommen bei Bio Licht. ${WELCOME_OPTIONS}`,
  welcomeCaution: (changed) =>
    changed
      ? "Willkommen zurück bei Bio Licht. Der Sicherheitscheck hat sich geändert, seit du ihn zuletzt gehört hast, deshalb kommt er hier noch einmal."
      : "Willkommen bei Bio Licht.",
  welcomeOptions: () => WELCOME_OPTIONS,
  welcomeReprompt: () => `Welchen Bereich möchtest du: ${regionChoice()}?`,
  caution: (text) => `${cautionOf(text)} Trifft etwas davon auf dich zu?`,
  cautionWithdrawn: (flags = []) =>
    `Jemand in deinem Haushalt hat ein Warnsignal gemeldet, deshalb hat deine Bio Licht Bridge alle Sitzungen pausiert.${flags.length ? ` ${redFlagsSaid(flags)}` : ""} Vor der nächsten Sitzung kommt hier noch einmal der Sicherheitscheck.`,
  cautionChanged: () => "Der Sicherheitscheck hat sich geändert, seit du ihn zuletzt gehört hast, deshalb kommt er hier noch einmal.",
  cautionFirst: () =>
    "Das mache ich, sobald du den Sicherheitscheck beantwortet hast, den ich gerade vorgelesen habe. Trifft etwas davon auf dich zu?",
  cautionReprompt: () => "Bitte antworte mit ja, wenn etwas davon auf dich zutrifft, oder mit nein, wenn nichts davon zutrifft.",
  cautionApplies: (bridge) =>
    `Danke, dass du es mir gesagt hast. Dann benutze das Panel bitte vorerst nicht und sprich zuerst mit einer medizinischen Fachperson. Ich habe nichts gestartet.${bridge ? ` ${bridge}` : ""} Wenn du grünes Licht bekommen hast, frag mich einfach wieder.`,
  cautionAcknowledged: () => "Danke. Ich habe notiert, dass nichts davon zutrifft.",
  cautionAgain: () => `${CAUTION} Wenn etwas davon auf dich zutrifft, sprich bitte vor deiner nächsten Sitzung mit einer Fachperson.`,
  askRegion: () => `Welcher Bereich soll es sein: ${regionChoice()}?`,
  unknownRegion: (heard) =>
    `${heard ? `${capitalised(heard)}: Dafür kann ich das Panel nicht verwenden. ` : ""}Möglich sind ${regionChoice()}. Welcher Bereich soll es sein?`,
  badDuration: (range, heard) =>
    `${heard ? `${heard} ist keine Sitzungslänge, die ich verwenden kann. ` : ""}Sag eine Länge zwischen ${n(range.minSeconds / 60)} und ${n(range.maxSeconds / 60)} Minuten, und die Bridge sorgt dafür, dass sie im sicheren Rahmen bleibt. Zum Beispiel: starte eine Sitzung für den unteren Rücken für zehn Minuten.`,
  checkingBridge: () => "Ich frage bei deiner Bio Licht Bridge nach.",
  timerLabel: () => "Bio Licht",
  timerAnnouncement: (region) => `Deine Sitzung ${forName(region)} ist vorbei. Das Panel hat sich selbst ausgeschaltet.`,
  timersAccepted: (region, seconds) =>
    `Danke. Ich habe einen Timer für das Ende deiner Sitzung ${forName(region)} gestellt, ${whenPhrase(seconds)}.`,
  timersAcceptedNoSession: () => "Danke. Deine Sitzung ist schon vorbei; ich stelle einen Timer für das Ende der nächsten.",
  timersAcceptedFailed: () =>
    "Danke. Ich konnte den Timer diesmal nicht stellen; das Panel schaltet sich trotzdem selbst aus, wenn die Zeit um ist.",
  timersDeclined: () => "Okay, kein Timer. Das Panel schaltet sich selbst aus, wenn die Zeit um ist.",
  badDistance: (range) =>
    `Ich habe keinen sinnvollen Abstand verstanden. Abstände gibst du in Zentimetern an, zwischen ${n(range.min)} und ${n(range.max)}. Oder lass ihn weg, dann gilt der übliche Abstand des Panels.`,
  started: (p) => {
    const r = forName(p.region);
    const why = p.reductions.map((reason) => REDUCTIONS[reason](r, minutesPhrase(p.seconds)));
    const shortened = why.length
      ? `Ich habe sie${p.requested ? ` von ${minutesPhrase(p.requested)}` : ""} gekürzt, weil ${listIn(why, "und")}. `
      : "";
    const end = p.timerSet
      ? "Ich habe einen Timer für das Ende gestellt."
      : `Das Panel schaltet sich selbst aus, wenn die Zeit um ist.${p.askingTimers ? " Mit deiner Erlaubnis kann Alexa das Ende auch mit einem Timer ankündigen." : ""}`;
    return `Ich starte deine Sitzung ${r}, ${minutesPhrase(p.seconds)} lang. ${shortened}${REGION[p.region].tip} ${EYES} Es sollte sich höchstens angenehm warm anfühlen. ${stopHint("Wenn es heiß wird oder du früher aufhören willst", p.panelName ? [p.panelName] : [])} ${end}`;
  },
  refusals: REFUSALS,
  refusedOther: () => "Die Bridge hat das aus einem Grund abgelehnt, den ich nicht kenne. Warum, steht in ihrem Dashboard oder Protokoll.",
  bridgeOffline: (offlineSeconds?: number) =>
    `Deine Bio Licht Bridge ist ${offlineSeconds !== undefined ? `${whenPhrase(offlineSeconds).replace(/^in /, "seit ")} ` : ""}offline. Es wurde nichts gestartet.`,
  unreachable: () =>
    "Entschuldige, ich konnte deine Bio Licht Bridge nicht erreichen. Prüfe, ob die Bridge läuft, ob die Bridge-Adresse des Skills stimmt und ob dein Netzwerk funktioniert. Es wurde nichts gestartet.",
  unauthorized: () =>
    "Entschuldige, die Bridge hat mein Token nicht akzeptiert. Das Bridge-Token des Skills muss zu dem im Speicherordner der Bridge passen.",
  stopped: (seconds, region) =>
    `Gestoppt. ${capitalised(forName(region))} gab es ${minutesPhrase(seconds)} Licht. Wenn es heiß war, nimm beim nächsten Mal mehr Abstand.`,
  stoppedBeforeStart: (region) => `Gestoppt, bevor es losging: Die Sitzung ${forName(region)} hat das Panel gar nicht erst eingeschaltet.`,
  nothingRunning: () => "Auf dem Panel läuft gerade keine Sitzung.",
  timeLeft: (seconds, region) =>
    `Deine Sitzung ${forName(region)} läuft noch ${minutesPhrase(seconds)}. Das Panel schaltet sich danach selbst aus.`,
  doseRegion: (region, used, cap, nextInSeconds) => {
    const percent = Math.round((100 * used) / cap);
    const next =
      nextInSeconds === null
        ? "beim aktuellen Abstand des Panels nicht möglich"
        : nextInSeconds <= 60
          ? "jetzt möglich"
          : `${whenPhrase(nextInSeconds)} möglich`;
    return `${capitalised(forName(region))} sind ${n(percent)} Prozent des Lichts der letzten 24 Stunden verbraucht. Die nächste Sitzung dafür ist ${next}.`;
  },
  doseOverall: (parts, onMinutes, leftMinutes) =>
    `In den letzten 24 Stunden: ${listIn(
      parts.map((p) => `${name(p.region)} ${n(p.percent)} Prozent`),
      "und",
    )} des erlaubten Lichts. Das Panel war ${counted("de", onMinutes, "Minute", "Minuten", "f")} eingeschaltet; ${leftMinutes === 1 ? "übrig ist noch eine Minute" : `übrig sind noch ${n(leftMinutes)} Minuten`}.`,
  workoutSuggest: (regions) =>
    `Gut gemacht. Jetzt würden ein paar Minuten sanfte Bewegung und danach Licht für ${listIn(
      regions.map((id) => REGION[id].forName),
      "oder",
    )} gut passen. Soll ich eine Sitzung ${forName(regions[0])} starten?`,
  workoutRest: (regions, seconds) =>
    `Gut gemacht. Für ${listIn(
      regions.map((id) => REGION[id].forName),
      "und",
    )} gab es gerade erst Licht, jetzt ist eine Pause dran${seconds === undefined ? "" : `; die nächste Sitzung ist ${whenPhrase(seconds)} möglich`}. Für den Moment reichen sanftes Dehnen und ein Glas Wasser.`,
  workoutReprompt: (region) => `Soll ich eine Sitzung ${forName(region)} starten? Ja oder nein?`,
  noThanks: () => "Okay. Gute Erholung.",
  routineStart: (region) =>
    `Machen wir deine Routine ${forName(region)}. Zuerst ein paar Minuten sanfte Bewegung: ${listIn(REGION[region].movements, "und")}, so wie es sich angenehm anfühlt. Sag fertig, wenn du so weit bist.`,
  routineRelease: (region) =>
    `Gut. Wenn es dir hilft, nimm dir eine Minute für die Selbstmassage: ${REGION[region].release}. Sag fertig, wenn du bereit für das Licht bist.`,
  routineReprompt: () => "Sag fertig, wenn du weitermachen willst, oder stopp, um die Routine zu beenden.",
  notInRoutine: () => "Wir sind gerade in keiner Routine. Du kannst sagen: führe mich durch die Routine für den unteren Rücken.",
  spasmLogged: (count, days) =>
    `Krampf notiert. ${count === 1 ? "Das ist der erste" : `Das sind ${n(count)}`} in den letzten ${n(days)} Tagen. Im Moment helfen sanftes Dehnen und genug trinken; das Licht ist für die längere Sicht gedacht.`,
  spasmNoted: () => "Krampf notiert. Im Moment helfen sanftes Dehnen und genug trinken; das Licht ist für die längere Sicht gedacht.",
  tendernessLogged: (score, scale) =>
    `Druckempfindlichkeit der Knoten notiert: ${decimal(score)} von ${n(scale.max)}. Achte auf den Verlauf über Wochen, nicht auf einzelne Tage.`,
  askTenderness: (scale) =>
    `Wie druckempfindlich sind deine Knoten, von ${n(scale.min)} für gar nicht bis ${n(scale.max)} für sehr stark? Sag zum Beispiel: Empfindlichkeit vier.`,
  romChanges: ROM_WORDS,
  romLogged: (change) => `Notiert: ${ROM_LOGGED[change]}.`,
  askRom: () => `Ist deine Beweglichkeit ${listIn(Object.values(ROM_WORDS), "oder")}? Sag zum Beispiel: meine Beweglichkeit ist besser.`,
  progress: (p) => {
    const parts = [
      `Diese Woche hattest du ${p.sessionsThisWeek === 1 ? "eine Sitzung" : `${n(p.sessionsThisWeek)} Sitzungen`}, gegenüber ${decimal(p.sessionsBefore)} pro Woche im Schnitt davor`,
      `${p.spasmsThisWeek === 1 ? "einen notierten Krampf" : `${n(p.spasmsThisWeek)} notierte Krämpfe`}, gegenüber ${decimal(p.spasmsBefore)} pro Woche davor`,
    ];
    if (p.tenderThisWeek !== undefined)
      parts.push(
        `eine durchschnittliche Knotenempfindlichkeit von ${decimal(p.tenderThisWeek)}${p.tenderBefore !== undefined ? ` gegenüber ${decimal(p.tenderBefore)} davor` : ""}`,
      );
    return `${listIn(parts, "und")}. ${p.weeksTracked < 3 ? "Es ist noch früh: Veränderungen zeigen sich meist über mehrere Wochen." : "Behalte den Verlauf über die Wochen im Blick."}`;
  },
  progressEmpty: () =>
    "Ich habe noch nichts notiert. Nach Sitzungen kannst du sagen: ich hatte einen Krampf, Empfindlichkeit vier, oder meine Beweglichkeit ist besser, und ich vergleiche die Wochen für dich.",
  progressReview: (weeks) =>
    `Nach ${n(weeks)} Wochen oder mehr ist es nicht besser geworden. Es wäre gut, deinen Plan mit einer medizinischen Fachperson oder in der Physiotherapie zu besprechen.`,
  redFlag: () =>
    "Das sollte zeitnah ärztlich abgeklärt werden, also wende dich bitte an eine medizinische Fachperson, oder ruf den Notruf, wenn es heftig oder plötzlich auftritt. Rotlicht ist dafür nicht das Richtige, und ich starte keine Sitzung.",
  redFlagStopped: () => "Ich habe das Panel ausgeschaltet.",
  redFlagPaused: () =>
    "Ich habe das Panel außerdem für alle in deinem Haushalt pausiert: Es startet erst wieder, wenn der Sicherheitscheck erneut beantwortet wurde.",
  redFlagNotPaused: (why) => {
    const cause =
      why === "unreachable"
        ? "Ich konnte deine Bio Licht Bridge nicht erreichen"
        : why === "unauthorized"
          ? "Deine Bio Licht Bridge hat mein Token nicht akzeptiert"
          : "Deine Bio Licht Bridge konnte es gerade nicht speichern";
    return `${cause}, deshalb konnte ich das Panel nicht für deinen Haushalt pausieren. Wenn das Panel an ist, schalte es bitte am Stecker aus, und benutze es nicht, bevor du mit einer Fachperson gesprochen hast.`;
  },
  faq: {
    cramp: {
      question: "kann es einen Krampf stoppen",
      answer: () =>
        "Rotlicht ist kein Mittel, um einen Krampf im Moment zu stoppen; es wirkt allmählich, über Wochen. Bei einem plötzlichen Krampf sind sanftes Dehnen und einfache Erste-Hilfe-Maßnahmen die bessere Wahl, und frag deine Ärztin oder deinen Arzt, wie viel du trinken solltest.",
    },
    massage: {
      question: "brauche ich noch Massage oder Physiotherapie",
      answer: () =>
        "Den meisten hilft eine Kombination verschiedener Ansätze am besten. Massage und Physiotherapie wirken auf Bewegung, Kraft und Gewebe, wie Licht es nicht kann. Nutze das Panel ergänzend, für Wohlbefinden und Erholung, nicht als Ersatz dafür.",
    },
    daily: {
      question: "kann ich es jeden Tag benutzen",
      answer: () =>
        "Für viele gesunde Erwachsene gilt eine kurze tägliche Sitzung innerhalb der Grenzen als vernünftig, und die Bridge sorgt dafür, dass sie eingehalten werden. Wenn du eine Erkrankung hast, Medikamente nimmst, die deine Haut lichtempfindlich machen, oder ungewöhnliche Beschwerden hast, sprich vorher mit einer Fachperson.",
    },
  },
  faqUnknown: (questions) => `Ich kann diese Fragen beantworten: ${listIn(questions, "und")}. Welche möchtest du hören?`,
  help: (panelNames = []) =>
    `Du kannst sagen: starte eine Sitzung für den unteren Rücken, starte Nacken und Schultern für zehn Minuten, Panel aus, wie lange noch, wie viel Licht hatte ich heute, ich war gerade laufen, führe mich durch die Routine für den mittleren Rücken, Empfindlichkeit vier, wie geht es voran, oder lies mir die Warnhinweise noch einmal vor. Sobald eine Sitzung läuft, höre ich nicht mehr zu: um sie früher zu stoppen${stopHint("", panelNames)} Was möchtest du?`,
  fallback: () =>
    "Entschuldige, das habe ich nicht verstanden. Du kannst sagen: starte eine Sitzung für den unteren Rücken, oder Hilfe, um mehr zu hören.",
  household: {
    linkCode: (code: string) =>
      `Dein Verbindungscode ist ${code}. Noch einmal: ${code}. Wähle im Dashboard deiner Bio Light Bridge „Alexa-Konto verbinden“ und gib ihn ein, oder führe biolight-bridge link mit dem Code aus. Er gilt einmal, zehn Minuten lang.`,
    notLinked: () =>
      "Dieses Alexa-Konto ist noch mit keiner Bio Light Bridge verbunden. Sag dazu: verbinde meine Bridge. Ich gebe dir einen Code, den du an deiner Bridge eingibst. Es wurde nichts gestartet.",
    unlinked: () =>
      "Erledigt: Dieses Alexa-Konto ist nicht mehr mit deiner Bio Light Bridge verbunden. Zum erneuten Verbinden sag: verbinde meine Bridge.",
    nothingToUnlink: () => "Dieses Alexa-Konto ist mit keiner Bio Light Bridge verbunden; es gibt nichts zu trennen.",
    singleHome: () =>
      "Dieser Skill ist für die Bridge eines einzigen Zuhauses eingerichtet; es gibt nichts zu verbinden oder zu trennen. Frag einfach nach einer Sitzung.",
    unavailable: () => "Entschuldige, der Verbindungsdienst ist gerade nicht erreichbar. Bitte versuch es in einer Minute noch einmal.",
    screenTitle: "Bridge verbinden",
    screenHint:
      "Gib diesen Code im Dashboard deiner Bridge ein (Alexa-Konto verbinden) oder führe aus: biolight-bridge link <Code>. Er gilt einmal, 10 Minuten lang.",
  },
  goodbye: () => "Tschüss.",
  error: () => "Entschuldige, bei mir ist etwas schiefgegangen. Bitte versuch es noch einmal, oder sag stopp, um das Panel auszuschalten.",
  reprompt: () => "Was möchtest du tun?",
  whoIsThisVoice: (names) => `Ich kenne deine Stimme noch nicht. Bist du ${listIn(names, "oder")}? Sag zum Beispiel: ich bin ${names[0]}.`,
  whoIsItFor: (names) => `Für wen ist das: ${listIn(names, "oder")}? Sag zum Beispiel: für ${names[0]}.`,
  whoReprompt: (names) => `Bitte sag den Namen, zum Beispiel: ich bin ${listIn(names, "oder ich bin")}.`,
  whoUnknown: (heard, names) =>
    `${heard ? `${heard} gehört nicht zu den Personen, die deine Bio Licht Bridge kennt. ` : ""}Bist du ${listIn(names, "oder")}?`,
  voiceRemembered: (who) => `Danke, ${who}. Ab jetzt erkenne ich deine Stimme.`,
  voiceForgotten: (who) => `Okay, ich habe vergessen, dass deine Stimme zu ${who} gehört. Beim nächsten Mal frage ich, wer du bist.`,
  voiceIsSomeoneElse: (who) => `Ich kenne deine Stimme als die von ${who}. Wenn das falsch ist, sag: vergiss meine Stimme.`,
  voiceNotLinked: () => "Ich habe deine Stimme mit niemandem verknüpft.",
  voiceNotRecognized: () => "Ich erkenne deine Stimme nicht, deshalb habe ich sie mit niemandem verknüpft.",
  loggedForHousehold: () =>
    "Ich konnte deine Bio Licht Bridge nicht erreichen, um zu erfahren, wessen Eintrag das ist, deshalb habe ich ihn bei den Einträgen des Haushalts gespeichert.",
  /** Spoken: a capital after the comma is not heard, and German nouns keep theirs. */
  toPerson: (who, text) => `${who}, ${text}`,
  screen: {
    title: "Bio Licht",
    running: "Läuft",
    endsAt: "Geplantes Ende",
    left: "übrig",
    nothingRunning: "Es läuft nichts.",
    refused: "Jetzt nicht",
    nextSessionAt: "Nächste Sitzung möglich um",
    nextSessionUnknown: "Warten hilft nicht; frag Bio Licht, warum.",
    last24h: "Licht in den letzten 24 Stunden",
    unit: "J/cm²",
    noDose: "Die Bridge hat nicht geantwortet: Das verbrauchte Licht wird nicht angezeigt.",
    regions: Object.fromEntries(REGION_IDS.map((id) => [id, REGION[id].display])) as Record<RegionId, string>,
  },
};
