/** The Italian (it-IT) interaction model's samples, written for Italian speakers (not translated sample by sample). */
import { phrases, unique } from "../phrases.js";
import type { IntentName } from "../shape.js";
import { FOR, MY } from "./region-phrases.js";
import { ITALIAN_SESSION_SAMPLES } from "./session-samples.js";

export const ITALIAN_INVOCATION = "bio luce";

export const ITALIAN_SAMPLES: Record<IntentName, readonly string[]> = {
  ...ITALIAN_SESSION_SAMPLES,
  WorkoutDoneIntent: unique(
    phrases(
      ["sono appena tornato", "sono appena tornata", "sono tornato", "sono tornata", "torno", "vengo", "esco", "rientro"],
      ["da", "dal", "dalla", "dallo", "dai"],
      "{workout}",
    ),
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
      "sono stato {workout}",
      "sono stata {workout}",
      "sono appena stato {workout}",
      "sono appena stata {workout}",
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
    phrases(["mi si è bloccata", "mi si è contratta", "mi si è irrigidita"], ["la schiena", "la zona lombare", "la gamba", "la spalla"]),
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
    phrases(
      ["ho", "ho notato", "noto", "all'improvviso ho", "ho anche", "e se ho", "sto avendo", "sento", "soffro di", "da qualche giorno ho"],
      "{symptom}",
    ),
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
      ["leggi", "leggimi", "rileggi", "rileggimi", "ripeti"],
      ["le avvertenze di sicurezza", "le norme di sicurezza", "le avvertenze", "le precauzioni"],
      ["", "di nuovo"],
    ),
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
    ["quali sono i segnali d'allarme", "quali sono i rischi", "è sicuro per me", "chi non dovrebbe usarlo", "informazioni di sicurezza"],
  ),
  IdentifyPersonIntent: [
    "sono {name}",
    "è {name}",
    "qui c'è {name}",
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
  LinkBridgeIntent: unique(
    phrases(
      ["", "per favore"],
      ["collega", "associa", "abbina"],
      ["il mio bridge", "il mio ponte", "la mia casa", "il mio account", "il bridge"],
    ),
    phrases(["voglio", "vorrei"], ["collegare", "associare"], ["il mio bridge", "il mio ponte", "la mia casa", "il mio account"]),
    ["dammi un codice di collegamento", "mi serve un codice di collegamento", "nuovo codice di collegamento", "codice di collegamento"],
  ),
  UnlinkBridgeIntent: unique(
    phrases(["", "per favore"], ["scollega", "dissocia"], ["il mio bridge", "il mio ponte", "la mia casa", "il mio account", "il bridge"]),
    phrases(["voglio", "vorrei"], ["scollegare", "dissociare"], ["il mio bridge", "il mio ponte", "il mio account"]),
    ["dimentica il mio bridge"],
  ),
  "AMAZON.HelpIntent": ["cosa posso dire", "cosa sai fare"],
  "AMAZON.FallbackIntent": [],
  "AMAZON.StopIntent": [],
  "AMAZON.CancelIntent": [],
  "AMAZON.NavigateHomeIntent": [],
  "AMAZON.YesIntent": ["sì per favore", "sì avvia", "qualcosa mi riguarda", "alcune sì", "sì una", "sì uno", "alcuni sì", "uno sì"],
  "AMAZON.NoIntent": [
    "nessuna",
    "nessuna mi riguarda",
    "niente di tutto questo",
    "no nessuna",
    "no niente",
    "no grazie",
    "nessuno",
    "nessuno mi riguarda",
    "no nessuno",
  ],
};
