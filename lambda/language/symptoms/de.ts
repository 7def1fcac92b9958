/** The red-flag symptoms in German, as people say them (the guide's red flags, each one). */
import type { SlotWords, SymptomId } from "../vocabulary.js";

export const GERMAN_SYMPTOMS: Record<SymptomId, SlotWords> = {
  "face-spasm": {
    value: "Krämpfe im Gesicht",
    synonyms: [
      "Gesichtskrämpfe",
      "mein Gesicht zuckt",
      "Zuckungen im Gesicht",
      "ein Krampf im Gesicht",
      "einen Krampf im Gesicht",
      "Gesichtszucken",
      "Gesichtszuckungen",
    ],
  },
  "tongue-spasm": {
    value: "Krämpfe in der Zunge",
    synonyms: ["Zungenkrämpfe", "meine Zunge verkrampft", "Zuckungen in der Zunge", "einen Krampf in der Zunge"],
  },
  swallowing: {
    value: "Schluckbeschwerden",
    synonyms: [
      "Probleme beim Schlucken",
      "Schwierigkeiten beim Schlucken",
      "Krämpfe beim Schlucken",
      "Schmerzen beim Schlucken",
      "Schluckprobleme",
      "ich kann nicht richtig schlucken",
    ],
  },
  weakness: {
    value: "Schwäche",
    synonyms: [
      "Muskelschwäche",
      "mein Bein ist schwach",
      "mein Arm ist schwach",
      "schwache Beine",
      "plötzliche Schwäche",
      "starke Schwäche",
      "deutliche Schwäche",
    ],
  },
  numbness: {
    value: "Taubheitsgefühl",
    synonyms: [
      "Taubheit",
      "Taubheitsgefühle",
      "ein taubes Gefühl",
      "mein Arm ist taub",
      "Ameisenlaufen",
      "mein Bein ist taub",
      "taube Beine",
      "Kribbeln und Taubheit",
      "kein Gefühl im Bein",
      "Gefühlsverlust",
      "ein Taubheitsgefühl",
      "ein Taubheitsgefühl im Bein",
      "Taubheitsgefühl im Bein",
      "Kribbeln im Bein",
      "Taubheit im Bein",
      "Taubheit im Arm",
      "Taubheitsgefühl im Arm",
    ],
  },
  "bladder-bowel": {
    value: "Verlust der Blasenkontrolle",
    synonyms: [
      "Verlust der Darmkontrolle",
      "Inkontinenz",
      "Blasenprobleme",
      "Darmprobleme",
      "ich kann die Blase nicht halten",
      "ich kann den Urin nicht halten",
      "ich kann den Stuhl nicht halten",
    ],
  },
  fever: { value: "Fieber", synonyms: ["hohes Fieber", "erhöhte Temperatur", "Temperatur", "Schüttelfrost und Fieber"] },
  "weight-loss": {
    value: "unerklärlichen Gewichtsverlust",
    synonyms: [
      "unerklärlicher Gewichtsverlust",
      "Gewichtsverlust",
      "ich nehme ab ohne es zu wollen",
      "plötzlicher Gewichtsverlust",
      "plötzlichen Gewichtsverlust",
      "ungewollter Gewichtsverlust",
      "ungewollten Gewichtsverlust",
    ],
  },
  "severe-spasm": {
    value: "einen heftigen Krampf",
    synonyms: [
      "ein heftiger Krampf",
      "heftige Krämpfe",
      "ein plötzlicher starker Krampf",
      "einen plötzlichen starken Krampf",
      "ein sehr schlimmer Krampf",
      "einen sehr schlimmen Krampf",
      "starke Muskelkrämpfe",
    ],
  },
};
