/**
 * Numbers in German, French, Spanish and Italian words, both ways: what the skill says ("zehn",
 * "quatre-vingt-dix") and what it hears from virtual-alexa, which sends slot text as spoken words.
 * English is ./en.ts. Whole numbers below 1000; anything else is said in digits.
 */
import type { Language } from "../vocabulary.js";

type Other = Exclude<Language, "en">;

const DE_UNITS =
  "null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn".split(
    " ",
  );
const DE_TENS = ",,zwanzig,dreißig,vierzig,fünfzig,sechzig,siebzig,achtzig,neunzig".split(",");
function de(n: number): string {
  if (n < 20) return DE_UNITS[n];
  if (n < 100) {
    const unit = n % 10;
    return unit === 0 ? DE_TENS[n / 10] : `${unit === 1 ? "ein" : DE_UNITS[unit]}und${DE_TENS[Math.floor(n / 10)]}`;
  }
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  return `${hundreds === 1 ? "" : DE_UNITS[hundreds]}hundert${rest ? de(rest) : ""}`;
}

const FR_UNITS =
  "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf".split(" ");
const FR_TENS = ",,vingt,trente,quarante,cinquante,soixante".split(",");
function fr(n: number): string {
  if (n < 20) return FR_UNITS[n];
  if (n < 70) {
    const unit = n % 10;
    const tens = FR_TENS[Math.floor(n / 10)];
    return unit === 0 ? tens : unit === 1 ? `${tens} et un` : `${tens}-${FR_UNITS[unit]}`;
  }
  if (n < 80) return n === 71 ? "soixante et onze" : `soixante-${fr(n - 60)}`;
  if (n < 100) return n === 80 ? "quatre-vingts" : `quatre-vingt-${fr(n - 80)}`;
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const head = hundreds === 1 ? "cent" : `${FR_UNITS[hundreds]} cent${rest ? "" : "s"}`;
  return rest ? `${head} ${fr(rest)}` : head;
}

const ES_UNITS = (
  "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis diecisiete dieciocho diecinueve " +
  "veinte veintiuno veintidós veintitrés veinticuatro veinticinco veintiséis veintisiete veintiocho veintinueve"
).split(" ");
const ES_TENS = ",,,treinta,cuarenta,cincuenta,sesenta,setenta,ochenta,noventa".split(",");
const ES_HUNDREDS = ",ciento,doscientos,trescientos,cuatrocientos,quinientos,seiscientos,setecientos,ochocientos,novecientos".split(",");
function es(n: number): string {
  if (n < 30) return ES_UNITS[n];
  if (n < 100) return n % 10 === 0 ? ES_TENS[n / 10] : `${ES_TENS[Math.floor(n / 10)]} y ${ES_UNITS[n % 10]}`;
  if (n === 100) return "cien";
  const rest = n % 100;
  return `${ES_HUNDREDS[Math.floor(n / 100)]}${rest ? ` ${es(rest)}` : ""}`;
}

const IT_UNITS =
  "zero uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici quindici sedici diciassette diciotto diciannove".split(
    " ",
  );
const IT_TENS = ",,venti,trenta,quaranta,cinquanta,sessanta,settanta,ottanta,novanta".split(",");
function it(n: number): string {
  if (n < 20) return IT_UNITS[n];
  if (n < 100) {
    const unit = n % 10;
    const tens = IT_TENS[Math.floor(n / 10)];
    if (unit === 0) return tens;
    const head = unit === 1 || unit === 8 ? tens.slice(0, -1) : tens;
    return `${head}${unit === 3 ? "tré" : IT_UNITS[unit]}`;
  }
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  return `${hundreds === 1 ? "" : IT_UNITS[hundreds]}cento${rest ? it(rest) : ""}`;
}

const WORDS: Record<Other, (n: number) => string> = { de, fr, es, it };

/** `n` in words in `language`: 10 → "zehn", "dix", "diez", "dieci". */
export function numberWordsIn(language: Other, n: number): string {
  return Number.isInteger(n) && n >= 0 && n < 1000 ? WORDS[language](n) : String(n);
}

/** "one" before a noun: German "eine Minute", French "une minute", Spanish "un minuto", Italian "un minuto". */
export const ONE: Record<Other, { feminine: string; masculine: string }> = {
  de: { feminine: "eine", masculine: "ein" },
  fr: { feminine: "une", masculine: "un" },
  es: { feminine: "una", masculine: "un" },
  it: { feminine: "una", masculine: "un" },
};

const key = (text: string) => text.toLowerCase().replace(/[\s-]+/g, "");
/** Every number below 1000 in every one of these languages, by its words without spaces or hyphens. */
const HEARD = new Map<string, number>([
  ...(Object.keys(WORDS) as Other[]).flatMap((lang) =>
    Array.from({ length: 1000 }, (_, n) => [key(WORDS[lang](n)), n] as [string, number]),
  ),
  ...["ein", "eine", "einen", "un", "une", "una"].map((w) => [w, 1] as [string, number]),
]);

/** "zehn", "quatre-vingt-dix", "veintiuno", "dieci" → number; anything else → undefined. */
export const parseNumberWords = (text: string): number | undefined => HEARD.get(key(text));
