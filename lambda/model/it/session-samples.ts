/** The Italian samples of the session intents: start, stop, time left, dose status. */
import { phrases, unique } from "../phrases.js";
import type { IntentName } from "../shape.js";
import { FOR, MY } from "./region-phrases.js";

const SESSION = ["una sessione", "una sessione di luce rossa", "la luce rossa", "luce rossa"];

export const ITALIAN_SESSION_SAMPLES = {
  StartSessionIntent: unique(
    phrases(["accendi", "attiva"], "il pannello", FOR, ["", "per favore"]),
    phrases(["{duration} di luce", "{duration} di luce rossa"], FOR, ["", "per favore"]),
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
    ["scotta", "scotta troppo", "brucia troppo", "è troppo caldo", "fa troppo caldo", "sto scottando"],
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
      ["manca", "mancano", "resta", "restano", "mi resta", "mi restano", "rimane", "rimangono", "manca alla sessione", "manca al pannello"],
    ).filter((p) => !/(tempo|quanto) (mancano|restano|mi restano|rimangono)$/.test(p) && !/minuti (manca|resta|mi resta|rimane)$/.test(p)),
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
    // The adjective agrees with the article: "è pronto il collo", "sono pronte le spalle".
    [
      ...phrases("è pronto", ["il {region}", "il mio {region}"], "per un'altra sessione"),
      ...phrases("è pronta", ["la {region}", "la mia {region}"], "per un'altra sessione"),
      ...phrases("sono pronte", ["le {region}", "le mie {region}"], "per un'altra sessione"),
      ...phrases("sono pronti", ["i {region}", "i miei {region}"], "per un'altra sessione"),
    ],
    phrases(["qual è la mia dose", "quanta luce ho ricevuto", "quanta luce mi resta", "com'è la mia dose"], ["", "oggi", "finora"]),
    [
      "quando posso fare un'altra sessione",
      "quando è possibile la prossima sessione",
      "quando posso ricominciare",
      "cosa mi resta per oggi",
    ],
  ),
} satisfies Partial<Record<IntentName, readonly string[]>>;
