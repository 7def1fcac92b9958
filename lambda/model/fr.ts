/** The French (fr-FR) interaction model's words, written for French speakers (not translated sample by sample). */
import type { Speech } from "../language/speech/index.js";
import { SYMPTOM_WORDS } from "../language/symptoms/index.js";
import { type LanguageSource, phrases, unique } from "./shape.js";

/** Determiners before a region, whatever its gender or number ("ma nuque", "le bas du dos", "mes hanches"). */
const MY = ["{region}", "ma {region}", "mon {region}", "mes {region}", "le {region}", "la {region}", "les {region}"];
const FOR = [...MY.map((r) => `pour ${r}`), ...MY.map((r) => `sur ${r}`)];
const SESSION = ["une séance", "une séance de lumière rouge", "la lumière rouge", "la lumière"];

export function french(speech: Speech): LanguageSource {
  const r = speech.regionNames;
  return {
    invocationName: "bio lumière",
    samples: {
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
          [
            "quelle est ma dose",
            "combien de lumière j'ai eu",
            "combien il me reste",
            "combien de lumière il me reste",
            "où en est ma dose",
          ],
          ["", "aujourd'hui", "jusqu'ici"],
        ),
        [
          "quand puis-je refaire une séance",
          "quand la prochaine séance est-elle possible",
          "quand est-ce que je peux recommencer",
          "il me reste quoi pour aujourd'hui",
        ],
      ),
      WorkoutDoneIntent: unique(
        phrases(
          ["je rentre", "je reviens", "je sors", "je suis rentré", "je suis rentrée", "je viens de rentrer"],
          ["du {workout}", "de la {workout}", "de {workout}", "de mon {workout}", "de ma {workout}"],
        ),
        phrases(
          [
            "je viens de faire",
            "j'ai fait",
            "je viens de finir",
            "j'ai fini",
            "je rentre de",
            "je reviens de",
            "je sors de",
            "je suis allé à",
            "je suis allée à",
            "j'étais à",
            "je suis allé faire",
            "je suis allée faire",
          ],
          ["{workout}", "mon {workout}", "ma {workout}", "du {workout}", "de la {workout}", "un {workout}", "une {workout}"],
          ["", "aujourd'hui", "ce matin", "ce soir"],
        ),
        [
          "je viens de m'entraîner",
          "je me suis entraîné",
          "je me suis entraînée",
          "que faire après {workout}",
          "après {workout}",
          "après le {workout}",
          "après la {workout}",
        ],
      ),
      RoutineIntent: unique(
        phrases(
          ["guide-moi dans", "accompagne-moi dans", "lance", "fais", "commence"],
          ["la routine", "une routine", "la routine guidée", "le programme"],
          ["", "pour {region}", "pour ma {region}", "pour mon {region}", "pour mes {region}", "pour le {region}", "pour la {region}"],
        ),
        phrases(["comment je fais", "comment traiter", "comment m'occuper de", "comment soulager"], MY),
        [
          "quelle est la routine pour {region}",
          "explique-moi la routine pour {region}",
          "routine pour {region}",
          "je veux la routine complète",
        ],
      ),
      ReadyIntent: [
        "prêt",
        "prête",
        "je suis prêt",
        "je suis prête",
        "suivant",
        "étape suivante",
        "c'est fait",
        "j'ai fini",
        "on y va",
        "on continue",
        "continue",
        "ok suivant",
        "allons-y",
      ],
      LogSpasmIntent: unique(
        phrases(
          ["", "s'il te plaît"],
          ["note", "enregistre", "ajoute", "garde en mémoire"],
          [
            "un spasme",
            "un spasme musculaire",
            "une crampe",
            "une crampe musculaire",
            "un spasme au dos",
            "une contracture",
            "encore un spasme",
          ],
        ),
        phrases(
          ["j'ai eu", "je viens d'avoir", "j'ai encore eu", "j'ai fait"],
          ["un spasme", "un spasme musculaire", "une crampe", "une contracture", "un spasme au dos"],
        ),
        phrases(
          "mon",
          ["dos", "cou", "muscle", "bas du dos", "mollet"],
          ["s'est contracté", "s'est bloqué", "a fait un spasme", "s'est crispé"],
        ),
      ),
      LogTendernessIntent: unique(
        phrases(
          ["", "note", "enregistre"],
          ["sensibilité", "la sensibilité", "le nœud", "mon nœud", "la douleur du nœud", "mes nœuds"],
          ["{score}", "à {score}", "de {score}", "{score} sur dix"],
        ),
        phrases(
          ["mon nœud est à", "le nœud est à", "la sensibilité est à", "mes nœuds sont à", "la tension est à"],
          ["", "environ", "à peu près"],
          ["{score}", "{score} sur dix"],
          ["", "aujourd'hui"],
        ),
        phrases(
          ["le nœud", "la sensibilité", "la tension"],
          ["dans ma {region}", "dans mon {region}", "dans le {region}", "dans la {region}", "de ma {region}", "de mon {region}"],
          "est à",
          ["{score}", "{score} sur dix"],
        ),
        ["note ma sensibilité", "enregistre la sensibilité", "évalue mes nœuds"],
      ),
      LogRangeOfMotionIntent: unique(
        phrases(
          [
            "ma mobilité",
            "la mobilité",
            "mon amplitude de mouvement",
            "l'amplitude",
            "mes mouvements",
            "tourner la tête",
            "me pencher",
            "ma souplesse",
          ],
          ["est", "semble", "est aujourd'hui", "c'est", "me semble"],
          "{change}",
        ).filter((p) => !/^(tourner la tête|me pencher) (est|semble|me semble)/.test(p)),
        phrases(["note", "enregistre"], ["ma mobilité", "la mobilité", "mon amplitude"], ["{change}", "comme {change}"]),
        ["je bouge {change}", "je me sens {change} pour bouger", "note ma mobilité"],
      ),
      ProgressIntent: unique(
        phrases(
          [
            "comment ça avance",
            "où j'en suis",
            "est-ce que je progresse",
            "est-ce que ça marche",
            "est-ce que ça m'aide",
            "est-ce que je vais mieux",
            "comment ça se passe",
            "comment s'est passée ma semaine",
          ],
          ["", "cette semaine", "jusqu'ici", "ces derniers temps", "ce mois-ci"],
        ),
        phrases(
          ["montre-moi", "donne-moi", "dis-moi", "lis-moi", "quel est"],
          ["mes progrès", "mon bilan", "mon bilan de la semaine", "mon résumé", "mon rapport"],
        ).filter((p) => !p.startsWith("quel est") || !p.includes("mes ")),
        ["bilan de la semaine", "compare les semaines", "comment était la semaine dernière", "comment était cette semaine"],
      ),
      RedFlagIntent: unique(
        phrases(["j'ai", "j'ai remarqué", "je remarque", "j'ai soudain", "j'ai aussi", "et si j'ai", "je ressens", "il y a"], "{symptom}"),
        ["{symptom}"],
      ),
      FaqIntent: unique(
        phrases(
          ["est-ce que la lumière rouge peut", "est-ce que ça peut", "ça peut", "la lumière rouge peut"],
          ["arrêter", "remplacer", "soulager"],
          "{topic}",
        ),
        phrases(
          [
            "est-ce que j'ai encore besoin de",
            "j'ai encore besoin de",
            "est-ce que je dois continuer",
            "est-ce que ça remplace",
            "ça remplace",
          ],
          "{topic}",
        ),
        phrases(
          ["je peux l'utiliser", "est-ce que je peux l'utiliser", "je peux utiliser le panneau", "est-ce qu'on peut l'utiliser"],
          "{topic}",
        ),
        ["que faire en cas de {topic}", "que faire pour {topic}", "et pour {topic}", "et {topic}", "qu'est-ce que je fais pour {topic}"],
      ),
      CautionIntent: unique(
        phrases(
          ["relis", "relis-moi"],
          [
            "la mise en garde",
            "les mises en garde",
            "les consignes de sécurité",
            "l'avertissement",
            "les signaux d'alerte",
            "les signes d'alerte",
            "les précautions",
          ],
        ),
        phrases(
          ["lis", "lis-moi", "dis-moi", "répète", "rappelle-moi", "redis-moi"],
          [
            "la mise en garde",
            "les mises en garde",
            "les consignes de sécurité",
            "l'avertissement",
            "le contrôle de sécurité",
            "les signaux d'alerte",
            "les signes d'alerte",
            "les précautions",
            "les risques",
          ],
          ["", "encore", "à nouveau"],
        ),
        [
          "quels sont les signaux d'alerte",
          "quels sont les signes d'alerte",
          "quels sont les risques",
          "est-ce sans danger pour moi",
          "est-ce que c'est sûr pour moi",
          "qui ne doit pas l'utiliser",
          "consignes de sécurité",
        ],
      ),
      IdentifyPersonIntent: [
        "c'est {name}",
        "ici {name}",
        "je suis {name}",
        "moi c'est {name}",
        "je m'appelle {name}",
        "c'est moi {name}",
        "{name} ici",
        "pour {forName}",
        "c'est pour {forName}",
        "la séance est pour {forName}",
        "c'est pour {forName} cette fois",
      ],
      ForgetVoiceIntent: [
        "ce n'est pas moi",
        "c'est pas moi",
        "oublie ma voix",
        "oublie qui je suis",
        "tu te trompes de personne",
        "mauvaise personne",
        "ce n'est pas mon nom",
        "je ne suis pas {name}",
        "je suis pas {name}",
        "ce n'est pas {name}",
      ],
      LinkBridgeIntent: unique(
        phrases(["", "s'il te plaît"], ["relie", "connecte", "associe"], ["mon pont", "mon boîtier", "ma maison", "mon compte", "le pont"]),
        phrases(["je veux", "je voudrais"], ["relier", "connecter", "associer"], ["mon pont", "mon boîtier", "ma maison", "mon compte"]),
        ["donne-moi un code de liaison", "j'ai besoin d'un code de liaison", "nouveau code de liaison", "code de liaison"],
      ),
      UnlinkBridgeIntent: unique(
        phrases(
          ["", "s'il te plaît"],
          ["délie", "déconnecte", "dissocie"],
          ["mon pont", "mon boîtier", "ma maison", "mon compte", "le pont"],
        ),
        phrases(["je veux", "je voudrais"], ["délier", "déconnecter", "dissocier"], ["mon pont", "mon boîtier", "mon compte"]),
        ["oublie mon pont"],
      ),
      "AMAZON.HelpIntent": ["qu'est-ce que je peux dire", "que sais-tu faire"],
      "AMAZON.FallbackIntent": [],
      "AMAZON.StopIntent": [],
      "AMAZON.CancelIntent": [],
      "AMAZON.NavigateHomeIntent": [],
      "AMAZON.YesIntent": ["oui s'il te plaît", "oui lance", "l'un d'eux me concerne", "certains me concernent", "oui un"],
      "AMAZON.NoIntent": ["aucun", "aucun ne me concerne", "rien de tout ça", "non aucun", "non rien", "non merci"],
    },
    types: {
      Region: {
        "neck-shoulders": {
          value: r["neck-shoulders"],
          synonyms: [
            "nuque",
            "cou",
            "épaules",
            "épaule",
            "trapèzes",
            "trapèze",
            "haut des épaules",
            "base du crâne",
            "cou et épaules",
            "épaules et nuque",
            "nuque raide",
            "arrière du cou",
          ],
        },
        "mid-back": {
          value: r["mid-back"],
          synonyms: [
            "haut du dos",
            "milieu du dos",
            "dos moyen",
            "entre les omoplates",
            "omoplates",
            "colonne thoracique",
            "dorsales",
            "haut et milieu du dos",
            "entre les épaules",
          ],
        },
        "low-back-hips": {
          value: r["low-back-hips"],
          synonyms: [
            "bas du dos",
            "lombaires",
            "région lombaire",
            "hanches",
            "hanche",
            "fessiers",
            "fesses",
            "reins",
            "bassin",
            "sacrum",
            "bas du dos et hanche",
            "creux des reins",
          ],
        },
      },
      WorkoutKind: {
        legs: { value: "séance de jambes", synonyms: ["jambes", "squats", "randonnée", "une randonnée", "marche", "leg day"] },
        run: {
          value: "course",
          synonyms: ["course à pied", "footing", "jogging", "running", "un footing", "une course", "marathon", "fractionné"],
        },
        cycling: { value: "vélo", synonyms: ["sortie vélo", "une sortie à vélo", "vélo d'appartement", "spinning", "cyclisme", "VTT"] },
        "upper-body": {
          value: "haut du corps",
          synonyms: ["bras", "pectoraux", "natation", "piscine", "musculation du haut", "développé couché", "pompes"],
        },
        back: { value: "séance de dos", synonyms: ["aviron", "escalade", "bloc", "tractions", "rameur"] },
        "full-body": {
          value: "entraînement",
          synonyms: [
            "salle",
            "salle de sport",
            "sport",
            "muscu",
            "musculation",
            "crossfit",
            "yoga",
            "pilates",
            "foot",
            "football",
            "tennis",
            "un cours",
          ],
        },
        desk: {
          value: "longue journée au bureau",
          synonyms: [
            "bureau",
            "journée de bureau",
            "travail sur ordinateur",
            "télétravail",
            "longue journée assis",
            "long trajet en voiture",
          ],
        },
      },
      Symptom: SYMPTOM_WORDS.fr,
      RomChange: {
        better: {
          value: speech.romChanges.better,
          synonyms: ["mieux", "meilleur", "plus facile", "plus souple", "plus libre", "bien mieux", "un peu mieux", "bien meilleure"],
        },
        same: {
          value: speech.romChanges.same,
          synonyms: ["pareil", "pareille", "la même", "sans changement", "inchangé", "comme d'habitude", "pas de changement"],
        },
        worse: {
          value: speech.romChanges.worse,
          synonyms: ["moins bien", "moins bon", "plus raide", "plus raides", "plus bloqué", "un peu moins bien", "pire", "moins souple"],
        },
      },
      FaqTopic: {
        cramp: { value: "une crampe", synonyms: ["crampe", "crampes", "les crampes", "une crampe musculaire", "une crampe soudaine"] },
        massage: {
          value: "massages",
          synonyms: ["massage", "les massages", "kiné", "kinésithérapie", "le kiné", "mon kiné", "ostéopathe", "voir le kiné"],
        },
        daily: { value: "tous les jours", synonyms: ["chaque jour", "quotidiennement", "au quotidien", "tout le temps"] },
      },
    },
  };
}
