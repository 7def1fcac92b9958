/**
 * Every locale's voice path through the BUILT Lambda bundle (`npm run build`, loaded as Lambda
 * loads it) and that locale's real interaction model, against a running bridge: the caution at
 * first launch, a start by region, time left, stop. What Alexa says is asserted in the locale's
 * language (words no other language uses), and the panel and the bridge are checked too.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { RequestEnvelope } from "ask-sdk-model";
import { type ControlBridge, startControlBridge } from "../helpers/control-bridge.js";
import { type FakeAlexaApi, startFakeAlexaApi } from "../helpers/fake-alexa-api.js";
import { tempDirs } from "../helpers/temp-dirs.js";
import { alexaFor, ended, said } from "../helpers/voice.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
// One household, one person: eight locales start eight neck sessions on the same bridge.
const FAST = { dose: { minSessionSeconds: 1, maxSessionSeconds: 30, minRestSameRegionSeconds: 0, maxSessionsPerRegionPer7d: 20 } };

interface Path {
  locale: string;
  start: string;
  no: string;
  timeLeft: string;
  stop: string;
  /** Words of the caution in this language: every red flag, the eye protection and the question. */
  caution: string[];
  started: RegExp;
  left: RegExp;
  stopped: RegExp;
}

const PATHS: Path[] = [
  {
    locale: "de-DE",
    start: "starte eine Sitzung für den Nacken",
    no: "nein danke",
    timeLeft: "wie lange noch",
    stop: "Panel aus",
    caution: [
      "Sicherheitscheck",
      "Gesicht",
      "Zunge",
      "Schlucken",
      "Blase oder Darm",
      "Fieber",
      "Gewichtsverlust",
      "lichtempfindlich",
      "Augen",
      "Trifft etwas davon auf dich zu?",
    ],
    started: /Ich starte deine Sitzung für Nacken und Schultern, dreißig Sekunden lang\./,
    left: /^Deine Sitzung für Nacken und Schultern läuft noch .*(Sekunden?|Minuten?)\./,
    stopped: /^Gestoppt\. Für Nacken und Schultern gab es .* Licht\./,
  },
  {
    locale: "fr-FR",
    start: "lance une séance pour la nuque",
    no: "non merci",
    timeLeft: "combien de temps il reste",
    stop: "arrête le panneau",
    caution: [
      "contrôle de sécurité",
      "visage",
      "langue",
      "déglutition",
      "vessie",
      "fièvre",
      "perte de poids",
      "sensible à la lumière",
      "yeux",
      "Est-ce que l'un de ces points vous concerne ?",
    ],
    started: /Je lance votre séance de trente secondes pour la nuque et les épaules\./,
    left: /^Il reste .* à votre séance pour la nuque et les épaules\./,
    stopped: /^Séance arrêtée\. Nuque et épaules : .* de lumière\./,
  },
  {
    locale: "es-ES",
    start: "empieza una sesión para el cuello",
    no: "no gracias",
    timeLeft: "cuánto queda",
    stop: "apaga el panel",
    caution: [
      "comprobación de seguridad",
      "cara",
      "lengua",
      "tragar",
      "vejiga",
      "fiebre",
      "pérdida de peso",
      "sensible a la luz",
      "ojos",
      "¿Te pasa alguna de estas cosas?",
    ],
    started: /Empiezo tu sesión de cuello y hombros de treinta segundos\./,
    left: /^A tu sesión de cuello y hombros le quedan .*\./,
    stopped: /^Parado\. Cuello y hombros: .* de luz\./,
  },
  {
    locale: "it-IT",
    start: "avvia una sessione per il collo",
    no: "no grazie",
    timeLeft: "quanto manca",
    stop: "spegni il pannello",
    caution: [
      "controllo di sicurezza",
      "viso",
      "lingua",
      "deglutizione",
      "vescica",
      "febbre",
      "perdita di peso",
      "sensibile alla luce",
      "occhi",
      "Qualcuno di questi punti ti riguarda?",
    ],
    started: /Avvio una sessione di trenta secondi per il collo e le spalle\./,
    left: /^La tua sessione per il collo e le spalle dura ancora .*\./,
    stopped: /^Sessione fermata: .* di luce per il collo e le spalle\./,
  },
  ...["en-GB", "en-CA", "en-AU", "en-IN"].map((locale) => ({
    locale,
    start: "start a neck session",
    no: "no thanks",
    timeLeft: "how long is left",
    stop: "stop the panel",
    caution: [
      "safety check",
      "face",
      "tongue",
      "swallowing",
      "bladder",
      "fever",
      "weight loss",
      "sensitive to light",
      "eye",
      "Does any of this apply to you?",
    ],
    started: /Starting your neck and shoulders session for 30 seconds\./,
    left: /^Your neck and shoulders session has .* left\./,
    stopped: /^Stopped\. Your neck and shoulders had .* of light\./,
  })),
];

const tempDir = tempDirs("biolight-locales-");
let bridge: ControlBridge;
let api: FakeAlexaApi;
let dataDir: string;
let bundle: { handler: (event: RequestEnvelope, context?: unknown) => Promise<unknown> };
const saved = { ...process.env };

beforeAll(async () => {
  // The bundle is built once per run (test/global-setup.js).
  bridge = await startControlBridge({ config: FAST });
  api = await startFakeAlexaApi();
  dataDir = await tempDir();
  // The bundle reads its settings from the environment on its first request, as on Lambda.
  Object.assign(process.env, { BRIDGE_URL: bridge.url, BRIDGE_TOKEN: bridge.token, SKILL_DATA_DIR: dataDir });
  bundle = createRequire(import.meta.url)(join(root, "dist/lambda/index.js"));
}, 120_000);
afterAll(async () => {
  process.env = saved;
  await bridge?.close();
  await api?.close();
});

describe("each locale through the built bundle and its own model", () => {
  it.each(PATHS)("$locale: the caution at first launch, a start by region, time left and stop, in its language", async (p) => {
    const alexa = alexaFor(bundle, api, { locale: p.locale, userId: `amzn1.ask.account.LOCALE-${p.locale}` });

    const launch = said(await alexa.launch());
    for (const word of p.caution) expect({ word, inCaution: launch.includes(word) }).toEqual({ word, inCaution: true });
    expect((await bridge.panel()).on).toBe(false);

    await alexa.utter(p.no);
    const start = await alexa.utter(p.start);
    expect(said(start)).toMatch(p.started);
    expect(ended(start)).toBe(true);
    expect(bridge.controller.status()[0]).toMatchObject({ on: true, region: "neck-shoulders" });

    expect(said(await alexa.utter(p.timeLeft))).toMatch(p.left);

    expect(said(await alexa.utter(p.stop))).toMatch(p.stopped);
    expect((await bridge.panel()).on).toBe(false);
  });
});
