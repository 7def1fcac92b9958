/** The Spanish slot values: the words Alexa resolves to each region, workout, symptom, range-of-motion change and FAQ topic id. */
import type { Speech } from "../../language/speech/index.js";
import { SPANISH_SYMPTOMS } from "../../language/symptoms/es.js";
import type { LanguageSource } from "../shape.js";

/** The region names and range-of-motion words are the speech catalogue's, so the skill hears what it says. */
export function spanishSlotTypes(speech: Speech): LanguageSource["types"] {
  const r = speech.regionNames;
  return {
    Region: {
      "neck-shoulders": {
        value: r["neck-shoulders"],
        synonyms: [
          "cuello",
          "hombros",
          "hombro",
          "nuca",
          "trapecios",
          "trapecio",
          "cervicales",
          "base del cráneo",
          "hombros y cuello",
          "parte alta de los hombros",
          "cuello y hombro",
        ],
      },
      "mid-back": {
        value: r["mid-back"],
        synonyms: [
          "espalda media",
          "parte media de la espalda",
          "mitad de la espalda",
          "espalda alta",
          "parte alta de la espalda",
          "entre los omóplatos",
          "omóplatos",
          "dorsales",
          "zona dorsal",
          "columna dorsal",
        ],
      },
      "low-back-hips": {
        value: r["low-back-hips"],
        synonyms: [
          "zona lumbar",
          "lumbares",
          "parte baja de la espalda",
          "espalda baja",
          "caderas",
          "cadera",
          "glúteos",
          "culo",
          "riñones",
          "sacro",
        ],
      },
    },
    WorkoutKind: {
      legs: { value: "pierna", synonyms: ["piernas", "día de pierna", "sentadillas", "senderismo", "una ruta", "caminar"] },
      run: { value: "correr", synonyms: ["carrera", "una carrera", "running", "footing", "a correr", "maratón", "series"] },
      cycling: { value: "bici", synonyms: ["bicicleta", "ciclismo", "spinning", "una salida en bici", "una ruta en bici"] },
      "upper-body": {
        value: "tren superior",
        synonyms: ["brazos", "pecho", "natación", "nadar", "piscina", "press de banca", "flexiones"],
      },
      back: { value: "espalda", synonyms: ["remo", "escalada", "búlder", "dominadas", "día de espalda"] },
      "full-body": {
        value: "entrenamiento",
        synonyms: ["gimnasio", "gym", "el gimnasio", "deporte", "crossfit", "yoga", "pilates", "fútbol", "pádel", "tenis", "una clase"],
      },
      desk: {
        value: "un día largo en la oficina",
        synonyms: ["oficina", "trabajo de oficina", "teletrabajo", "muchas horas sentado", "ordenador", "un viaje largo en coche"],
      },
    },
    Symptom: SPANISH_SYMPTOMS,
    RomChange: {
      better: {
        value: speech.romChanges.better,
        synonyms: ["más fácil", "más suelta", "más suelto", "más libre", "mucho mejor", "un poco mejor"],
      },
      same: { value: speech.romChanges.same, synonyms: ["igual", "sin cambios", "como siempre", "lo mismo"] },
      worse: { value: speech.romChanges.worse, synonyms: ["más rígida", "más rígido", "más tensa", "un poco peor", "mucho peor"] },
    },
    FaqTopic: {
      cramp: {
        value: "un calambre",
        synonyms: ["calambre", "calambres", "los calambres", "un calambre muscular", "un calambre de repente"],
      },
      massage: { value: "masajes", synonyms: ["masaje", "los masajes", "fisioterapia", "fisio", "el fisio", "mi fisio", "ir al fisio"] },
      daily: { value: "todos los días", synonyms: ["cada día", "a diario", "diariamente", "siempre"] },
    },
  };
}
