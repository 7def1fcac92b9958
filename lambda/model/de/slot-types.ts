/** The German slot values: the words Alexa resolves to each region, workout, symptom, range-of-motion change and FAQ topic id. */
import type { Speech } from "../../language/speech/index.js";
import { GERMAN_SYMPTOMS } from "../../language/symptoms/de.js";
import type { LanguageSource } from "../shape.js";

/** The region names and range-of-motion words are the speech catalogue's, so the skill hears what it says. */
export function germanSlotTypes(speech: Speech): LanguageSource["types"] {
  const r = speech.regionNames;
  return {
    Region: {
      "neck-shoulders": {
        value: r["neck-shoulders"],
        synonyms: [
          "Nacken",
          "Schultern",
          "Schulter",
          "Hals",
          "Genick",
          "Nacken und Schulter",
          "Schultern und Nacken",
          "Trapezmuskel",
          "Schädelbasis",
          "obere Schultern",
          "Nackenbereich",
          "Schulterbereich",
          "steifer Nacken",
        ],
      },
      "mid-back": {
        value: r["mid-back"],
        synonyms: [
          "zwischen die Schulterblätter",
          "mittleren Rücken",
          "oberer Rücken",
          "oberen Rücken",
          "Mitte des Rückens",
          "Brustwirbelsäule",
          "Schulterblätter",
          "zwischen den Schulterblättern",
          "Rückenmitte",
          "mittlere Rücken",
          "obere Rücken",
          "BWS",
          "Brustwirbel",
        ],
      },
      "low-back-hips": {
        value: r["low-back-hips"],
        synonyms: [
          "unterer Rücken",
          "unteren Rücken",
          "untere Rücken",
          "Lendenwirbelsäule",
          "Lende",
          "Lendenbereich",
          "Hüften",
          "Hüfte",
          "Gesäß",
          "Po",
          "Kreuz",
          "Kreuzbein",
          "LWS",
          "Rücken und Hüfte",
          "unteren Rücken und Hüften",
          "unteren Rücken und die Hüften",
          "Lendenwirbel",
          "Steißbein",
          "Ischias",
        ],
      },
    },
    WorkoutKind: {
      legs: { value: "Beintraining", synonyms: ["Beine", "Beintag", "Kniebeugen", "Wandern", "einer Wanderung", "Wanderung", "Leg Day"] },
      run: {
        value: "Laufen",
        synonyms: ["Joggen", "einem Lauf", "Lauf", "Lauftraining", "Dauerlauf", "Marathontraining", "Sprints", "Laufen gewesen", "joggen"],
      },
      cycling: {
        value: "Radfahren",
        synonyms: ["Rad", "einer Radtour", "Radtour", "Spinning", "Fahrrad fahren", "Rennrad", "Mountainbike"],
      },
      "upper-body": {
        value: "Oberkörpertraining",
        synonyms: ["Oberkörper", "Schwimmen", "Bankdrücken", "Armtraining", "Brust", "Krafttraining", "Hanteln"],
      },
      back: { value: "Rückentraining", synonyms: ["Rudern", "Klettern", "Bouldern", "Klimmzüge", "Rücken"] },
      "full-body": {
        value: "Training",
        synonyms: [
          "Fitnessstudio",
          "Gym",
          "Sport",
          "Ganzkörpertraining",
          "Crossfit",
          "Yoga",
          "Pilates",
          "Fußball",
          "Tennis",
          "einem Kurs",
          "Kurs",
          "Workout",
        ],
      },
      desk: {
        value: "einem langen Tag am Schreibtisch",
        synonyms: ["Schreibtisch", "Büro", "einem langen Bürotag", "Bürotag", "Computerarbeit", "langem Sitzen", "einer langen Autofahrt"],
      },
    },
    Symptom: GERMAN_SYMPTOMS,
    RomChange: {
      better: { value: speech.romChanges.better, synonyms: ["besser", "leichter", "lockerer", "freier", "viel besser", "etwas besser"] },
      same: { value: speech.romChanges.same, synonyms: ["gleich", "unverändert", "wie immer", "keine Veränderung", "genauso"] },
      worse: { value: speech.romChanges.worse, synonyms: ["schlechter", "steifer", "fester", "etwas schlechter", "viel schlechter"] },
    },
    FaqTopic: {
      cramp: {
        value: "einen Krampf",
        synonyms: ["Krampf", "Krämpfe", "einen Muskelkrampf", "einen akuten Krampf", "einen plötzlichen Krampf"],
      },
      massage: {
        value: "Massage",
        synonyms: ["Massagen", "Physiotherapie", "Physio", "Krankengymnastik", "zur Massage", "zum Physiotherapeuten", "Physiotherapeuten"],
      },
      daily: { value: "jeden Tag", synonyms: ["täglich", "täglich benutzen", "jeden einzelnen Tag", "ständig"] },
    },
  };
}
