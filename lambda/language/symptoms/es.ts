/** The red-flag symptoms in Spanish, as people say them (the guide's red flags, each one). */
import type { SlotWords, SymptomId } from "../vocabulary.js";

export const SPANISH_SYMPTOMS: Record<SymptomId, SlotWords> = {
  "face-spasm": {
    value: "espasmos en la cara",
    synonyms: ["espasmos faciales", "me tiembla la cara", "tics en la cara", "un espasmo en la cara", "contracciones en la cara"],
  },
  "tongue-spasm": {
    value: "espasmos en la lengua",
    synonyms: ["espasmos de la lengua", "se me contrae la lengua", "contracciones en la lengua", "tics en la lengua"],
  },
  swallowing: {
    value: "problemas para tragar",
    synonyms: ["dificultad para tragar", "me cuesta tragar", "no puedo tragar", "espasmos al tragar", "me duele al tragar"],
  },
  weakness: {
    value: "debilidad",
    synonyms: [
      "debilidad muscular",
      "tengo la pierna débil",
      "tengo el brazo débil",
      "piernas débiles",
      "debilidad repentina",
      "debilidad importante",
      "no tengo fuerza en la pierna",
    ],
  },
  numbness: {
    value: "entumecimiento",
    synonyms: [
      "adormecimiento",
      "se me duerme la pierna",
      "tengo la pierna dormida",
      "tengo la pierna entumecida",
      "no siento la pierna",
      "hormigueo",
      "pérdida de sensibilidad",
    ],
  },
  "bladder-bowel": {
    value: "pérdida de control de la vejiga",
    synonyms: [
      "pérdida de control intestinal",
      "incontinencia",
      "problemas de vejiga",
      "problemas intestinales",
      "no controlo la vejiga",
      "no controlo el intestino",
      "se me escapa la orina",
    ],
  },
  fever: { value: "fiebre", synonyms: ["fiebre alta", "algo de fiebre", "escalofríos y fiebre", "temperatura alta"] },
  "weight-loss": {
    value: "pérdida de peso sin explicación",
    synonyms: [
      "pérdida de peso",
      "pérdida de peso inexplicable",
      "estoy perdiendo peso",
      "adelgazo sin querer",
      "estoy adelgazando sin querer",
      "pérdida de peso repentina",
    ],
  },
  "severe-spasm": {
    value: "un espasmo fuerte",
    synonyms: [
      "espasmos fuertes",
      "un espasmo repentino y violento",
      "un espasmo muy fuerte",
      "espasmos musculares fuertes",
      "un espasmo intenso",
      "espasmos intensos",
    ],
  },
};
