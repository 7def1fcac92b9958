/** The French slot values: the words Alexa resolves to each region, workout, symptom, range-of-motion change and FAQ topic id. */
import type { Speech } from "../../language/speech/index.js";
import { FRENCH_SYMPTOMS } from "../../language/symptoms/fr.js";
import type { LanguageSource } from "../shape.js";

/** The region names and range-of-motion words are the speech catalogue's, so the skill hears what it says. */
export function frenchSlotTypes(speech: Speech): LanguageSource["types"] {
  const r = speech.regionNames;
  return {
    Region: {
      "neck-shoulders": {
        value: r["neck-shoulders"],
        synonyms: [
          "nuque",
          "cou",
          "épaules",
          "épaule",
          "trapèzes",
          "trapèze",
          "haut des épaules",
          "base du crâne",
          "cou et épaules",
          "épaules et nuque",
          "nuque raide",
          "arrière du cou",
        ],
      },
      "mid-back": {
        value: r["mid-back"],
        synonyms: [
          "haut du dos",
          "milieu du dos",
          "dos moyen",
          "entre les omoplates",
          "omoplates",
          "colonne thoracique",
          "dorsales",
          "haut et milieu du dos",
          "entre les épaules",
        ],
      },
      "low-back-hips": {
        value: r["low-back-hips"],
        synonyms: [
          "bas du dos",
          "lombaires",
          "région lombaire",
          "hanches",
          "hanche",
          "fessiers",
          "fesses",
          "reins",
          "bassin",
          "sacrum",
          "bas du dos et hanche",
          "creux des reins",
        ],
      },
    },
    WorkoutKind: {
      legs: { value: "séance de jambes", synonyms: ["jambes", "squats", "randonnée", "une randonnée", "marche", "leg day"] },
      run: {
        value: "course",
        synonyms: ["course à pied", "footing", "jogging", "running", "un footing", "une course", "marathon", "fractionné"],
      },
      cycling: { value: "vélo", synonyms: ["sortie vélo", "une sortie à vélo", "vélo d'appartement", "spinning", "cyclisme", "VTT"] },
      "upper-body": {
        value: "haut du corps",
        synonyms: ["bras", "pectoraux", "natation", "piscine", "musculation du haut", "développé couché", "pompes"],
      },
      back: { value: "séance de dos", synonyms: ["aviron", "escalade", "bloc", "tractions", "rameur"] },
      "full-body": {
        value: "entraînement",
        synonyms: [
          "salle",
          "salle de sport",
          "sport",
          "muscu",
          "musculation",
          "crossfit",
          "yoga",
          "pilates",
          "foot",
          "football",
          "tennis",
          "un cours",
        ],
      },
      desk: {
        value: "longue journée au bureau",
        synonyms: [
          "bureau",
          "journée de bureau",
          "travail sur ordinateur",
          "télétravail",
          "longue journée assis",
          "long trajet en voiture",
        ],
      },
    },
    Symptom: FRENCH_SYMPTOMS,
    RomChange: {
      better: {
        value: speech.romChanges.better,
        synonyms: ["mieux", "meilleur", "plus facile", "plus souple", "plus libre", "bien mieux", "un peu mieux", "bien meilleure"],
      },
      same: {
        value: speech.romChanges.same,
        synonyms: ["pareil", "pareille", "la même", "sans changement", "inchangé", "comme d'habitude", "pas de changement"],
      },
      worse: {
        value: speech.romChanges.worse,
        synonyms: ["moins bien", "moins bon", "plus raide", "plus raides", "plus bloqué", "un peu moins bien", "pire", "moins souple"],
      },
    },
    FaqTopic: {
      cramp: { value: "une crampe", synonyms: ["crampe", "crampes", "les crampes", "une crampe musculaire", "une crampe soudaine"] },
      massage: {
        value: "massages",
        synonyms: ["massage", "les massages", "kiné", "kinésithérapie", "le kiné", "mon kiné", "ostéopathe", "voir le kiné"],
      },
      daily: { value: "tous les jours", synonyms: ["chaque jour", "quotidiennement", "au quotidien", "tout le temps"] },
    },
  };
}
