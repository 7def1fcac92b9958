/** The Italian (it-IT) interaction model's words, written for Italian speakers (not translated sample by sample). */
import type { Speech } from "../speech/index.js";
import { SYMPTOM_WORDS } from "../symptoms.js";
import { type LanguageSource, phrases, unique } from "./shape.js";

/** Determiners before a region, whatever its gender or number ("il collo", "la zona lombare", "le spalle"). */
const MY = ["{region}", "il {region}", "la {region}", "le {region}", "i {region}", "il mio {region}", "la mia {region}", "le mie {region}"];
const FOR = [
  "per {region}",
  "per il {region}",
  "per la {region}",
  "per le {region}",
  "per il mio {region}",
  "per la mia {region}",
  "per le mie {region}",
  "sul {region}",
  "sulla {region}",
  "sulle {region}",
];
const SESSION = ["una sessione", "una sessione di luce rossa", "la luce rossa", "luce rossa"];

export function italian(speech: Speech): LanguageSource {
  const r = speech.regionNames;
  return {
    invocationName: "bio luce",
    samples: {
      StartSessionIntent: unique(
        phrases(["avvia", "inizia", "fai", "accendi", "fammi"], SESSION, FOR, ["", "per favore"]),
        phrases(["puoi", "potresti"], ["avviare", "fare", "accendere"], SESSION.slice(0, 3), FOR),
        phrases(["voglio", "vorrei", "mi serve", "ho bisogno di", "facciamo"], ["una sessione", "un po' di luce", "luce rossa"], FOR, [
          "",
          "adesso",
        ]),
        phrases(["", "per favore"], ["tratta", "illumina", "fai", "scalda"], MY, ["", "per favore", "adesso"]),
        phrases(
          ["avvia", "inizia", "fai"],
          ["una sessione"],
          ["per {region}", "per il {region}", "per la {region}", "per le {region}", "per il mio {region}", "per la mia {region}"],
          ["di {duration}", "per {duration}"],
        ),
        phrases(
          ["avvia", "inizia"],
          ["una sessione per {region}", "una sessione per il {region}", "una sessione per la {region}"],
          "a {distance} centimetri",
        ),
        phrases(["è ora di", "tocca a", "tocca al", "tocca alla", "tocca alle"], ["{region}", "mio {region}", "mia {region}"]).filter(
          (p) => !/tocca a (mio|mia)/.test(p),
        ),
        phrases(["", "per favore"], ["avvia", "inizia", "comincia"], ["una sessione", "la sessione", "una sessione di luce rossa"]),
        phrases(["accendi", "attiva"], ["il pannello", "la luce", "la luce rossa"]),
        ["avvia una sessione di {duration}"],
        // After "chiedi a bio luce di …".
        phrases(["avviare", "iniziare", "fare"], ["una sessione", "una sessione di luce rossa"], FOR),
        // Answers to "quale zona?"
        [
          "{region}",
          "il {region}",
          "la {region}",
          "le {region}",
          "il mio {region}",
          "la mia {region}",
          "le mie {region}",
          "{region} per favore",
        ],
      ),
      StopSessionIntent: unique(
        phrases(
          ["", "per favore"],
          ["ferma", "spegni", "interrompi", "termina", "stoppa", "chiudi"],
          ["il pannello", "la sessione", "la luce", "la luce rossa", "tutto"],
          ["", "subito", "adesso", "per favore"],
        ),
        phrases(
          ["puoi", "voglio", "potresti"],
          ["fermare", "spegnere", "interrompere", "terminare"],
          ["il pannello", "la sessione", "la luce", "la luce rossa"],
          ["", "subito", "adesso"],
        ),
        phrases(
          ["è", "sta diventando", "mi sembra", "si sta facendo", "diventa"],
          ["", "molto", "troppo", "un po'"],
          ["caldo", "troppo caldo", "calda", "troppo calda"],
        ).filter((p) => !/(troppo|molto|po') troppo/.test(p)),
        phrases(["spegnere", "fermare", "interrompere"], ["il pannello", "la sessione", "la luce"]),
        [
          "brucia",
          "mi brucia",
          "spegnilo",
          "spegnila",
          "fermalo",
          "basta",
          "basta così",
          "è sufficiente",
          "abbastanza luce",
          "per oggi basta",
          "ne ho abbastanza",
        ],
      ),
      TimeLeftIntent: unique(
        phrases(
          ["quanto tempo", "quanti minuti", "quanto"],
          [
            "manca",
            "mancano",
            "resta",
            "restano",
            "mi resta",
            "mi restano",
            "rimane",
            "rimangono",
            "manca alla sessione",
            "manca al pannello",
          ],
        ).filter(
          (p) => !/(tempo|quanto) (mancano|restano|mi restano|rimangono)$/.test(p) && !/minuti (manca|resta|mi resta|rimane)$/.test(p),
        ),
        phrases(["quando", "a che ora"], ["si spegne", "finisce", "termina", "si ferma"], ["il pannello", "la sessione", "la luce", ""]),
        ["tempo rimanente", "manca molto", "quanto ci vuole ancora", "ho quasi finito", "quanto dura ancora"],
      ),
      DoseStatusIntent: unique(
        phrases(["quando posso", "posso", "quando potrò"], ["rifare", "trattare", "fare", "illuminare"], MY, [
          "",
          "di nuovo",
          "oggi",
          "ancora",
        ]),
        phrases(["quanta luce", "quanto"], ["ha ricevuto", "ha avuto", "può ancora ricevere"], MY, ["", "oggi"]),
        phrases(
          ["quanta luce resta per", "quanta luce rimane per"],
          ["{region}", "il {region}", "la {region}", "le {region}", "il mio {region}", "la mia {region}"],
          ["", "oggi"],
        ),
        phrases(
          ["qual è la dose", "com'è la dose", "controlla la dose"],
          ["per", "di", "del", "della", "delle"],
          ["{region}", "mio {region}", "mia {region}"],
          ["", "oggi"],
        ).filter((p) => (!/ (per|di) (mio|mia)/.test(p) && !/ (del|della|delle) \{/.test(p)) || /(del|della|delle) \{/.test(p)),
        phrases(
          ["è pronto", "è pronta", "sono pronte", "sono pronti"],
          ["il {region}", "la {region}", "le {region}", "i {region}", "il mio {region}", "la mia {region}"],
          "per un'altra sessione",
        ),
        phrases(["qual è la mia dose", "quanta luce ho ricevuto", "quanta luce mi resta", "com'è la mia dose"], ["", "oggi", "finora"]),
        [
          "quando posso fare un'altra sessione",
          "quando è possibile la prossima sessione",
          "quando posso ricominciare",
          "cosa mi resta per oggi",
        ],
      ),
      WorkoutDoneIntent: unique(
        phrases(
          [
            "ho appena fatto",
            "ho fatto",
            "ho appena finito",
            "ho finito",
            "torno da",
            "sono tornato da",
            "sono tornata da",
            "vengo da",
            "sono stato a",
            "sono stata a",
            "sono andato a",
            "sono andata a",
          ],
          ["{workout}", "il {workout}", "la {workout}", "un {workout}", "una {workout}", "il mio {workout}"],
          ["", "oggi", "stamattina", "stasera"],
        ),
        [
          "mi sono appena allenato",
          "mi sono appena allenata",
          "mi sono allenato",
          "cosa faccio dopo {workout}",
          "dopo {workout}",
          "dopo il {workout}",
          "dopo la {workout}",
        ],
      ),
      RoutineIntent: unique(
        phrases(
          ["guidami nella", "accompagnami nella", "avvia la", "fai la", "inizia la"],
          ["routine", "routine guidata", "routine completa"],
          ["", ...FOR.slice(0, 7)],
        ),
        phrases(["come tratto", "come mi occupo de", "come allevio", "cosa faccio per"], MY).map((p) =>
          p.replace("de il", "del").replace("de la", "della").replace("de le", "delle").replace("de i", "dei").replace("de {", "di {"),
        ),
        ["qual è la routine per {region}", "spiegami la routine per {region}", "routine per {region}", "voglio la routine completa"],
      ),
      ReadyIntent: [
        "pronto",
        "pronta",
        "sono pronto",
        "sono pronta",
        "avanti",
        "prossimo passo",
        "fatto",
        "ho finito",
        "andiamo",
        "continua",
        "ok avanti",
        "vai",
      ],
      LogSpasmIntent: unique(
        phrases(
          ["", "per favore"],
          ["segna", "annota", "registra", "salva"],
          [
            "uno spasmo",
            "uno spasmo muscolare",
            "un crampo",
            "una contrattura",
            "uno spasmo alla schiena",
            "un altro spasmo",
            "un altro crampo",
          ],
        ),
        phrases(
          ["ho avuto", "ho appena avuto", "mi è venuto", "mi è appena venuto", "mi è venuta"],
          ["uno spasmo", "uno spasmo muscolare", "un crampo", "una contrattura", "un altro spasmo"],
        ).filter((p) => p.includes("venuta") === p.includes("contrattura") || !p.includes("venut")),
        phrases(
          ["mi si è bloccata", "mi si è contratta", "mi si è irrigidita"],
          ["la schiena", "la zona lombare", "la gamba", "la spalla"],
        ),
      ),
      LogTendernessIntent: unique(
        phrases(
          ["", "segna", "annota", "registra"],
          ["sensibilità", "la sensibilità", "il nodo", "il mio nodo", "i nodi", "la contrattura"],
          ["{score}", "a {score}", "di {score}", "{score} su dieci"],
        ),
        phrases(
          ["il mio nodo è a", "il nodo è a", "la sensibilità è a", "i miei nodi sono a", "la contrattura è a", "la tensione è a"],
          ["", "circa"],
          ["{score}", "{score} su dieci"],
          ["", "oggi"],
        ),
        phrases(
          ["il nodo", "la sensibilità", "la contrattura"],
          ["nel {region}", "nella {region}", "nelle {region}", "del {region}", "della {region}", "al {region}", "alla {region}"],
          "è a",
          ["{score}", "{score} su dieci"],
        ),
        ["segna la mia sensibilità", "registra la sensibilità", "valuta i miei nodi"],
      ),
      LogRangeOfMotionIntent: unique(
        phrases(
          ["la mia mobilità", "la mobilità", "il mio movimento", "la mia flessibilità", "girare la testa", "piegarmi", "muovermi"],
          ["è", "sembra", "è oggi", "mi sembra", "va"],
          "{change}",
        ),
        phrases(["segna", "annota", "registra"], ["la mobilità", "la mia mobilità"], ["{change}", "come {change}"]),
        ["mi muovo {change}", "sento la mobilità {change}", "segna la mia mobilità"],
      ),
      ProgressIntent: unique(
        phrases(
          [
            "come sto andando",
            "come va",
            "sto migliorando",
            "sta funzionando",
            "mi sta aiutando",
            "sto facendo progressi",
            "come procede",
            "a che punto sono",
          ],
          ["", "questa settimana", "finora", "ultimamente", "questo mese"],
        ),
        phrases(
          ["dimmi", "dammi", "mostrami", "leggimi", "qual è"],
          ["i miei progressi", "il mio riepilogo", "il riepilogo settimanale", "il mio resoconto", "il mio andamento"],
        ).filter((p) => !(p.startsWith("qual è") && p.includes("miei"))),
        ["riepilogo settimanale", "confronta le settimane", "com'è andata la settimana scorsa", "com'è andata questa settimana"],
      ),
      RedFlagIntent: unique(
        phrases(["ho", "ho notato", "noto", "all'improvviso ho", "ho anche", "e se ho", "sto avendo", "sento"], "{symptom}"),
        ["{symptom}"],
      ),
      FaqIntent: unique(
        phrases(["la luce rossa può", "può", "questo può", "serve a"], ["fermare", "bloccare", "sostituire"], "{topic}"),
        phrases(["ho ancora bisogno di", "mi servono ancora", "devo continuare con", "questo sostituisce", "sostituisce"], "{topic}"),
        phrases(["posso usarlo", "posso usare il pannello", "si può usare", "è sicuro usarlo"], "{topic}"),
        ["cosa faccio con {topic}", "cosa faccio se ho {topic}", "e {topic}", "e per {topic}", "e se mi viene {topic}"],
      ),
      CautionIntent: unique(
        phrases(
          ["leggi", "leggimi", "dimmi", "ripeti", "ricordami"],
          [
            "l'avvertenza",
            "le avvertenze",
            "le precauzioni",
            "il controllo di sicurezza",
            "i segnali d'allarme",
            "i rischi",
            "le informazioni di sicurezza",
          ],
          ["", "di nuovo", "ancora"],
        ),
        [
          "quali sono i segnali d'allarme",
          "quali sono i rischi",
          "è sicuro per me",
          "chi non dovrebbe usarlo",
          "informazioni di sicurezza",
        ],
      ),
      IdentifyPersonIntent: [
        "sono {name}",
        "è {name}",
        "qui è {name}",
        "mi chiamo {name}",
        "il mio nome è {name}",
        "sono io {name}",
        "parla {name}",
        "per {forName}",
        "è per {forName}",
        "la sessione è per {forName}",
        "questa è per {forName}",
      ],
      ForgetVoiceIntent: [
        "non sono io",
        "quello non sono io",
        "dimentica la mia voce",
        "dimentica chi sono",
        "hai sbagliato persona",
        "persona sbagliata",
        "non è il mio nome",
        "non sono {name}",
        "io non sono {name}",
        "non è {name}",
      ],
      "AMAZON.HelpIntent": ["cosa posso dire", "cosa sai fare"],
      "AMAZON.FallbackIntent": [],
      "AMAZON.StopIntent": [],
      "AMAZON.CancelIntent": [],
      "AMAZON.NavigateHomeIntent": [],
      "AMAZON.YesIntent": ["sì per favore", "sì avvia", "qualcosa mi riguarda", "alcune sì", "sì una"],
      "AMAZON.NoIntent": ["nessuna", "nessuna mi riguarda", "niente di tutto questo", "no nessuna", "no niente", "no grazie"],
    },
    types: {
      Region: {
        "neck-shoulders": {
          value: r["neck-shoulders"],
          synonyms: [
            "collo",
            "spalle",
            "spalla",
            "nuca",
            "trapezi",
            "trapezio",
            "cervicale",
            "cervicali",
            "base del cranio",
            "spalle e collo",
            "collo e spalla",
          ],
        },
        "mid-back": {
          value: r["mid-back"],
          synonyms: [
            "schiena media",
            "parte centrale della schiena",
            "metà schiena",
            "centro della schiena",
            "parte alta della schiena",
            "schiena alta",
            "tra le scapole",
            "scapole",
            "zona dorsale",
            "dorsali",
          ],
        },
        "low-back-hips": {
          value: r["low-back-hips"],
          synonyms: [
            "zona lombare",
            "lombari",
            "lombare",
            "parte bassa della schiena",
            "schiena bassa",
            "fianchi",
            "anche",
            "anca",
            "glutei",
            "sedere",
            "reni",
            "osso sacro",
            "sciatica",
          ],
        },
      },
      WorkoutKind: {
        legs: {
          value: "allenamento gambe",
          synonyms: ["gambe", "squat", "un'escursione", "escursione", "camminata", "una camminata", "leg day"],
        },
        run: { value: "corsa", synonyms: ["una corsa", "correre", "jogging", "running", "maratona", "ripetute"] },
        cycling: { value: "bici", synonyms: ["bicicletta", "un giro in bici", "ciclismo", "spinning", "mountain bike"] },
        "upper-body": { value: "parte superiore", synonyms: ["braccia", "petto", "nuoto", "piscina", "panca", "flessioni"] },
        back: { value: "allenamento schiena", synonyms: ["canottaggio", "arrampicata", "boulder", "trazioni", "vogatore"] },
        "full-body": {
          value: "allenamento",
          synonyms: ["palestra", "in palestra", "sport", "crossfit", "yoga", "pilates", "calcio", "calcetto", "tennis", "un corso"],
        },
        desk: {
          value: "una lunga giornata in ufficio",
          synonyms: ["ufficio", "lavoro d'ufficio", "computer", "smart working", "tante ore seduto", "un lungo viaggio in macchina"],
        },
      },
      Symptom: SYMPTOM_WORDS.it,
      RomChange: {
        better: {
          value: speech.romChanges.better,
          synonyms: ["più facile", "più sciolta", "più libera", "molto meglio", "un po' meglio", "migliore"],
        },
        same: { value: speech.romChanges.same, synonyms: ["uguale", "invariata", "come sempre", "nessun cambiamento", "stessa"] },
        worse: { value: speech.romChanges.worse, synonyms: ["più rigida", "più bloccata", "un po' peggio", "molto peggio", "peggiore"] },
      },
      FaqTopic: {
        cramp: { value: "un crampo", synonyms: ["crampo", "crampi", "i crampi", "un crampo muscolare", "un crampo improvviso"] },
        massage: {
          value: "massaggi",
          synonyms: [
            "massaggio",
            "i massaggi",
            "fisioterapia",
            "fisioterapista",
            "il fisioterapista",
            "il fisio",
            "andare dal fisioterapista",
          ],
        },
        daily: { value: "tutti i giorni", synonyms: ["ogni giorno", "quotidianamente", "sempre"] },
      },
    },
  };
}
