/** The red-flag symptoms in French, as people say them (the guide's red flags, each one). */
import type { SlotWords, SymptomId } from "../vocabulary.js";

export const FRENCH_SYMPTOMS: Record<SymptomId, SlotWords> = {
  "face-spasm": {
    value: "des spasmes au visage",
    synonyms: [
      "spasmes au visage",
      "des spasmes du visage",
      "mon visage tressaute",
      "mon visage se contracte",
      "des tics au visage",
      "des contractions au visage",
      "un spasme au visage",
    ],
  },
  "tongue-spasm": {
    value: "des spasmes de la langue",
    synonyms: ["spasmes de la langue", "des spasmes à la langue", "ma langue se contracte", "des contractions de la langue"],
  },
  swallowing: {
    value: "du mal à avaler",
    synonyms: [
      "des difficultés à avaler",
      "je n'arrive plus à avaler",
      "je n'arrive pas à avaler",
      "des problèmes pour avaler",
      "des spasmes en avalant",
      "mal quand j'avale",
      "des troubles de la déglutition",
    ],
  },
  weakness: {
    value: "une faiblesse",
    synonyms: [
      "faiblesse musculaire",
      "une faiblesse musculaire",
      "ma jambe est faible",
      "mon bras est faible",
      "une faiblesse soudaine",
      "une faiblesse importante",
      "je n'ai plus de force dans la jambe",
      "je n'ai plus de force dans le bras",
    ],
  },
  numbness: {
    value: "un engourdissement",
    synonyms: [
      "engourdissement",
      "ma jambe est engourdie",
      "des fourmis dans la jambe",
      "des fourmillements",
      "je ne sens plus ma jambe",
      "une perte de sensibilité",
      "des picotements",
    ],
  },
  "bladder-bowel": {
    value: "une perte de contrôle de la vessie",
    synonyms: [
      "une perte de contrôle des intestins",
      "incontinence",
      "de l'incontinence",
      "des problèmes de vessie",
      "des problèmes intestinaux",
      "je ne contrôle plus ma vessie",
      "des fuites urinaires",
    ],
  },
  fever: { value: "de la fièvre", synonyms: ["fièvre", "une forte fièvre", "de la température", "des frissons et de la fièvre"] },
  "weight-loss": {
    value: "une perte de poids inexpliquée",
    synonyms: [
      "une perte de poids",
      "je maigris sans raison",
      "je perds du poids",
      "je perds du poids sans raison",
      "une perte de poids soudaine",
    ],
  },
  "severe-spasm": {
    value: "un spasme violent",
    synonyms: [
      "des spasmes violents",
      "un spasme soudain et violent",
      "un très gros spasme",
      "des spasmes musculaires violents",
      "un spasme intense",
      "des spasmes intenses",
    ],
  },
};
