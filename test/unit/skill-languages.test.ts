/** The speech catalogues: the same keys in every language, and numbers, lengths and times said as each language says them. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { WITHDRAW_REASONS } from "../../lambda/flows/caution.js";
import { parseDurationSeconds } from "../../lambda/language/slots.js";
import { minutesPhrase as de, deDE, whenPhrase as deWhen } from "../../lambda/language/speech/de-DE.js";
import { enUS, type Speech, type SpokenRedFlag } from "../../lambda/language/speech/en-US.js";
import { minutesPhrase as es, esES, whenPhrase as esWhen } from "../../lambda/language/speech/es-ES.js";
import { minutesPhrase as fr, frFR, whenPhrase as frWhen } from "../../lambda/language/speech/fr-FR.js";
import { SKILL_LOCALES, speechFor } from "../../lambda/language/speech/index.js";
import { minutesPhrase as it_, itIT, whenPhrase as itWhen } from "../../lambda/language/speech/it-IT.js";
import { counted } from "../../lambda/language/speech/words.js";
import { numberWordsIn, parseNumberWords } from "../../lambda/language/spoken-numbers/de-fr-es-it.js";
import { isSymptomPhrase } from "../../lambda/language/symptoms/index.js";

const skillJson: unknown = JSON.parse(readFileSync(new URL("../../models/skill.json", import.meta.url), "utf8"));

// @ts-expect-error a catalogue missing one of en-US's keys does not compile
const missing: Speech = (({ goodbye: _goodbye, ...rest }) => rest)(deDE);

/** Every key path of a catalogue, functions and strings alike: "faq.cramp.answer", "screen.title". */
const keys = (o: object, prefix = ""): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" && !Array.isArray(v) ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe("speech catalogues", () => {
  it("every locale has exactly en-US's keys (the compiler checks it too)", () => {
    expect(missing).toBeDefined();
    for (const locale of SKILL_LOCALES)
      expect({ locale, keys: keys(speechFor(locale)).sort() }).toEqual({ locale, keys: keys(enUS).sort() });
  });

  it("a request locale of a language the skill speaks gets that language (de-AT German, fr-CA French)", () => {
    expect(speechFor("de-AT")).toBe(deDE);
    expect(speechFor("fr-CA")).toBe(frFR);
    expect(speechFor("es-MX")).toBe(esES);
    expect(speechFor("ja-JP")).toBe(enUS);
  });

  it("each language names the regions in everyday words", () => {
    expect(deDE.regionNames["neck-shoulders"]).toBe("Nacken und Schultern");
    expect(frFR.regionNames["neck-shoulders"]).toBe("nuque et épaules");
    expect(esES.regionNames["neck-shoulders"]).toBe("cuello y hombros");
    expect(itIT.regionNames["neck-shoulders"]).toBe("collo e spalle");
  });

  it("keeps the wellness-not-treatment wording and every red flag in every language's caution", () => {
    const checks: Array<[Speech, string[]]> = [
      [
        deDE,
        [
          "ersetzt keine Fachperson",
          "keine medizinische Beratung",
          "das Gesicht, die Zunge oder das Schlucken",
          "deutliche Schwäche, Taubheitsgefühle",
          "Blase oder Darm",
          "Fieber",
          "Gewichtsverlust",
          "schwere Vorerkrankung zusammen mit neuen Schmerzen",
          "lichtempfindlich",
        ],
      ],
      [
        frFR,
        ["ne remplace pas un professionnel", "pas un avis médical", "le visage, la langue", "vessie", "fièvre", "sensible à la lumière"],
      ],
      [esES, ["ni sustituye a un profesional", "No es consejo médico", "la cara, la lengua", "vejiga", "fiebre", "sensible a la luz"]],
      [
        itIT,
        [
          "non sostituisce un professionista",
          "Non è un consiglio medico",
          "il viso, la lingua o la deglutizione",
          "una debolezza importante, intorpidimento",
          "vescica o dell'intestino",
          "febbre",
          "perdita di peso",
          "malattie gravi insieme a un dolore nuovo",
          "sensibile alla luce",
        ],
      ],
    ];
    for (const [s, words] of checks) for (const w of words) expect({ w, in: s.caution().includes(w) }).toEqual({ w, in: true });
  });

  describe.each([
    {
      locale: "de-DE",
      s: deDE,
      single: "Es ist noch offen und gilt für alle: ein Warnsignal, vom Dashboard.",
      many: "Es sind noch drei Warnsignale offen, das neueste zuerst. Für dich: Rückenschmerzen seit gestern. Dann für anna: Fieber. Dann für alle.",
    },
    {
      locale: "it-IT",
      s: itIT,
      single: "La segnalazione è ancora aperta e vale per tutti: ein Warnsignal, vom Dashboard.",
      many: "Ci sono ancora tre segnalazioni aperte, dalla più recente. Per te: Rückenschmerzen seit gestern. Poi per anna: Fieber. Poi per tutti.",
    },
  ])("$locale says the bridge's open red flags when the caution is withdrawn, as en-US does", ({ s, single, many }) => {
    const flags: SpokenRedFlag[] = [
      { who: "you", reason: "Rückenschmerzen seit gestern." },
      { who: "anna", reason: "Fieber" },
      { who: null, reason: null },
    ];

    it("each one: for whom and what was reported, newest first, counted in words", () => {
      expect(enUS.cautionWithdrawn(flags)).toContain("There are three red flags still open, newest first:");
      expect(s.cautionWithdrawn([{ who: null, reason: "ein Warnsignal, vom Dashboard" }])).toContain(single);
      expect(s.cautionWithdrawn(flags)).toContain(many);
      // Said between the pause and the caution, and nothing said when there are none.
      expect(s.cautionWithdrawn(flags).startsWith(s.cautionWithdrawn([]).split(". ")[0])).toBe(true);
      expect(s.cautionWithdrawn()).toBe(s.cautionWithdrawn([]));
      expect(s.cautionWithdrawn([])).not.toMatch(/für alle|per tutti/);
    });

    it("the skill's own reasons in the language, not the bridge's English", () => {
      for (const reason of Object.values(WITHDRAW_REASONS)) {
        const text = s.cautionWithdrawn([{ who: null, reason }]);
        expect(text).not.toContain(reason);
        expect(text).toMatch(/Alexa-Skill|skill Alexa/);
      }
    });
  });

  it("reads a caution the bridge words differently (a newer version) in the bridge's words, never a stale translation", () => {
    const newer = "Before your first session, a NEW safety check.";
    expect(deDE.caution(newer)).toContain(newer);
    expect(frFR.caution(newer)).toContain(newer);
    expect(deDE.caution()).not.toContain("Before your first session");
  });
});

describe("numbers, lengths and times in words", () => {
  it("says lengths as each language does", () => {
    expect(de(600)).toBe("zehn Minuten");
    expect(de(60)).toBe("eine Minute");
    expect(de(30)).toBe("dreißig Sekunden");
    expect(de(450)).toBe("etwa siebeneinhalb Minuten");
    expect(fr(600)).toBe("dix minutes");
    expect(fr(60)).toBe("une minute");
    expect(fr(450)).toBe("environ sept minutes et demie");
    expect(es(600)).toBe("diez minutos");
    expect(es(21 * 60)).toBe("veintiún minutos");
    expect(it_(600)).toBe("dieci minuti");
    expect(it_(90)).toBe("circa un minuto e mezzo");
    expect(deWhen(3 * 3600)).toBe("in etwa drei Stunden");
    expect(frWhen(3 * 3600)).toBe("dans environ trois heures");
    expect(itWhen(2 * 3600)).toBe("tra circa due ore");
  });

  it("German and Italian say averages, counts, elisions and regions after a preposition as the language does", () => {
    const week = { sessionsThisWeek: 1, sessionsBefore: 2.5, spasmsThisWeek: 1, spasmsBefore: 0.3, weeksTracked: 4 };
    expect(deDE.progress(week)).toContain("gegenüber zwei Komma fünf pro Woche");
    expect(itIT.progress(week)).toContain("una media di due virgola cinque a settimana");
    expect(itIT.progress(week)).toContain("uno spasmo annotato");
    expect(deDE.spasmLogged(1, 7)).toContain("Das ist der erste in den letzten sieben Tagen.");
    expect(itIT.spasmLogged(1, 7)).toContain("È il primo negli ultimi sette giorni.");
    expect(itIT.doseRegion("mid-back", 8, 100, null)).toMatch(/^Per la zona dorsale è stato usato l'otto per cento /);
    expect(itIT.doseRegion("low-back-hips", 20, 100, null)).toMatch(/^Per la zona lombare e i fianchi è stato usato il venti per cento /);
    expect(deDE.timeLeft(600, "mid-back")).toMatch(/^Deine Sitzung für den mittleren Rücken läuft noch zehn Minuten\./);
    expect(deDE.refusals.REST_INTERVAL({ region: "low-back-hips", minSessionSeconds: 60 })).toMatch(
      /^Für den unteren Rücken und die Hüften gab es vor Kurzem eine Sitzung/,
    );
    expect(itIT.workoutRest(["mid-back"])).toContain("La zona dorsale ha già avuto luce");
    expect(itIT.workoutRest(["neck-shoulders"])).toContain("Il collo e le spalle hanno già avuto luce");
    expect(itIT.doseOverall([{ region: "mid-back", percent: 10 }], 12, 1)).toContain("e resta ancora un minuto.");
  });

  it("numbers both ways in German, French, Spanish and Italian", () => {
    const cases: Array<[Parameters<typeof numberWordsIn>[0], number, string]> = [
      ["de", 21, "einundzwanzig"],
      ["de", 105, "hundertfünf"],
      ["fr", 71, "soixante et onze"],
      ["fr", 80, "quatre-vingts"],
      ["fr", 95, "quatre-vingt-quinze"],
      ["es", 45, "cuarenta y cinco"],
      ["es", 100, "cien"],
      ["it", 28, "ventotto"],
      ["it", 23, "ventitré"],
    ];
    for (const [language, n, words] of cases) {
      expect(numberWordsIn(language, n)).toBe(words);
      expect(parseNumberWords(words)).toBe(n);
    }
  });

  it("hears a spoken length in every language (virtual-alexa sends the words)", () => {
    expect(parseDurationSeconds("zehn Minuten")).toBe(600);
    expect(parseDurationSeconds("dix minutes")).toBe(600);
    expect(parseDurationSeconds("quince minutos")).toBe(900);
    expect(parseDurationSeconds("dieci minuti")).toBe(600);
    expect(parseDurationSeconds("ten minutes")).toBe(600);
    expect(parseDurationSeconds("zehn Bananen")).toBeUndefined();
  });

  it("a red flag heard as a name is known in every language", () => {
    for (const phrase of [
      "Fieber",
      "de la fièvre",
      "fiebre",
      "febbre",
      "a fever",
      "Taubheitsgefühl",
      "einen heftigen Krampf",
      "un crampo violento",
    ])
      expect({ phrase, symptom: isSymptomPhrase(phrase) }).toEqual({ phrase, symptom: true });
  });
});

describe("French and Spanish, as the second reader fixed them (issue 23 review)", () => {
  const flags = [
    { who: "you", reason: `${WITHDRAW_REASONS.cautionYes}.` },
    { who: "anna", reason: "a red flag, from the dashboard" },
    { who: null, reason: WITHDRAW_REASONS.symptom },
  ];

  it.each([
    [
      "fr-FR",
      frFR,
      [
        "Trois signes d'alerte sont toujours actifs, du plus récent au plus ancien : pour vous : quelqu'un a répondu oui au contrôle de sécurité dans la skill Alexa.",
        "Puis, pour anna, avec ce motif en anglais : a red flag, from the dashboard.",
        "Puis, pour tout le monde : un symptôme d'alerte a été signalé à la skill Alexa.",
      ],
      "Ce signe d'alerte est toujours actif, pour tout le monde.",
    ],
    [
      "es-ES",
      esES,
      [
        "Hay tres señales de alarma todavía activas, de la más reciente a la más antigua: para ti: alguien ha respondido que sí a la comprobación de seguridad en la skill de Alexa.",
        "Después, para anna, con este motivo en inglés: a red flag, from the dashboard.",
        "Después, para todos: se ha avisado de un síntoma de alarma en la skill de Alexa.",
      ],
      "Esa señal de alarma sigue activa, para todos.",
    ],
  ] as const)(
    "%s: a withdrawn caution says every open red flag, newest first: for whom and what was reported",
    (_locale, s, said, single) => {
      const withFlags = s.cautionWithdrawn(flags);
      for (const sentence of said) expect({ sentence, said: withFlags.includes(sentence) }).toEqual({ sentence, said: true });
      // The skill's own reasons are said in the language, never in the bridge's English.
      for (const english of Object.values(WITHDRAW_REASONS)) expect(withFlags).not.toContain(english);
      expect(s.cautionWithdrawn([{ who: null, reason: null }])).toContain(single);
      // Without flags, only the notice (as before).
      expect(s.cautionWithdrawn([])).not.toMatch(/toujours actif|sigue activa|todavía activas/);
    },
  );

  it("French: Alexa speaks of herself in the feminine, 'one' agrees with feminine nouns, and regions take their articles", () => {
    expect(frFR.unreachable()).toMatch(/^Désolée,/);
    expect(frFR.fallback()).toMatch(/^Désolée,/);
    expect(frFR.error()).toMatch(/^Désolée,/);
    expect(fr(21 * 60)).toBe("vingt et une minutes");
    expect(frWhen(21 * 60)).toBe("dans environ vingt et une minutes");
    expect(frWhen(21 * 3600)).toBe("dans environ vingt et une heures");
    expect(frFR.badDuration({ minSeconds: 60, maxSeconds: 1200 })).toContain("entre une et vingt minutes");
    expect(frFR.refusals.REGION_LIMIT({ region: "neck-shoulders", minSessionSeconds: 60 })).toMatch(/^Pour la nuque et les épaules,/);
    expect(
      frFR.started({ seconds: 600, region: "mid-back", requested: 900, reductions: ["SESSION_MAX_SECONDS"], timerSet: true }),
    ).toContain(
      "Je lance votre séance de dix minutes pour le milieu du dos. Je l'ai raccourcie, au lieu de quinze minutes, parce qu'une séance dure au maximum dix minutes.",
    );
    expect(frFR.workoutRest(["mid-back"])).toContain("Le milieu du dos a déjà reçu de la lumière récemment et a besoin d'une pause");
    expect(frFR.workoutRest(["neck-shoulders"])).toContain("La nuque et les épaules ont déjà reçu");
    expect(frFR.voiceIsSomeoneElse("Anna")).toContain("celle d'Anna");
    expect(frFR.redFlagPaused()).not.toContain("aura pas été répondu");
    expect(frFR.romLogged("better")).toBe("C'est noté : votre mobilité est meilleure.");
  });

  it("Spanish: 'one' shortens before a noun in every length, the verb agrees, and o becomes u before an o sound", () => {
    expect(esWhen(21 * 60)).toBe("en unos veintiún minutos");
    expect(es(90)).toBe("alrededor de un minuto y medio");
    expect(esES.timeLeft(60, "neck-shoulders")).toMatch(/^A tu sesión de cuello y hombros le queda un minuto\./);
    expect(esES.timeLeft(600, "neck-shoulders")).toMatch(/le quedan diez minutos\./);
    expect(esES.refusals.REGION_LIMIT({ region: "low-back-hips", minSessionSeconds: 60 })).toMatch(/^Para la zona lumbar y las caderas /);
    expect(esES.whoIsItFor(["Eva", "Óscar"])).toContain("Eva u Óscar");
    expect(esES.whoIsThisVoice(["Ana", "Olga"])).toContain("Ana u Olga");
    expect(esES.routineReprompt()).not.toContain("para para");
    expect(esES.error()).not.toContain("para para");
  });

  it("averages are said with a decimal comma, and none as none", () => {
    const week = { weeksTracked: 2, sessionsThisWeek: 0, sessionsBefore: 2.5, spasmsThisWeek: 0, spasmsBefore: 1, tenderThisWeek: 4.5 };
    expect(frFR.progress(week)).toContain("vous n'avez fait aucune séance, contre deux virgule cinq par semaine");
    expect(frFR.progress(week)).toContain("aucun spasme noté");
    expect(frFR.progress(week)).toContain("quatre virgule cinq");
    expect(esES.progress(week)).toContain("no has hecho ninguna sesión, frente a dos coma cinco por semana");
    expect(esES.progress(week)).toContain("ningún espasmo anotado");
    expect(esES.progress(week)).toContain("cuatro coma cinco");
  });

  it("the store texts speak of the light a region already had today, not of daylight", () => {
    const locales = (skillJson as { manifest: { publishingInformation: { locales: Record<string, { description: string }> } } }).manifest
      .publishingInformation.locales;
    expect(locales["fr-FR"].description).not.toContain("lumière du jour");
    expect(locales["es-ES"].description).not.toContain("luz del día");
  });
});

describe("every catalogue", () => {
  it("shortens a final 'one' before a noun in Spanish and Italian, and agrees in French", () => {
    expect(counted("it", 21, "minuto", "minuti", "m")).toBe("ventun minuti");
    expect(counted("it", 31, "ora", "ore", "f")).toBe("trentuna ore");
    expect(counted("es", 21, "minuto", "minutos", "m")).toBe("veintiún minutos");
    expect(counted("fr", 21, "minute", "minutes", "f")).toBe("vingt et une minutes");
  });

  it.each(SKILL_LOCALES)("%s says every open red flag when sessions are paused, the free-text reason included", (locale) => {
    const said = speechFor(locale).cautionWithdrawn([
      { who: null, reason: "felt dizzy after the gym" },
      { who: "anna", reason: "sudden numbness in the leg" },
    ]);
    expect(said).toContain("felt dizzy after the gym");
    expect(said).toContain("sudden numbness in the leg");
    expect(said).toContain("anna");
  });

  it("says since when the bridge is offline, in each language's own words", () => {
    const said = (locale: (typeof SKILL_LOCALES)[number]) => speechFor(locale).bridgeOffline(20 * 60);
    expect(said("en-US")).toBe("Your Bio Light bridge is offline since about 20 minutes ago; nothing was started.");
    expect(said("de-DE")).toBe("Deine Bio Licht Bridge ist seit etwa zwanzig Minuten offline. Es wurde nichts gestartet.");
    expect(said("fr-FR")).toBe("Votre bridge Bio Lumière est hors ligne depuis environ vingt minutes. Rien n'a été lancé.");
    expect(said("es-ES")).toBe("Tu bridge de Bio Luz está desconectado desde hace unos veinte minutos. No se ha empezado nada.");
    expect(said("it-IT")).toBe("Il tuo bridge Bio Luce è offline da circa venti minuti. Non è stato avviato niente.");
    for (const locale of SKILL_LOCALES) expect(speechFor(locale).bridgeOffline()).not.toMatch(/since|seit|depuis|desde|da circa/);
  });
});
