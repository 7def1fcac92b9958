/** The German (de-DE) interaction model's words, written for German speakers (not translated sample by sample). */

import type { Speech } from "../language/speech/index.js";
import { SYMPTOM_WORDS } from "../language/symptoms/index.js";
import { type LanguageSource, phrases, unique } from "./shape.js";

/** Determiners before a region, whatever its gender or number ("den Nacken", "meine Hüften"). */
const MY = ["{region}", "meinen {region}", "meine {region}", "mein {region}", "den {region}", "die {region}"];
const FOR = MY.map((r) => `für ${r}`);
/** The region as the subject ("mein Nacken", "der mittlere Rücken"): "wie viel Licht hat mein Nacken bekommen". */
const NOM = ["{region}", "mein {region}", "meine {region}", "der {region}", "die {region}"];
const ON = ["auf {region}", "auf meinen {region}", "auf meine {region}", "auf den {region}", "auf die {region}"];
const SESSION = ["eine Sitzung", "eine Rotlicht Sitzung", "Rotlicht", "das Licht"];

export function german(speech: Speech): LanguageSource {
  const r = speech.regionNames;
  return {
    invocationName: "bio licht",
    samples: {
      StartSessionIntent: unique(
        phrases(["", "bitte"], "schalte", ["das Panel", "das Licht", "das Rotlicht"], FOR, "ein"),
        phrases(["mach mal", "gib mir", "bitte", "mach"], ["Rotlicht", "Licht", "etwas Rotlicht", "etwas Licht"], [...FOR, ...ON]),
        phrases(["ich möchte", "ich will", "ich würde gern", "lass uns", "kannst du", "könntest du", "bitte"], MY, [
          "bestrahlen",
          "behandeln",
          "beleuchten",
          "machen",
        ]),
        phrases(["Rotlicht", "Licht"], "{region}", ["", "bitte"]),
        phrases(["{duration} Rotlicht", "{duration} Licht"], [...FOR, ...ON], ["", "bitte"]),
        phrases(["starte", "beginne", "mach"], SESSION, [...FOR, ...ON], ["", "bitte"]),
        phrases(["kannst du", "bitte"], SESSION, FOR, ["starten", "machen", "anmachen"]),
        phrases(["ich möchte", "ich will", "ich hätte gern", "ich brauche", "lass uns"], SESSION, FOR, ["", "starten", "machen"]).filter(
          (p) =>
            /^(ich hätte gern|ich brauche) /.test(p)
              ? !/(starten|machen)$/.test(p)
              : !p.startsWith("lass uns") || /(starten|machen)$/.test(p),
        ),
        phrases(["", "bitte"], ["schalte", "mach"], ["das Panel", "das Licht", "das Rotlicht"], FOR, "an", ["", "bitte"]),
        phrases(["", "bitte"], ["bestrahle", "behandle", "beleuchte"], MY, ["", "bitte", "jetzt"]),
        phrases(
          ["starte", "mach", "beginne"],
          [
            "eine {region} Sitzung",
            "die {region} Sitzung",
            "{region}",
            "meinen {region}",
            "meine {region}",
            "den {region}",
            "die {region}",
          ],
          ["", "bitte", "jetzt"],
        ),
        phrases(
          ["starte", "mach"],
          ["eine Sitzung für {region}", "{region}", "den {region}", "die {region}", "eine {region} Sitzung"],
          "für {duration}",
        ),
        phrases(["starte", "mach"], ["eine Sitzung für {region}", "den {region}", "die {region}"], "mit {distance} Zentimetern Abstand"),
        phrases(["Zeit für", "Rotlicht für", "Licht für", "eine Sitzung für"], MY, ["", "bitte"]),
        phrases(["", "bitte"], ["starte", "beginne"], ["eine Sitzung", "eine Rotlicht Sitzung", "Rotlicht", "die Sitzung"]),
        phrases(["", "bitte"], ["schalte", "mach"], ["das Panel", "das Licht", "das Rotlicht"], "an"),
        ["starte eine Sitzung für {duration}"],
        // Answers to "welcher Bereich?"
        [
          "{region}",
          "meinen {region}",
          "meine {region}",
          "den {region}",
          "die {region}",
          "{region} bitte",
          "den {region} bitte",
          "die {region} bitte",
        ],
      ),
      StopSessionIntent: unique(
        phrases(
          ["", "bitte"],
          ["stoppe", "stopp", "beende", "halte"],
          ["das Panel", "die Sitzung", "das Licht", "das Rotlicht", "es"],
          ["", "an", "bitte", "jetzt"],
        ).filter((p) => (/(^| )halte /.test(p) ? p.endsWith(" an") : !p.endsWith(" an"))),
        phrases(["", "bitte"], ["schalte", "mach"], ["das Panel", "das Licht", "das Rotlicht", "es", "alles"], "aus", [
          "",
          "bitte",
          "jetzt",
        ]),
        phrases(
          ["kannst du", "könntest du"],
          ["das Panel", "die Sitzung", "das Licht", "das Rotlicht", "es"],
          ["stoppen", "beenden", "anhalten", "ausschalten", "ausmachen"],
          ["", "bitte"],
        ),
        phrases(["", "bitte"], ["Panel", "Licht", "Rotlicht", "Sitzung"], ["aus", "stoppen", "beenden", "ausschalten"]),
        phrases(
          ["es ist", "es wird", "das ist", "es fühlt sich", "das wird"],
          ["", "viel", "etwas", "echt", "wirklich"],
          ["zu heiß", "zu warm"],
          ["", "an"],
        ).filter((p) => p.includes("fühlt sich") === p.endsWith(" an")),
        [
          "es brennt",
          "das brennt",
          "genug Licht",
          "das reicht",
          "das reicht für heute",
          "genug für heute",
          "ich habe genug",
          "ich will aufhören",
        ],
      ),
      TimeLeftIntent: unique(
        phrases("wie viele Minuten", ["sind noch übrig", "sind es noch", "bleiben noch"]),
        phrases(
          ["wie lange", "wie viel Zeit", "wie viele Minuten"],
          [
            "noch",
            "ist noch übrig",
            "bleibt noch",
            "läuft es noch",
            "läuft die Sitzung noch",
            "läuft das Panel noch",
            "habe ich noch",
            "dauert es noch",
            "dauert die Sitzung noch",
          ],
        ).filter(
          (p) =>
            !/^wie viele Minuten (ist noch übrig|bleibt noch|dauert)/.test(p) &&
            !/^wie viel Zeit (läuft|dauert)/.test(p) &&
            !/^wie lange (ist noch übrig|bleibt noch)$/.test(p),
        ),
        phrases("wie viel Zeit", ["bleibt noch", "ist noch übrig", "bleibt mir noch"]),
        phrases("wann", ["geht", "schaltet"], ["das Panel", "das Licht", "die Sitzung"], ["aus", "sich aus"]).filter(
          (p) => p.includes("schaltet") === p.endsWith("sich aus"),
        ),
        phrases("wann", ["ist", "endet"], ["die Sitzung", "meine Sitzung", "das Licht"], ["", "vorbei", "fertig", "zu Ende"]).filter(
          (p) => p.includes("endet") === /(Sitzung|Licht)$/.test(p),
        ),
        ["restzeit", "verbleibende Zeit", "wie lange noch bitte", "bin ich bald fertig", "ist es bald vorbei", "wie lange muss ich noch"],
      ),
      DoseStatusIntent: unique(
        phrases(
          ["wann kann ich", "wann darf ich", "kann ich", "darf ich"],
          MY,
          ["wieder", "noch einmal", "heute", "heute noch"],
          ["bestrahlen", "behandeln", "machen"],
        ),
        phrases(["wie viel Licht", "wie viel"], ["hat", "hatte"], NOM, ["", "heute", "schon"], "bekommen"),
        phrases(["wie viel Licht", "wie viel"], "ist noch", FOR, "übrig", ["", "heute"]),
        phrases(
          ["ist", "darf"],
          NOM,
          ["", "heute"],
          ["bereit für eine Sitzung", "wieder bereit", "noch eine Sitzung haben", "noch Licht bekommen"],
        ).filter((p) => p.startsWith("ist") === /bereit/.test(p)),
        phrases(["wie ist", "wie steht es um", "zeig mir", "prüfe"], ["die Dosis", "meine Dosis"], FOR, ["", "heute"]),
        phrases(
          [
            "wie viel Licht hatte ich",
            "wie viel habe ich verbraucht",
            "wie ist meine Dosis",
            "wie viel Licht ist noch übrig",
            "wie viel Licht darf ich noch",
          ],
          ["", "heute", "bisher"],
        ),
        phrases(["hat", "hatte"], NOM, ["genug Licht", "zu viel Licht", "sein Limit", "genug"], ["", "heute"]),
        phrases("wann ist", NOM, ["wieder bereit", "wieder dran", "wieder frei"]),
        [
          "wann kann ich wieder eine Sitzung machen",
          "wann ist die nächste Sitzung möglich",
          "was ist für heute noch übrig",
          "wann darf ich wieder",
        ],
      ),
      WorkoutDoneIntent: unique(
        phrases(
          ["ich war", "ich komme", "ich bin"],
          ["heute", "gerade", "eben", "vorhin"],
          ["beim {workout}", "vom {workout}", "im {workout}", "von der {workout}", "aus dem {workout}"],
        ),
        phrases(
          ["ich war", "ich bin gerade", "ich komme gerade", "ich komme", "bin gerade"],
          ["beim {workout}", "vom {workout}", "im {workout}", "{workout}"],
          ["", "heute", "gerade"],
        ).filter((p) => !/gerade .*gerade$/.test(p)),
        phrases(
          ["ich habe", "ich hab", "hab gerade", "ich habe gerade", "ich hab gerade"],
          ["{workout}", "ein {workout}", "eine {workout}"],
          ["gemacht", "hinter mir", "beendet"],
          ["", "heute"],
        ),
        phrases(
          ["ich bin", "bin"],
          ["fertig mit", "durch mit", "zurück vom", "zurück von", "gerade zurück vom", "gerade fertig mit"],
          ["{workout}", "dem {workout}", "der {workout}", "meinem {workout}"],
        ),
        [
          "ich habe gerade trainiert",
          "ich war gerade {workout}",
          "ich war eben {workout}",
          "ich war heute {workout}",
          "ich war trainieren",
          "ich habe Sport gemacht",
          "was soll ich nach {workout} machen",
          "nach dem {workout}",
          "nach {workout}",
        ],
      ),
      RoutineIntent: unique(
        phrases(["führ mich durch", "geh mit mir durch"], ["die Routine", "das Programm"], ["", ...FOR]),
        phrases(
          ["führe mich durch", "leite mich durch", "starte", "mach"],
          ["die Routine", "eine Routine", "das Programm", "die geführte Routine"],
          ["", ...FOR],
        ),
        phrases(["wie soll ich", "wie mache ich", "wie behandle ich"], MY, ["", "am besten"]).filter(
          (p) => !p.startsWith("wie mache ich") || !p.endsWith("besten"),
        ),
        phrases(["was ist", "erkläre mir", "sag mir"], ["die Routine", "die Schritte", "das Programm"], FOR),
        ["ich möchte die ganze Routine", "geführte Routine", "Routine für {region}"],
      ),
      ReadyIntent: [
        "fertig",
        "ich bin fertig",
        "bereit",
        "ich bin bereit",
        "weiter",
        "nächster Schritt",
        "los geht's",
        "mach weiter",
        "ich bin so weit",
        "okay weiter",
        "erledigt",
      ],
      LogSpasmIntent: unique(
        phrases(
          ["ich hatte", "ich hatte gerade", "ich hatte heute", "ich habe heute"],
          ["einen Krampf", "einen Muskelkrampf", "einen Spasmus"],
          ["im Rücken", "im Nacken", "im Bein", "in der Wade", "in der Schulter"],
        ),
        phrases(
          ["", "bitte"],
          ["notiere", "trage", "speichere", "vermerke", "protokolliere"],
          ["einen Krampf", "einen Muskelkrampf", "einen Rückenkrampf", "eine Verkrampfung", "einen Spasmus", "noch einen Krampf"],
          ["", "ein"],
        ).filter((p) => (p.startsWith("trage") || p.startsWith("bitte trage") ? p.endsWith(" ein") : !p.endsWith(" ein"))),
        phrases(
          ["ich hatte", "ich hatte gerade", "ich hab gerade", "ich habe", "ich hatte wieder"],
          ["einen Krampf", "einen Muskelkrampf", "einen Rückenkrampf", "einen Spasmus", "eine Verkrampfung"],
        ),
        phrases(
          "mein",
          ["Rücken", "Nacken", "Muskel", "Bein", "unterer Rücken"],
          ["hat sich verkrampft", "ist verkrampft", "hat gekrampft"],
        ),
      ),
      LogTendernessIntent: unique(
        phrases(["mein Knoten ist", "der Knoten ist", "die Empfindlichkeit ist", "der Druckschmerz ist"], "heute", [
          "{score}",
          "bei {score}",
          "eine {score}",
          "etwa {score}",
        ]),
        phrases(
          ["", "notiere", "vermerke"],
          ["Druckschmerz", "Empfindlichkeit", "den Knoten", "meinen Knoten", "die Verspannung"],
          ["{score}", "mit {score}", "bei {score}", "{score} von zehn"],
        ),
        phrases(
          [
            "mein Knoten ist",
            "der Knoten ist",
            "die Empfindlichkeit ist",
            "der Druckschmerz ist",
            "meine Verspannung ist",
            "mein Druckschmerz ist",
          ],
          ["", "etwa", "ungefähr", "so"],
          ["{score}", "eine {score}", "bei {score}", "{score} von zehn"],
          ["", "heute"],
        ),
        phrases(
          ["der Knoten in", "die Verspannung in", "der Druckschmerz in"],
          ["meinem {region}", "meinen {region}", "meiner {region}", "{region}"],
          "ist",
          ["{score}", "eine {score}", "bei {score}"],
        ),
        ["Empfindlichkeit notieren", "Druckschmerz notieren", "notiere meinen Druckschmerz", "bewerte meine Knoten"],
      ),
      LogRangeOfMotionIntent: unique(
        phrases(
          [
            "meine Beweglichkeit",
            "die Beweglichkeit",
            "mein Bewegungsumfang",
            "die Bewegung",
            "das Drehen des Kopfes",
            "das Bücken",
            "meine Mobilität",
          ],
          ["ist", "fühlt sich", "ist heute", "fühlt sich heute", "scheint"],
          "{change}",
          ["", "an"],
        ).filter((p) => p.includes("fühlt sich") === p.endsWith(" an")),
        phrases(["notiere", "vermerke"], ["Beweglichkeit", "meine Beweglichkeit", "Bewegungsumfang"], ["{change}", "als {change}"]),
        ["ich bin {change} beweglich", "ich kann mich {change} bewegen", "Beweglichkeit notieren"],
      ),
      ProgressIntent: unique(
        phrases(["wie komme ich voran", "wie geht's voran", "wie mache ich mich"], ["", "diese Woche", "bisher"]),
        phrases(
          [
            "wie geht es voran",
            "wie läuft es",
            "mache ich Fortschritte",
            "hilft es",
            "wirkt es",
            "werde ich besser",
            "geht es mir besser",
            "wie war meine Woche",
          ],
          ["", "diese Woche", "bisher", "in letzter Zeit", "diesen Monat"],
        ),
        phrases(
          ["zeig mir", "sag mir", "gib mir", "wie sind", "wie ist"],
          ["meine Fortschritte", "meinen Fortschritt", "meine Wochenübersicht", "meine Zusammenfassung", "meinen Wochenbericht"],
        ).filter(
          (p) => !p.startsWith("wie ist") || !p.includes("meine ") || p.endsWith("Zusammenfassung") || p.endsWith("Wochenübersicht"),
        ),
        ["Wochenübersicht", "vergleiche die Wochen", "wie war die letzte Woche", "wie war diese Woche"],
      ),
      RedFlagIntent: unique(
        phrases(
          [
            "ich habe",
            "ich hab",
            "ich bemerke",
            "ich habe plötzlich",
            "ich habe seit kurzem",
            "und wenn ich",
            "was ist wenn ich",
            "bei mir ist",
            "ich habe auch",
            "ich spüre",
            "ich habe gerade",
            "seit gestern habe ich",
            "seit ein paar Tagen habe ich",
          ],
          "{symptom}",
        ),
        ["{symptom}"],
        phrases(["was ist wenn ich", "und wenn ich"], "{symptom}", "habe"),
      ),
      FaqIntent: unique(
        phrases(["kann Rotlicht", "kann es", "hilft es gegen", "stoppt es"], ["{topic}"], ["", "stoppen", "ersetzen"]).filter((p) =>
          p.startsWith("kann") ? !p.endsWith("{topic}") : p.endsWith("{topic}"),
        ),
        phrases(
          ["brauche ich noch", "brauche ich trotzdem", "soll ich weiter zur", "soll ich weiter zum", "ersetzt es", "ersetzt das"],
          "{topic}",
        ),
        phrases(["kann ich es", "darf ich es", "kann ich das Panel", "soll ich es"], "{topic}", ["benutzen", "verwenden"]),
        ["was mache ich bei {topic}", "was tun bei {topic}", "was ist mit {topic}", "was hilft bei {topic}"],
      ),
      CautionIntent: unique(
        phrases(
          ["lies", "lies mir", "sag mir", "wiederhole", "erkläre mir", "erinnere mich an"],
          [
            "die Warnung",
            "die Warnhinweise",
            "die Sicherheitshinweise",
            "den Sicherheitscheck",
            "die Sicherheitsfragen",
            "die Warnsignale",
            "die Vorsichtsmaßnahmen",
            "die Risiken",
          ],
          ["", "noch einmal", "nochmal", "vor", "noch einmal vor", "nochmal vor"],
        ).filter((p) => (p.startsWith("lies") ? true : !p.endsWith(" vor"))),
        [
          "was sind die Warnsignale",
          "ist es sicher für mich",
          "ist Rotlicht sicher für mich",
          "wer sollte es nicht benutzen",
          "Sicherheitshinweise",
          "gibt es Risiken",
          "was sind die Risiken",
        ],
      ),
      IdentifyPersonIntent: [
        "ich bin {name}",
        "hier ist {name}",
        "hier spricht {name}",
        "das ist {name}",
        "mein Name ist {name}",
        "ich heiße {name}",
        "es ist {name}",
        "{name} hier",
        "für {forName}",
        "das ist für {forName}",
        "es ist für {forName}",
        "die Sitzung ist für {forName}",
      ],
      ForgetVoiceIntent: [
        "das bin ich nicht",
        "das bin nicht ich",
        "vergiss meine Stimme",
        "vergiss wer ich bin",
        "falsche Person",
        "du hast die falsche Person",
        "das ist nicht mein Name",
        "ich bin nicht {name}",
        "ich bin doch nicht {name}",
        "das ist nicht {name}",
      ],
      LinkBridgeIntent: unique(
        phrases(
          ["", "bitte"],
          ["verbinde", "verknüpfe", "koppel"],
          ["meine Bridge", "meine Bio Light Bridge", "mein Zuhause", "mein Konto", "die Bridge"],
        ),
        phrases(["", "bitte"], ["meine Bridge", "mein Zuhause", "mein Konto"], ["verbinden", "verknüpfen"]),
        ["gib mir einen Verbindungscode", "ich brauche einen Verbindungscode", "neuer Verbindungscode", "Verbindungscode"],
      ),
      UnlinkBridgeIntent: unique(
        phrases(
          ["", "bitte"],
          ["trenne", "entferne"],
          ["meine Bridge", "meine Bio Light Bridge", "mein Zuhause", "mein Konto", "die Bridge"],
        ),
        phrases(["", "bitte"], ["meine Bridge", "mein Konto"], ["trennen", "entfernen"]),
        ["vergiss meine Bridge"],
      ),
      "AMAZON.HelpIntent": ["was kann ich sagen", "was kannst du"],
      "AMAZON.FallbackIntent": [],
      "AMAZON.StopIntent": [],
      "AMAZON.CancelIntent": [],
      "AMAZON.NavigateHomeIntent": [],
      "AMAZON.YesIntent": ["ja bitte", "ja starte", "eins davon trifft zu", "einiges trifft zu", "ja eins"],
      "AMAZON.NoIntent": ["nichts davon", "nichts trifft zu", "keins davon", "nein keins", "nein nichts davon", "nein danke"],
    },
    types: {
      Region: {
        "neck-shoulders": {
          value: r["neck-shoulders"],
          synonyms: [
            "Nacken",
            "Schultern",
            "Schulter",
            "Hals",
            "Genick",
            "Nacken und Schulter",
            "Schultern und Nacken",
            "Trapezmuskel",
            "Schädelbasis",
            "obere Schultern",
            "Nackenbereich",
            "Schulterbereich",
            "steifer Nacken",
          ],
        },
        "mid-back": {
          value: r["mid-back"],
          synonyms: [
            "zwischen die Schulterblätter",
            "mittleren Rücken",
            "oberer Rücken",
            "oberen Rücken",
            "Mitte des Rückens",
            "Brustwirbelsäule",
            "Schulterblätter",
            "zwischen den Schulterblättern",
            "Rückenmitte",
            "mittlere Rücken",
            "obere Rücken",
            "BWS",
            "Brustwirbel",
          ],
        },
        "low-back-hips": {
          value: r["low-back-hips"],
          synonyms: [
            "unterer Rücken",
            "unteren Rücken",
            "untere Rücken",
            "Lendenwirbelsäule",
            "Lende",
            "Lendenbereich",
            "Hüften",
            "Hüfte",
            "Gesäß",
            "Po",
            "Kreuz",
            "Kreuzbein",
            "LWS",
            "Rücken und Hüfte",
            "unteren Rücken und Hüften",
            "unteren Rücken und die Hüften",
            "Lendenwirbel",
            "Steißbein",
            "Ischias",
          ],
        },
      },
      WorkoutKind: {
        legs: { value: "Beintraining", synonyms: ["Beine", "Beintag", "Kniebeugen", "Wandern", "einer Wanderung", "Wanderung", "Leg Day"] },
        run: {
          value: "Laufen",
          synonyms: [
            "Joggen",
            "einem Lauf",
            "Lauf",
            "Lauftraining",
            "Dauerlauf",
            "Marathontraining",
            "Sprints",
            "Laufen gewesen",
            "joggen",
          ],
        },
        cycling: {
          value: "Radfahren",
          synonyms: ["Rad", "einer Radtour", "Radtour", "Spinning", "Fahrrad fahren", "Rennrad", "Mountainbike"],
        },
        "upper-body": {
          value: "Oberkörpertraining",
          synonyms: ["Oberkörper", "Schwimmen", "Bankdrücken", "Armtraining", "Brust", "Krafttraining", "Hanteln"],
        },
        back: { value: "Rückentraining", synonyms: ["Rudern", "Klettern", "Bouldern", "Klimmzüge", "Rücken"] },
        "full-body": {
          value: "Training",
          synonyms: [
            "Fitnessstudio",
            "Gym",
            "Sport",
            "Ganzkörpertraining",
            "Crossfit",
            "Yoga",
            "Pilates",
            "Fußball",
            "Tennis",
            "einem Kurs",
            "Kurs",
            "Workout",
          ],
        },
        desk: {
          value: "einem langen Tag am Schreibtisch",
          synonyms: [
            "Schreibtisch",
            "Büro",
            "einem langen Bürotag",
            "Bürotag",
            "Computerarbeit",
            "langem Sitzen",
            "einer langen Autofahrt",
          ],
        },
      },
      Symptom: SYMPTOM_WORDS.de,
      RomChange: {
        better: { value: speech.romChanges.better, synonyms: ["besser", "leichter", "lockerer", "freier", "viel besser", "etwas besser"] },
        same: { value: speech.romChanges.same, synonyms: ["gleich", "unverändert", "wie immer", "keine Veränderung", "genauso"] },
        worse: { value: speech.romChanges.worse, synonyms: ["schlechter", "steifer", "fester", "etwas schlechter", "viel schlechter"] },
      },
      FaqTopic: {
        cramp: {
          value: "einen Krampf",
          synonyms: ["Krampf", "Krämpfe", "einen Muskelkrampf", "einen akuten Krampf", "einen plötzlichen Krampf"],
        },
        massage: {
          value: "Massage",
          synonyms: [
            "Massagen",
            "Physiotherapie",
            "Physio",
            "Krankengymnastik",
            "zur Massage",
            "zum Physiotherapeuten",
            "Physiotherapeuten",
          ],
        },
        daily: { value: "jeden Tag", synonyms: ["täglich", "täglich benutzen", "jeden einzelnen Tag", "ständig"] },
      },
    },
  };
}
