/** The German samples of the session intents: start, stop, time left, dose status. */
import { phrases, unique } from "../phrases.js";
import type { IntentName } from "../shape.js";
import { FOR, MY } from "./region-phrases.js";

/** The region as the subject ("mein Nacken", "der mittlere Rücken"): "wie viel Licht hat mein Nacken bekommen". */
const NOM = ["{region}", "mein {region}", "meine {region}", "der {region}", "die {region}"];
const ON = ["auf {region}", "auf meinen {region}", "auf meine {region}", "auf den {region}", "auf die {region}"];
const SESSION = ["eine Sitzung", "eine Rotlicht Sitzung", "Rotlicht", "das Licht"];

export const GERMAN_SESSION_SAMPLES = {
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
    phrases(["ich möchte", "ich will", "ich hätte gern", "ich brauche", "lass uns"], SESSION, FOR, ["", "starten", "machen"]).filter((p) =>
      /^(ich hätte gern|ich brauche) /.test(p) ? !/(starten|machen)$/.test(p) : !p.startsWith("lass uns") || /(starten|machen)$/.test(p),
    ),
    phrases(["", "bitte"], ["schalte", "mach"], ["das Panel", "das Licht", "das Rotlicht"], FOR, "an", ["", "bitte"]),
    phrases(["", "bitte"], ["bestrahle", "behandle", "beleuchte"], MY, ["", "bitte", "jetzt"]),
    phrases(
      ["starte", "mach", "beginne"],
      ["eine {region} Sitzung", "die {region} Sitzung", "{region}", "meinen {region}", "meine {region}", "den {region}", "die {region}"],
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
    phrases(["", "bitte"], ["schalte", "mach"], ["das Panel", "das Licht", "das Rotlicht", "es", "alles"], "aus", ["", "bitte", "jetzt"]),
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
} satisfies Partial<Record<IntentName, readonly string[]>>;
