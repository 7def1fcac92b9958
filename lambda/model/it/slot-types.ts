/** The Italian slot values: the words Alexa resolves to each region, workout, symptom, range-of-motion change and FAQ topic id. */
import type { Speech } from "../../language/speech/index.js";
import { ITALIAN_SYMPTOMS } from "../../language/symptoms/it.js";
import type { LanguageSource } from "../shape.js";

/** The region names and range-of-motion words are the speech catalogue's, so the skill hears what it says. */
export function italianSlotTypes(speech: Speech): LanguageSource["types"] {
  const r = speech.regionNames;
  return {
    Region: {
      "neck-shoulders": {
        value: r["neck-shoulders"],
        synonyms: [
          "collo",
          "spalle",
          "spalla",
          "nuca",
          "trapezi",
          "trapezio",
          "cervicale",
          "cervicali",
          "base del cranio",
          "spalle e collo",
          "collo e spalla",
        ],
      },
      "mid-back": {
        value: r["mid-back"],
        synonyms: [
          "schiena media",
          "parte centrale della schiena",
          "metà schiena",
          "centro della schiena",
          "parte alta della schiena",
          "schiena alta",
          "tra le scapole",
          "scapole",
          "dorsale",
          "dorsali",
        ],
      },
      "low-back-hips": {
        value: r["low-back-hips"],
        synonyms: [
          "zona lombare",
          "lombari",
          "lombare",
          "parte bassa della schiena",
          "schiena bassa",
          "fianchi",
          "anche",
          "anca",
          "glutei",
          "sedere",
          "reni",
          "osso sacro",
          "sciatica",
          "fondoschiena",
          "bassa schiena",
          "zona lombare e anche",
        ],
      },
    },
    WorkoutKind: {
      legs: {
        value: "allenamento gambe",
        synonyms: ["gambe", "squat", "un'escursione", "escursione", "camminata", "una camminata", "leg day"],
      },
      run: { value: "corsa", synonyms: ["una corsa", "correre", "jogging", "running", "maratona", "ripetute"] },
      cycling: { value: "bici", synonyms: ["bicicletta", "un giro in bici", "ciclismo", "spinning", "mountain bike"] },
      "upper-body": {
        value: "parte superiore",
        synonyms: ["braccia", "petto", "petto e braccia", "pesi", "nuoto", "piscina", "panca", "flessioni"],
      },
      back: { value: "allenamento schiena", synonyms: ["canottaggio", "arrampicata", "boulder", "trazioni", "vogatore"] },
      "full-body": {
        value: "allenamento",
        synonyms: ["palestra", "in palestra", "sport", "crossfit", "yoga", "pilates", "calcio", "calcetto", "tennis", "un corso"],
      },
      desk: {
        value: "una lunga giornata in ufficio",
        synonyms: ["ufficio", "lavoro d'ufficio", "computer", "smart working", "tante ore seduto", "un lungo viaggio in macchina"],
      },
    },
    Symptom: ITALIAN_SYMPTOMS,
    RomChange: {
      better: {
        value: speech.romChanges.better,
        synonyms: ["più facile", "più sciolta", "più libera", "molto meglio", "un po' meglio", "migliore"],
      },
      same: { value: speech.romChanges.same, synonyms: ["uguale", "invariata", "come sempre", "nessun cambiamento", "stessa"] },
      worse: { value: speech.romChanges.worse, synonyms: ["più rigida", "più bloccata", "un po' peggio", "molto peggio", "peggiore"] },
    },
    FaqTopic: {
      cramp: { value: "un crampo", synonyms: ["crampo", "crampi", "i crampi", "un crampo muscolare", "un crampo improvviso"] },
      massage: {
        value: "massaggi",
        synonyms: [
          "massaggio",
          "i massaggi",
          "fisioterapia",
          "fisioterapista",
          "il fisioterapista",
          "il fisio",
          "andare dal fisioterapista",
        ],
      },
      daily: { value: "tutti i giorni", synonyms: ["ogni giorno", "quotidianamente", "sempre"] },
    },
  };
}
