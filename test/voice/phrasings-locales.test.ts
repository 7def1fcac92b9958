/**
 * Everyday phrasings per locale, run through each locale's real interaction model with
 * virtual-alexa's matcher (see phrasings.test.ts for what that matcher can and cannot do: it is a
 * strict pattern matcher, not Alexa's NLU). Written blind (issue 23): after the models' samples
 * were committed (977a42e), from how a native speaker says it, without reading the sample lists
 * back. They are not tuned to the samples; the samples were widened after seeing the misses (see
 * the first scores above). What speech recognition does is emulated: hyphens become spaces, and outside
 * English a number word becomes digits ("sechs" → "6"), as Alexa sends numbers; virtual-alexa's
 * AMAZON.NUMBER knows only digits and English words.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "@jest/globals";
import { numberWordsIn } from "../../lambda/language/spoken-numbers/de-fr-es-it.js";
import type { RegionId } from "../../matter-bridge/contract/index.js";
import { modelFile } from "../helpers/voice.js";

const require = createRequire(import.meta.url);
const { InteractionModel } = require("virtual-alexa/lib/src/model/InteractionModel.js");
const { Utterance } = createRequire(require.resolve("virtual-alexa"))("virtual-core");

type Expected = [utterance: string, intent: string, region?: RegionId];

/**
 * The scores when first run against the committed samples, before any change: de-DE 10/24, fr-FR
 * 13/23, es-ES 15/23, it-IT 16/23, English 19/32. Then one round of widening the samples with
 * general carriers for the misses (not the sentences), and two fixes of this harness (number words
 * and hyphens as speech recognition sends them; numbers read in the locale's language only), and
 * leading {duration} samples dropped (virtual-alexa lets a built-in slot swallow any words).
 */
const NECK: RegionId = "neck-shoulders";
const MID: RegionId = "mid-back";
const LOW: RegionId = "low-back-hips";

const START = "StartSessionIntent";
const STOP = "StopSessionIntent";
const LEFT = "TimeLeftIntent";
const DOSE = "DoseStatusIntent";
const WORKOUT = "WorkoutDoneIntent";

/** Plain British, Australian and American phrasings: starting, stopping, back from the gym, and more. */
const ENGLISH: Array<[locale: string, ...Expected]> = [
  ["en-GB", "put the light on my neck", START, NECK],
  ["en-GB", "can you pop the panel on for my lower back", START, LOW],
  ["en-GB", "I fancy a session on my shoulders", START, NECK],
  ["en-GB", "switch the light on for my upper back", START, MID],
  ["en-GB", "do my bum please", START, LOW],
  ["en-GB", "start the hips for ten minutes", START, LOW],
  ["en-GB", "switch it off", STOP],
  ["en-GB", "turn the light off please", STOP],
  ["en-GB", "that's enough now", STOP],
  ["en-GB", "stop it now", STOP],
  ["en-GB", "it's far too hot", STOP],
  ["en-GB", "I'm back from the gym", WORKOUT],
  ["en-GB", "just back from a run", WORKOUT],
  ["en-GB", "I've been to the gym this morning", WORKOUT],
  ["en-GB", "been for a swim", WORKOUT],
  ["en-GB", "how long's left", LEFT],
  ["en-GB", "how much longer on the panel", LEFT],
  ["en-GB", "when can my lower back have another go", DOSE, LOW],
  ["en-AU", "chuck the light on my lower back", START, LOW],
  ["en-AU", "can I get a session on my neck", START, NECK],
  ["en-AU", "turn the panel off", STOP],
  ["en-AU", "I've just finished footy", WORKOUT],
  ["en-AU", "I just got home from the gym", WORKOUT],
  ["en-AU", "how much time's left", LEFT],
  ["en-US", "start a session on my lower back", START, LOW],
  ["en-US", "light up my traps", START, NECK],
  ["en-US", "shut the panel off", STOP],
  ["en-US", "I just got back from the gym", WORKOUT],
  ["en-US", "how many minutes are left", LEFT],
  ["en-US", "how much light has my mid back gotten today", DOSE, MID],
  ["en-US", "I'm done with my workout", WORKOUT],
  ["en-US", "I had a cramp in my leg", "LogSpasmIntent"],
];

const BY_LOCALE: Record<string, Expected[]> = {
  "de-DE": [
    ["starte eine Sitzung für meinen Nacken", START, NECK],
    ["mach mal Rotlicht auf den unteren Rücken", START, LOW],
    ["ich möchte meine Schultern bestrahlen", START, NECK],
    ["kannst du den oberen Rücken behandeln", START, MID],
    ["schalte das Licht für die Hüften ein", START, LOW],
    ["zehn Minuten Nacken bitte", START, NECK],
    ["Rotlicht zwischen die Schulterblätter", START, MID],
    ["mach das Licht aus", STOP],
    ["stopp die Sitzung", STOP],
    ["es wird zu heiß", STOP],
    ["wie lange dauert es noch", LEFT],
    ["wie viele Minuten sind noch übrig", LEFT],
    ["wann darf ich den Nacken wieder machen", DOSE, NECK],
    ["wie viel Licht hat mein unterer Rücken heute bekommen", DOSE, LOW],
    ["ich komme gerade vom Joggen", WORKOUT],
    ["ich war heute im Fitnessstudio", WORKOUT],
    ["ich habe Fieber", "RedFlagIntent"],
    ["ich habe ein Taubheitsgefühl im Bein", "RedFlagIntent"],
    ["lies mir die Sicherheitshinweise vor", "CautionIntent"],
    ["wie komme ich voran", "ProgressIntent"],
    ["ich hatte heute einen Krampf im Rücken", "LogSpasmIntent"],
    ["mein Knoten ist heute bei sechs", "LogTendernessIntent"],
    ["meine Beweglichkeit ist heute besser", "LogRangeOfMotionIntent"],
    ["führ mich durch die Routine für den Nacken", "RoutineIntent", NECK],
  ],
  "fr-FR": [
    ["lance une séance pour ma nuque", START, NECK],
    ["allume le panneau pour le bas du dos", START, LOW],
    ["je voudrais une séance sur les épaules", START, NECK],
    ["fais-moi une séance pour le haut du dos", START, MID],
    ["dix minutes sur les hanches s'il te plaît", START, LOW],
    ["mets la lumière rouge sur mes lombaires", START, LOW],
    ["éteins la lumière", STOP],
    ["arrête la séance", STOP],
    ["c'est trop chaud", STOP],
    ["il reste combien de temps", LEFT],
    ["dans combien de temps ça s'arrête", LEFT],
    ["quand est-ce que je pourrai refaire le bas du dos", DOSE, LOW],
    ["combien de lumière a reçu ma nuque aujourd'hui", DOSE, NECK],
    ["je rentre du footing", WORKOUT],
    ["je viens de faire de la muscu", WORKOUT],
    ["j'ai de la fièvre", "RedFlagIntent"],
    ["je n'arrive plus à avaler", "RedFlagIntent"],
    ["relis-moi les consignes de sécurité", "CautionIntent"],
    ["est-ce que je progresse", "ProgressIntent"],
    ["note une crampe", "LogSpasmIntent"],
    ["mon nœud est à cinq aujourd'hui", "LogTendernessIntent"],
    ["ma mobilité est meilleure", "LogRangeOfMotionIntent"],
    ["guide-moi dans la routine pour le milieu du dos", "RoutineIntent", MID],
  ],
  "es-ES": [
    ["empieza una sesión para el cuello", START, NECK],
    ["pon la luz roja en la zona lumbar", START, LOW],
    ["quiero una sesión para los hombros", START, NECK],
    ["hazme una sesión de espalda alta", START, MID],
    ["enciende el panel para las caderas", START, LOW],
    ["diez minutos de luz en el cuello", START, NECK],
    ["apaga la luz", STOP],
    ["para la sesión", STOP],
    ["quema demasiado", STOP],
    ["cuánto tiempo queda", LEFT],
    ["cuántos minutos me quedan", LEFT],
    ["cuándo puedo volver a hacer la zona lumbar", DOSE, LOW],
    ["cuánta luz ha recibido mi cuello hoy", DOSE, NECK],
    ["vengo del gimnasio", WORKOUT],
    ["acabo de salir a correr", WORKOUT],
    ["tengo fiebre", "RedFlagIntent"],
    ["se me duerme la pierna", "RedFlagIntent"],
    ["léeme las advertencias de seguridad", "CautionIntent"],
    ["cómo voy esta semana", "ProgressIntent"],
    ["apunta un calambre", "LogSpasmIntent"],
    ["el nudo está en un siete", "LogTendernessIntent"],
    ["mi movilidad está mejor", "LogRangeOfMotionIntent"],
    ["guíame por la rutina del cuello", "RoutineIntent", NECK],
  ],
  "it-IT": [
    ["avvia una sessione per il collo", START, NECK],
    ["accendi la luce rossa sulla zona lombare", START, LOW],
    ["vorrei una sessione per le spalle", START, NECK],
    ["fammi una sessione sulla schiena alta", START, MID],
    ["accendi il pannello per i fianchi", START, LOW],
    ["dieci minuti di luce sul collo", START, NECK],
    ["spegni la luce", STOP],
    ["ferma la sessione", STOP],
    ["scotta troppo", STOP],
    ["quanto tempo manca", LEFT],
    ["quanti minuti mancano", LEFT],
    ["quando posso rifare la zona lombare", DOSE, LOW],
    ["quanta luce ha ricevuto il collo oggi", DOSE, NECK],
    ["sono appena tornato dalla palestra", WORKOUT],
    ["ho appena fatto una corsa", WORKOUT],
    ["ho la febbre", "RedFlagIntent"],
    ["ho un formicolio alla gamba", "RedFlagIntent"],
    ["rileggimi le avvertenze di sicurezza", "CautionIntent"],
    ["come sto andando questa settimana", "ProgressIntent"],
    ["segna un crampo", "LogSpasmIntent"],
    ["il nodo è a sei oggi", "LogTendernessIntent"],
    ["la mia mobilità va meglio", "LogRangeOfMotionIntent"],
    ["guidami nella routine per il collo", "RoutineIntent", NECK],
  ],
};

/** What speech recognition would send: words without hyphens, numbers above one in digits outside English. */
const heardAs = (locale: string, utterance: string) =>
  utterance
    .replace(/-/g, " ")
    .split(" ")
    .map((word) => {
      const language = locale.slice(0, 2);
      if (language === "en") return word;
      const n = Array.from({ length: 100 }, (_, i) => i).find((i) => i !== 1 && numberWordsIn(language as "de", i) === word.toLowerCase());
      return n === undefined ? word : String(n);
    })
    .join(" ");

const models = new Map<string, unknown>();
const modelOf = (locale: string) => {
  if (!models.has(locale)) models.set(locale, InteractionModel.fromFile(modelFile(locale)));
  // biome-ignore lint/suspicious/noExplicitAny: virtual-alexa's model type is loose
  return models.get(locale) as any;
};

/** The intent and resolved region virtual-alexa makes of a phrasing in a locale, or a miss in words. */
function miss(locale: string, [utterance, intent, region]: Expected): string | undefined {
  const model = modelOf(locale);
  const u = new Utterance(model, heardAs(locale, utterance));
  const got = u.matched() ? u.intent() : undefined;
  const heard: string | undefined = u.matched() ? u.toJSON().region : undefined;
  const match = heard ? model.slotTypes.slotType("Region").match(heard) : undefined;
  const resolved = match?.matches ? match.enumeratedValue.id : undefined;
  const ok = got === intent && (region === undefined ? heard === undefined || resolved !== undefined : resolved === region);
  return ok
    ? undefined
    : `${locale} "${utterance}" → expected ${intent}${region ? ` (${region})` : ""}, got ${got ?? "no match"}${resolved ? ` (${resolved})` : ""}`;
}

function score(label: string, cases: Array<[string, Expected]>): number {
  const missed = cases.flatMap(([locale, expected]) => miss(locale, expected) ?? []);
  const right = cases.length - missed.length;
  console.log(
    `${label}: ${right}/${cases.length} (${Math.round((100 * right) / cases.length)}%)${missed.length ? `\n  ${missed.join("\n  ")}` : ""}`,
  );
  return right / cases.length;
}

describe("blind everyday phrasings per locale", () => {
  it.each(Object.keys(BY_LOCALE))("%s: at least 20, and at least 90% understood with the right intent and region", (locale) => {
    const cases = BY_LOCALE[locale];
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(
      score(
        locale,
        cases.map((c) => [locale, c]),
      ),
    ).toBeGreaterThanOrEqual(0.9);
  });

  it("English (en-US, en-GB, en-AU): at least 30, and at least 90% understood", () => {
    expect(ENGLISH.length).toBeGreaterThanOrEqual(30);
    expect(
      score(
        "English",
        ENGLISH.map(([locale, ...c]) => [locale, c]),
      ),
    ).toBeGreaterThanOrEqual(0.9);
  });

  it("plain British starting, stopping and 'back from the gym' never land on the person-naming intent", () => {
    for (const [locale, utterance] of ENGLISH.filter(([l]) => l === "en-GB")) {
      const u = new Utterance(modelOf(locale), utterance);
      expect({ utterance, intent: u.matched() ? u.intent() : undefined }).not.toEqual({ utterance, intent: "IdentifyPersonIntent" });
    }
  });
});
