/** The red-flag symptoms in Italian, as people say them (the guide's red flags, each one). */
import type { SlotWords, SymptomId } from "../vocabulary.js";

export const ITALIAN_SYMPTOMS: Record<SymptomId, SlotWords> = {
  "face-spasm": {
    value: "spasmi al viso",
    synonyms: [
      "spasmi facciali",
      "mi trema il viso",
      "tic al viso",
      "uno spasmo al viso",
      "contrazioni al viso",
      "spasmi alla faccia",
      "mi trema la faccia",
    ],
  },
  "tongue-spasm": {
    value: "spasmi alla lingua",
    synonyms: ["mi si contrae la lingua", "contrazioni alla lingua", "tic alla lingua", "spasmi della lingua"],
  },
  swallowing: {
    value: "difficoltà a deglutire",
    synonyms: [
      "problemi a deglutire",
      "faccio fatica a deglutire",
      "spasmi quando deglutisco",
      "mi fa male deglutire",
      "difficoltà a ingoiare",
      "non riesco a deglutire",
      "non riesco a mandare giù",
    ],
  },
  weakness: {
    value: "debolezza",
    synonyms: [
      "debolezza muscolare",
      "ho la gamba debole",
      "ho il braccio debole",
      "gambe deboli",
      "debolezza improvvisa",
      "una forte debolezza",
    ],
  },
  numbness: {
    value: "intorpidimento",
    synonyms: [
      "formicolio",
      "ho la gamba intorpidita",
      "gamba addormentata",
      "perdita di sensibilità",
      "formicolio e intorpidimento",
      "un formicolio alla gamba",
      "formicolio alle gambe",
      "un formicolio",
      "mi si addormenta la gamba",
    ],
  },
  "bladder-bowel": {
    value: "perdita di controllo della vescica",
    synonyms: [
      "perdita di controllo dell'intestino",
      "incontinenza",
      "problemi alla vescica",
      "problemi intestinali",
      "non controllo la vescica",
      "non riesco a trattenere l'urina",
    ],
  },
  fever: { value: "febbre", synonyms: ["la febbre", "febbre alta", "la febbre alta", "un po' di febbre", "brividi e febbre"] },
  "weight-loss": {
    value: "perdita di peso inspiegabile",
    synonyms: [
      "perdita di peso",
      "sto perdendo peso",
      "dimagrisco senza motivo",
      "sto dimagrendo senza motivo",
      "perdita di peso improvvisa",
      "un calo di peso",
    ],
  },
  "severe-spasm": {
    value: "uno spasmo violento",
    synonyms: [
      "spasmi violenti",
      "uno spasmo improvviso e forte",
      "uno spasmo molto forte",
      "spasmi muscolari forti",
      "un crampo violento",
      "crampi violenti",
    ],
  },
};
