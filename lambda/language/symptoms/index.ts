/**
 * The red-flag symptoms as people say them, in every language the skill speaks: the interaction
 * models' Symptom slot values (RedFlagIntent), and what the skill checks a heard "name" against, so
 * a red flag is never taken for a person. The ids are the guide's red flags; every language has each.
 */
import type { Language } from "../vocabulary.js";

export const SYMPTOM_IDS = [
  "face-spasm",
  "tongue-spasm",
  "swallowing",
  "weakness",
  "numbness",
  "bladder-bowel",
  "fever",
  "weight-loss",
  "severe-spasm",
] as const;
export type SymptomId = (typeof SYMPTOM_IDS)[number];

type Words = { value: string; synonyms: readonly string[] };

export const SYMPTOM_WORDS: Record<Language, Record<SymptomId, Words>> = {
  en: {
    "face-spasm": {
      value: "spasms in my face",
      synonyms: ["face spasms", "my face is twitching", "face twitching", "facial spasms", "spasm in my face", "twitching in my face"],
    },
    "tongue-spasm": { value: "tongue spasms", synonyms: ["spasms in my tongue", "my tongue is spasming", "tongue twitching"] },
    swallowing: {
      value: "trouble swallowing",
      synonyms: ["difficulty swallowing", "problems swallowing", "spasms when I swallow", "it hurts to swallow"],
    },
    weakness: {
      value: "weakness",
      synonyms: ["muscle weakness", "my leg is weak", "my arm is weak", "weak legs", "sudden weakness", "significant weakness"],
    },
    numbness: {
      value: "numbness",
      synonyms: [
        "numb",
        "numb legs",
        "my leg is numb",
        "pins and needles",
        "loss of feeling",
        "tingling and numbness",
        "numbness in my leg",
      ],
    },
    "bladder-bowel": {
      value: "loss of bladder control",
      synonyms: [
        "loss of bowel control",
        "incontinence",
        "bladder problems",
        "bowel problems",
        "I can't control my bladder",
        "I can't control my bowels",
      ],
    },
    fever: { value: "a fever", synonyms: ["fever", "a high temperature", "a temperature", "chills and fever"] },
    "weight-loss": {
      value: "unexplained weight loss",
      synonyms: ["weight loss", "losing weight", "losing weight without trying", "I am losing weight", "sudden weight loss"],
    },
    "severe-spasm": {
      value: "a severe spasm",
      synonyms: ["severe spasms", "a sudden violent spasm", "a really bad spasm", "severe muscle spasms", "an extreme spasm"],
    },
  },
  de: {
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
  },
  fr: {
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
  },
  es: {
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
  },
  it: {
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
  },
};

/** The English words, as the English model and older code use them. */
export const SYMPTOMS = SYMPTOM_IDS.map((id) => ({ id, ...SYMPTOM_WORDS.en[id] }));

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}' ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
const PHRASES = new Set(
  Object.values(SYMPTOM_WORDS)
    .flatMap((words) => Object.values(words).flatMap((w) => [w.value, ...w.synonyms]))
    .map(normalise),
);

/** `heard` is one of the red-flag symptoms, word for word, in any language the skill speaks. */
export const isSymptomPhrase = (heard: string): boolean => PHRASES.has(normalise(heard));
