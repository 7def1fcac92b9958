/** The French samples of the session intents: start, stop, time left, dose status. */
import { phrases, unique } from "../phrases.js";
import type { IntentName } from "../shape.js";
import { FOR, MY } from "./region-phrases.js";

const SESSION = ["une séance", "une séance de lumière rouge", "la lumière rouge", "la lumière"];

export const FRENCH_SESSION_SAMPLES = {
  StartSessionIntent: unique(
    phrases(["mets", "fais moi", "lance moi", "mets moi"], ["une séance", "la lumière rouge"], FOR),
    phrases(["allume", "mets"], "le panneau", FOR, ["", "s'il te plaît"]),
    phrases(["{duration} de lumière", "{duration} de lumière rouge"], FOR, ["", "s'il te plaît"]),
    phrases(["lance", "démarre", "fais", "allume"], SESSION, FOR, ["", "s'il te plaît"]),
    phrases(["tu peux", "peux-tu", "on peut"], ["lancer", "faire", "allumer"], SESSION.slice(0, 3), FOR),
    phrases(
      ["je veux", "je voudrais", "j'aimerais", "j'ai besoin d'", "on va faire"],
      ["une séance", "de la lumière rouge", "un peu de lumière"],
      FOR,
      ["", "maintenant"],
    ).map((p) => p.replace("d' une", "d'une").replace("d' de", "de").replace("d' un", "d'un")),
    phrases(["", "s'il te plaît"], ["traite", "éclaire", "soulage", "fais", "lance"], MY, ["", "s'il te plaît", "maintenant"]),
    phrases(
      ["lance", "démarre", "fais"],
      ["une séance", "la séance"],
      [
        "pour {region}",
        "pour ma {region}",
        "pour mon {region}",
        "pour mes {region}",
        "pour le {region}",
        "pour la {region}",
        "pour les {region}",
      ],
      ["pendant {duration}", "de {duration}"],
    ),
    phrases(
      ["lance", "démarre"],
      ["une séance pour {region}", "une séance pour le {region}", "une séance pour la {region}"],
      "à {distance} centimètres",
    ),
    phrases(["c'est l'heure de", "place à"], ["{region}", "ma {region}", "mon {region}", "mes {region}"]),
    phrases(
      ["", "s'il te plaît"],
      ["lance", "démarre", "commence"],
      ["une séance", "la séance", "une séance de lumière rouge", "la lumière rouge"],
    ),
    phrases(["allume", "mets"], ["le panneau", "la lumière", "la lumière rouge"]),
    ["lance une séance de {duration}"],
    // After "demande à bio lumière de …".
    phrases(["lancer", "démarrer", "faire"], ["une séance", "une séance de lumière rouge"], FOR),
    // Answers to "quelle zone ?"
    ["{region}", "ma {region}", "mon {region}", "mes {region}", "le {region}", "la {region}", "les {region}", "{region} s'il te plaît"],
  ),
  StopSessionIntent: unique(
    phrases(
      ["", "s'il te plaît", "tu peux", "je veux"],
      ["arrête", "arrêter", "éteins", "éteindre", "stoppe", "stopper", "termine", "terminer", "coupe", "couper"],
      ["le panneau", "la séance", "la lumière", "la lumière rouge", "ça", "tout"],
      ["", "maintenant", "s'il te plaît"],
    ).filter((p) => {
      const infinitive = /(arrêter|éteindre|stopper|terminer|couper)/.test(p);
      return /^(tu peux|je veux)/.test(p) === infinitive;
    }),
    phrases(["c'est", "ça devient", "c'est beaucoup", "c'est un peu", "ça chauffe", "je trouve ça"], ["trop chaud", "trop chaude"]),
    phrases(["arrêter", "éteindre", "couper"], ["le panneau", "la séance", "la lumière"]),
    [
      "ça brûle",
      "ça chauffe trop",
      "ça suffit",
      "c'est bon ça suffit",
      "assez de lumière",
      "j'en ai assez",
      "ça suffit pour aujourd'hui",
      "éteins-le",
      "coupe-le",
      "arrête-la",
    ],
  ),
  TimeLeftIntent: unique(
    phrases("dans combien de temps", [
      "ça s'arrête",
      "ça se termine",
      "c'est fini",
      "le panneau s'éteint",
      "la séance se termine",
      "ça s'éteint",
      "la lumière s'éteint",
    ]),
    phrases(
      ["combien de temps", "combien de minutes", "il reste combien de temps", "il reste combien de minutes"],
      ["", "reste-t-il", "il reste", "encore"],
      ["", "sur la séance", "sur le panneau"],
    ).filter((p) => !(p.startsWith("il reste") && /(reste-t-il|il reste)/.test(p.slice(9)))),
    phrases("quand est-ce que", ["le panneau", "la séance", "la lumière"], ["s'éteint", "se termine", "s'arrête", "finit"]),
    phrases(["quand", "à quelle heure"], ["s'éteint", "se termine", "finit", "s'arrête"], ["le panneau", "la séance", "la lumière"]),
    [
      "temps restant",
      "c'est bientôt fini",
      "ça finit quand",
      "la séance finit quand",
      "j'en ai encore pour combien de temps",
      "encore combien de temps",
    ],
  ),
  DoseStatusIntent: unique(
    phrases(["quand est-ce que je pourrai", "quand pourrai-je"], ["refaire", "traiter", "faire"], MY, ["", "à nouveau"]),
    phrases(
      ["quand est-ce que je peux", "quand puis-je", "est-ce que je peux", "je peux"],
      ["refaire", "traiter", "éclairer", "faire"],
      MY,
      ["", "à nouveau", "aujourd'hui", "encore aujourd'hui"],
    ),
    phrases("combien de lumière", ["a reçu", "reste pour", "peut encore recevoir"], MY, ["", "aujourd'hui"]),
    phrases(["quelle est la dose", "où en est la dose", "vérifie la dose", "montre-moi la dose"], ["pour", "de", "sur"], MY, [
      "",
      "aujourd'hui",
    ]),
    phrases(
      ["est-ce que", ""],
      MY,
      [
        "a eu assez de lumière",
        "a eu trop de lumière",
        "peut avoir une autre séance",
        "est prêt pour une séance",
        "est prête pour une séance",
      ],
      ["", "aujourd'hui"],
    ),
    phrases(
      ["quelle est ma dose", "combien de lumière j'ai eu", "combien il me reste", "combien de lumière il me reste", "où en est ma dose"],
      ["", "aujourd'hui", "jusqu'ici"],
    ),
    [
      "quand puis-je refaire une séance",
      "quand la prochaine séance est-elle possible",
      "quand est-ce que je peux recommencer",
      "il me reste quoi pour aujourd'hui",
    ],
  ),
} satisfies Partial<Record<IntentName, readonly string[]>>;
