/**
 * Everything the skill says, in Italian (it-IT), with the same keys as en-US (the compiler checks).
 * Wellness language only; the caution is never skipped. Numbers and lengths are said in words.
 */
import type { AdjustmentReason, RefusalCode } from "../../../matter-bridge/contract/api.js";
import { cautionText } from "../../../matter-bridge/contract/caution.js";
import { REGION_IDS, type RegionId } from "../../../matter-bridge/contract/regions.js";
import { numberWordsIn } from "../spoken-numbers/de-fr-es-it.js";
import type { RomChange } from "../vocabulary.js";
import type { RefusalContext, Speech, SpokenRedFlag } from "./en-US.js";
import { capitalised, counted, listIn, minutesShape, whenShape } from "./words.js";

/**
 * `name`: the region as a slot value and in lists; `the`: with its articles, after "per" ("per la
 * zona lombare e i fianchi", not "per zona lombare e fianchi").
 */
const REGION: Record<RegionId, { name: string; the: string; display: string; tip: string; movements: string[]; release: string }> = {
  "neck-shoulders": {
    name: "collo e spalle",
    the: "il collo e le spalle",
    display: "Collo e spalle",
    tip: "Siediti o stai in piedi con la schiena rivolta verso il pannello, così che la luce copra la base del cranio, il collo e la parte alta della schiena.",
    movements: ["lente rotazioni del collo", "rotazioni delle spalle", "leggere retrazioni del mento"],
    release: "una pallina morbida tra il muro e la parte alta delle spalle, con una pressione piacevole",
  },
  "mid-back": {
    name: "zona dorsale",
    the: "la zona dorsale",
    display: "Zona dorsale",
    tip: "Siediti con il pannello dietro di te alla distanza consigliata, così che la luce copra le scapole e il centro della colonna.",
    movements: ["gatto-mucca", "rotazioni delle spalle", "leggere torsioni da seduto"],
    release: "un rullo lungo la parte alta e centrale della schiena, con una pressione piacevole",
  },
  "low-back-hips": {
    name: "zona lombare e fianchi",
    the: "la zona lombare e i fianchi",
    display: "Zona lombare e fianchi",
    tip: "Stai in piedi o sdraiati in modo che il pannello illumini la zona lombare e i glutei; in alcuni giorni girati un po' per raggiungere angoli diversi.",
    movements: ["gatto-mucca", "aperture delle anche", "leggeri allungamenti con le ginocchia al petto"],
    release: "una pallina morbida o un rullo sui glutei, con una pressione piacevole",
  },
};
const name = (id: RegionId) => REGION[id].name;
/** "per il collo e le spalle", "per la zona dorsale". */
const forName = (id: RegionId) => `per ${REGION[id].the}`;
/** Plural regions take a plural verb: "il collo e le spalle hanno", "la zona dorsale ha". */
const PLURAL: Record<RegionId, boolean> = { "neck-shoulders": true, "mid-back": false, "low-back-hips": true };
const regionChoice = () => listIn(REGION_IDS.map(name), "o");
const n = (x: number) => numberWordsIn("it", x);
/** A weekly average such as 2.5, as Italian says it: "due virgola cinque" (never "2.5" to the voice). */
const decimal = (x: number) => (Number.isInteger(x) ? n(x) : `${n(Math.trunc(x))} virgola ${n(Math.round(x * 10) % 10)}`);
/** "il venti per cento", "l'otto per cento", "l'undici per cento". */
const percentOf = (p: number) => `${/^[aeiou]/.test(n(p)) ? "l'" : "il "}${n(p)} per cento`;

export function minutesPhrase(seconds: number): string {
  const s = minutesShape(seconds);
  if (s.kind === "seconds") return counted("it", s.n, "secondo", "secondi", "m");
  if (s.kind === "minutes") return counted("it", s.n, "minuto", "minuti", "m");
  return `circa ${counted("it", s.whole, "minuto", "minuti", "m")} e mezzo`;
}

export function whenPhrase(seconds: number): string {
  const w = whenShape(seconds);
  if (w.unit === "minute") return "tra un minuto";
  if (w.unit === "minutes") return `tra circa ${n(w.n)} minuti`;
  if (w.unit === "hours") return w.n === 1 ? "tra circa un'ora" : `tra circa ${n(w.n)} ore`;
  return `tra circa ${counted("it", w.n, "giorno", "giorni", "m")}`;
}

const EYES = "Non guardare il pannello; chiudi gli occhi o indossa le protezioni per gli occhi in dotazione mentre è acceso.";
const RED_FLAGS = [
  "spasmi forti o improvvisi, o che riguardano il viso, la lingua o la deglutizione",
  "una debolezza importante, intorpidimento o qualsiasi perdita del controllo della vescica o dell'intestino",
  "febbre, una perdita di peso che non sai spiegare, o precedenti di malattie gravi insieme a un dolore nuovo",
  "farmaci o problemi di salute che rendono la tua pelle sensibile alla luce",
];
const CAUTION = [
  "Prima di iniziare la prima sessione, un controllo di sicurezza.",
  `Parla prima con un medico o un altro professionista sanitario se ti riguarda anche uno solo di questi punti: ${RED_FLAGS.join("; ")}.`,
  EYES,
  "La luce dovrebbe dare al massimo un piacevole tepore, senza mai scottare.",
  "Bio Luce sostiene il benessere muscolare e il recupero come parte di una routine più ampia. Non è un consiglio medico e non sostituisce un professionista.",
].join(" ");
const cautionOf = (text?: string) =>
  text === undefined || text === cautionText()
    ? CAUTION
    : `Il tuo bridge ha un controllo di sicurezza più recente, che ho solo in inglese: ${text}`;

const REDUCTIONS: Record<AdjustmentReason, (r: string, min: string) => string> = {
  SESSION_MAX_SECONDS: (_r, min) => `una sessione dura al massimo ${min}`,
  SESSION_MAX_FLUENCE: () => "a quella distanza una sessione non consente più luce di così",
  REGION_FLUENCE_24H: (r) => `${r} resta solo questa parte della luce delle ultime 24 ore`,
  DAILY_ON_TIME: () => "del tempo di accensione del pannello nelle ultime 24 ore resta solo questo",
};

const forRegion = (r: RefusalContext) => (r.region ? forName(r.region) : "per quella zona");
const nextPossible = (r: RefusalContext) =>
  r.retryAfterSeconds ? ` La prossima sessione è possibile ${whenPhrase(r.retryAfterSeconds)}.` : "";

const REFUSALS: Record<RefusalCode, (r: RefusalContext) => string> = {
  CAUTION_REQUIRED: () => "Il bridge ha prima bisogno di una risposta al controllo di sicurezza per la tua casa.",
  REST_INTERVAL: (r) => `C'è stata da poco una sessione ${forRegion(r)}, e tra una sessione e l'altra serve una pausa.${nextPossible(r)}`,
  REGION_LIMIT: (r) =>
    `${capitalised(forRegion(r))} tutta la luce delle ultime 24 ore è già stata usata. Qui di più non vuol dire meglio.${nextPossible(r)}`,
  DAILY_ON_TIME: (r) => `Il pannello ha raggiunto il tempo massimo di accensione delle ultime 24 ore.${nextPossible(r)}`,
  WEEKLY_LIMIT: (r) => `${capitalised(forRegion(r))} sono già state fatte tutte le sessioni consentite in una settimana.${nextPossible(r)}`,
  TOO_CLOSE: () => "A quella distanza la luce sarebbe troppo forte. Allontanati un po' dal pannello e chiedimelo di nuovo.",
  TOO_SHORT: (r) => `Sarebbe troppo breve per valerne la pena. Le sessioni durano almeno ${minutesPhrase(r.minSessionSeconds)}.`,
  PANEL_BUSY: (r) =>
    `Il pannello ha già una sessione in corso.${r.retryAfterSeconds ? ` Finisce ${whenPhrase(r.retryAfterSeconds)}.` : ""}`,
  PANEL_UNREACHABLE: () =>
    "Il bridge non riesce a raggiungere il pannello. Controlla che la presa o il relè del pannello sia alimentato e in rete, poi riprova.",
  LEDGER_UNAVAILABLE: () =>
    "Il bridge non riesce a leggere o scrivere i registri delle dosi in questo momento, quindi non avvia sessioni. Forse la sua memoria è piena; controlla il log del bridge.",
  UNKNOWN_PANEL: () => "Il bridge non ha più il pannello di cui gli ho chiesto; forse i suoi pannelli sono cambiati. Riprova, per favore.",
  STOPPED: () =>
    "Il pannello è stato fermato prima che la sessione iniziasse, quindi non c'è niente in corso. Chiedimelo di nuovo quando vuoi.",
  UNKNOWN_PERSON: () =>
    "Il bridge non conosce più la persona di cui gli ho chiesto; forse l'elenco delle persone è cambiato. Riprova, per favore.",
  CLOCK_UNTRUSTED: () =>
    "L'orologio del bridge è indietro, quindi non può sapere con certezza quando sono state le tue ultime sessioni, e non ne avvia. Riprenderà ad avviarle quando il suo orologio sarà giusto; controlla la sincronizzazione dell'ora del bridge.",
};

const ROM_WORDS: Record<RomChange, string> = { better: "meglio", same: "uguale", worse: "peggio" };
/** "la tua mobilità va uguale" is not Italian: each change as its own phrase. */
const ROM_LOGGED: Record<RomChange, string> = { better: "va meglio", same: "è come prima", worse: "va peggio" };

/** The skill's own withdrawal reasons (lambda/flows/caution.ts WITHDRAW_REASONS), in Italian; any other reason is the household's own words, said as written. */
const REASONS: Record<string, string> = {
  "a red-flag symptom was reported to the Alexa skill": "alla skill Alexa è stato segnalato un sintomo d'allarme",
  "someone answered yes to the caution in the Alexa skill": "qualcuno ha risposto sì al controllo di sicurezza nella skill Alexa",
};
const forWhom = (who: string | null) => (who === null ? "per tutti" : who === "you" ? "per te" : `per ${who}`);

/** The open red flags, newest first, one sentence each: for whom, and what was reported (as en-US says them). */
const redFlagsSaid = (flags: readonly SpokenRedFlag[]): string => {
  const one = (f: SpokenRedFlag) => {
    const reason = f.reason?.replace(/[.!?]+$/, "");
    return `${forWhom(f.who)}${reason ? `: ${REASONS[reason] ?? reason}` : ""}.`;
  };
  if (flags.length === 1) return `La segnalazione è ancora aperta e vale ${one(flags[0])}`;
  return `Ci sono ancora ${n(flags.length)} segnalazioni aperte, dalla più recente. ${flags.map((f, i) => (i === 0 ? capitalised(one(f)) : `Poi ${one(f)}`)).join(" ")}`;
};

const WELCOME_OPTIONS =
  "Puoi dire: avvia una sessione per la zona lombare, guidami nella routine per il collo, o quanta luce ho ricevuto oggi. Cosa vuoi fare?";

const stopHint = (when: string, panelNames: readonly string[]) =>
  `${when}, di': Alexa, chiedi a bio luce di spegnere il pannello${panelNames.length ? `, oppure: Alexa, spegni ${listIn(panelNames, "o")}` : ""}.`;

export const itIT: Speech = {
  regionNames: Object.fromEntries(REGION_IDS.map((id) => [id, name(id)])) as Record<RegionId, string>,
  welcome: () => `Ti do il benvenuto in Bio Luce. ${WELCOME_OPTIONS}`,
  welcomeCaution: (changed) =>
    changed
      ? "Ti do di nuovo il benvenuto in Bio Luce. Il controllo di sicurezza è cambiato dall'ultima volta che l'hai sentito, quindi eccolo di nuovo."
      : "Ti do il benvenuto in Bio Luce.",
  welcomeOptions: () => WELCOME_OPTIONS,
  welcomeReprompt: () => `Quale zona vuoi: ${regionChoice()}?`,
  caution: (text) => `${cautionOf(text)} Qualcuno di questi punti ti riguarda?`,
  cautionWithdrawn: (flags = []) =>
    `Qualcuno in casa tua ha segnalato un campanello d'allarme, quindi il tuo bridge Bio Luce ha sospeso tutte le sessioni.${flags.length ? ` ${redFlagsSaid(flags)}` : ""} Prima della prossima, ecco di nuovo il controllo di sicurezza.`,
  cautionChanged: () => "Il controllo di sicurezza è cambiato dall'ultima volta che l'hai sentito, quindi eccolo di nuovo.",
  cautionFirst: () => "Lo faccio non appena rispondi al controllo di sicurezza che ti ho letto. Qualcuno di questi punti ti riguarda?",
  cautionReprompt: () => "Rispondi sì se qualcuno di questi punti ti riguarda, o no se non ti riguarda nessuno.",
  cautionApplies: (bridge) =>
    `Grazie di avermelo detto. Allora per ora non usare il pannello, e parla prima con un professionista sanitario. Non ho avviato niente.${bridge ? ` ${bridge}` : ""} Quando avrai il via libera, chiedimelo di nuovo.`,
  cautionAcknowledged: () => "Grazie. Ho preso nota che nessuno di questi punti ti riguarda.",
  cautionAgain: () => `${CAUTION} Se uno di questi punti ti riguarda, parlane con un professionista prima della prossima sessione.`,
  askRegion: () => `Quale zona: ${regionChoice()}?`,
  unknownRegion: (heard) =>
    `${heard ? `${capitalised(heard)} non è una delle zone del pannello. ` : ""}Le zone sono: ${regionChoice()}. Quale vuoi?`,
  badDuration: (range, heard) =>
    `${heard ? `${heard} non è una durata che posso usare. ` : ""}Di' una durata tra ${n(range.minSeconds / 60)} e ${n(range.maxSeconds / 60)} minuti, e il bridge la mantiene entro i limiti di sicurezza. Per esempio: avvia una sessione per la zona lombare di dieci minuti.`,
  checkingBridge: () => "Un momento, chiedo al tuo bridge Bio Luce.",
  timerLabel: () => "Bio Luce",
  timerAnnouncement: (region) => `La tua sessione ${forName(region)} è finita. Il pannello si è spento da solo.`,
  timersAccepted: (region, seconds) =>
    `Grazie. Ho impostato un timer per la fine della tua sessione ${forName(region)}, ${whenPhrase(seconds)}.`,
  timersAcceptedNoSession: () => "Grazie. La tua sessione è già finita; imposterò un timer per la fine della prossima.",
  timersAcceptedFailed: () =>
    "Grazie. Questa volta non sono riuscita a impostare il timer; il pannello si spegne comunque da solo allo scadere del tempo.",
  timersDeclined: () => "Va bene, niente timer. Il pannello si spegne da solo allo scadere del tempo.",
  badDistance: (range) =>
    `Non ho capito una distanza valida. Le distanze sono in centimetri, tra ${n(range.min)} e ${n(range.max)}. Oppure non indicarla, e userò la distanza abituale del pannello.`,
  started: (p) => {
    const r = forName(p.region);
    const why = p.reductions.map((reason) => REDUCTIONS[reason](r, minutesPhrase(p.seconds)));
    const shortened = why.length
      ? `L'ho accorciata${p.requested ? ` da ${minutesPhrase(p.requested)}` : ""}, perché ${listIn(why, "e")}. `
      : "";
    const end = p.timerSet
      ? "Ho impostato un timer per la fine."
      : `Il pannello si spegne da solo allo scadere del tempo.${p.askingTimers ? " Con il tuo permesso, Alexa può anche annunciare la fine con un timer." : ""}`;
    return `Avvio una sessione di ${minutesPhrase(p.seconds)} ${r}. ${shortened}${REGION[p.region].tip} ${EYES} Dovresti sentire al massimo un piacevole tepore. ${stopHint("Se scotta, o per fermarla prima", p.panelName ? [p.panelName] : [])} ${end}`;
  },
  refusals: REFUSALS,
  refusedOther: () =>
    "Il bridge ha rifiutato la richiesta per un motivo che non conosco. Trovi il perché nella sua dashboard o nel suo log.",
  bridgeOffline: (offlineSeconds?: number) =>
    `Il tuo bridge Bio Luce è offline${offlineSeconds !== undefined ? ` ${whenPhrase(offlineSeconds).replace(/^tra /, "da ")}` : ""}. Non è stato avviato niente.`,
  unreachable: () =>
    "Mi dispiace, non sono riuscita a raggiungere il tuo bridge Bio Luce. Controlla che il bridge sia acceso, che l'indirizzo del bridge nella skill sia giusto e che la rete funzioni. Non è stato avviato niente.",
  unauthorized: () =>
    "Mi dispiace, il bridge non ha accettato il mio token. Il token del bridge nella skill deve corrispondere a quello nella cartella di archiviazione del bridge.",
  stopped: (seconds, region) =>
    `Sessione fermata: ${minutesPhrase(seconds)} di luce ${forName(region)}. Se scottava, la prossima volta mettiti più lontano.`,
  stoppedBeforeStart: (region) => `Fermata prima di iniziare: la sessione ${forName(region)} non ha acceso il pannello.`,
  nothingRunning: () => "Al momento il pannello non ha nessuna sessione in corso.",
  timeLeft: (seconds, region) =>
    `La tua sessione ${forName(region)} dura ancora ${minutesPhrase(seconds)}. Poi il pannello si spegne da solo.`,
  doseRegion: (region, used, cap, nextInSeconds) => {
    const percent = Math.round((100 * used) / cap);
    const next =
      nextInSeconds === null
        ? "non è possibile alla distanza attuale del pannello"
        : nextInSeconds <= 60
          ? "è possibile adesso"
          : `è possibile ${whenPhrase(nextInSeconds)}`;
    return `${capitalised(forName(region))} è stato usato ${percentOf(percent)} della luce delle ultime 24 ore. La prossima sessione ${forName(region)} ${next}.`;
  },
  doseOverall: (parts, onMinutes, leftMinutes) =>
    `Nelle ultime 24 ore: ${listIn(
      parts.map((p) => `${name(p.region)} ${n(p.percent)} per cento`),
      "e",
    )} della luce consentita. Il pannello è stato acceso per ${counted("it", onMinutes, "minuto", "minuti", "m")}, e ${leftMinutes === 1 ? "resta ancora un minuto" : `restano ancora ${n(leftMinutes)} minuti`}.`,
  workoutSuggest: (regions) =>
    `Ottimo lavoro. Ora l'ideale sarebbe qualche minuto di movimento leggero, poi la luce ${listIn(regions.map(forName), "o")}. Avvio una sessione ${forName(regions[0])}?`,
  workoutRest: (regions, seconds) =>
    `Ottimo lavoro. ${capitalised(
      listIn(
        regions.map((id) => REGION[id].the),
        "e",
      ),
    )} ${regions.length > 1 || PLURAL[regions[0]] ? "hanno" : "ha"} già avuto luce da poco e ora serve una pausa${seconds === undefined ? "" : `; la prossima sessione è possibile ${whenPhrase(seconds)}`}. Per ora bastano allungamenti leggeri e acqua.`,
  workoutReprompt: (region) => `Avvio una sessione ${forName(region)}? Sì o no?`,
  noThanks: () => "Va bene. Buon recupero.",
  routineStart: (region) =>
    `Facciamo la tua routine ${forName(region)}. Prima, qualche minuto di movimento leggero: ${listIn(REGION[region].movements, "e")}, come ti viene comodo. Di' pronto quando hai finito.`,
  routineRelease: (region) =>
    `Bene. Se ti aiuta, dedica un minuto all'automassaggio: ${REGION[region].release}. Di' pronto quando vuoi la luce.`,
  routineReprompt: () => "Di' pronto quando vuoi andare avanti, o stop per terminare la routine.",
  notInRoutine: () => "Al momento non siamo in una routine. Puoi dire: guidami nella routine per la zona lombare.",
  spasmLogged: (count, days) =>
    `Spasmo annotato. ${count === 1 ? "È il primo" : `Sono ${n(count)}`} negli ultimi ${n(days)} giorni. Sul momento aiutano allungamenti leggeri e bere acqua; la luce serve sul lungo periodo.`,
  spasmNoted: () => "Spasmo annotato. Sul momento aiutano allungamenti leggeri e bere acqua; la luce serve sul lungo periodo.",
  tendernessLogged: (score, scale) =>
    `Sensibilità dei nodi annotata: ${decimal(score)} su ${n(scale.max)}. Guarda l'andamento nel corso delle settimane, non i singoli giorni.`,
  askTenderness: (scale) =>
    `Quanto sono sensibili i tuoi nodi alla pressione, da ${n(scale.min)} se non lo sono per niente a ${n(scale.max)} se lo sono al massimo? Di' per esempio: sensibilità quattro.`,
  romChanges: ROM_WORDS,
  romLogged: (change) => `Annotato: la tua mobilità ${ROM_LOGGED[change]}.`,
  askRom: () => `Com'è la tua mobilità: ${listIn(Object.values(ROM_WORDS), "o")}? Di' per esempio: la mia mobilità va meglio.`,
  progress: (p) => {
    const parts = [
      `Questa settimana hai fatto ${counted("it", p.sessionsThisWeek, "sessione", "sessioni", "f")}, rispetto a una media di ${decimal(p.sessionsBefore)} a settimana prima`,
      `${p.spasmsThisWeek === 1 ? "uno spasmo annotato" : `${n(p.spasmsThisWeek)} spasmi annotati`}, rispetto a ${decimal(p.spasmsBefore)} a settimana prima`,
    ];
    if (p.tenderThisWeek !== undefined)
      parts.push(
        `una sensibilità media dei nodi di ${decimal(p.tenderThisWeek)}${p.tenderBefore !== undefined ? ` rispetto a ${decimal(p.tenderBefore)} prima` : ""}`,
      );
    return `${listIn(parts, "e")}. ${p.weeksTracked < 3 ? "È ancora presto: i cambiamenti di solito si vedono nell'arco di diverse settimane." : "Continua a seguire l'andamento settimana dopo settimana."}`;
  },
  progressEmpty: () =>
    "Non ho ancora annotato niente. Dopo le sessioni puoi dire: ho avuto uno spasmo, sensibilità quattro, o la mia mobilità va meglio, e confronterò le settimane per te.",
  progressReview: (weeks) =>
    `Dopo ${n(weeks)} settimane o più, le cose non sono migliorate. Sarebbe una buona idea rivedere il tuo piano con un professionista sanitario o un fisioterapista.`,
  redFlag: () =>
    "Questo va valutato presto da un medico: contatta un professionista sanitario, o chiama i soccorsi se è forte o improvviso. La luce rossa non è adatta a questo, e non avvio nessuna sessione.",
  redFlagStopped: () => "Ho spento il pannello.",
  redFlagPaused: () =>
    "Ho anche sospeso il pannello per tutta la casa: non ripartirà finché qualcuno non avrà risposto di nuovo al controllo di sicurezza.",
  redFlagNotPaused: (why) => {
    const cause =
      why === "unreachable"
        ? "Non sono riuscita a raggiungere il tuo bridge Bio Luce"
        : why === "unauthorized"
          ? "Il tuo bridge Bio Luce non ha accettato il mio token"
          : "Il tuo bridge Bio Luce non è riuscito a registrarlo in questo momento";
    return `${cause}, quindi non ho potuto sospendere il pannello per la casa. Se il pannello è acceso, staccalo dalla presa, e non usarlo finché non hai parlato con un professionista.`;
  },
  faq: {
    cramp: {
      question: "può fermare un crampo",
      answer: () =>
        "La luce rossa non è uno strumento per fermare un crampo sul momento; agisce gradualmente, nell'arco di settimane. Per un crampo improvviso, allungamenti leggeri e un primo soccorso di base sono la scelta migliore, e chiedi al tuo medico quanto dovresti bere.",
    },
    massage: {
      question: "ho ancora bisogno di massaggi o fisioterapia",
      answer: () =>
        "Alla maggior parte delle persone giova combinare gli approcci. Massaggi e fisioterapia lavorano su movimento, forza e tessuti in modi che la luce non può. Usa il pannello per sostenere il benessere e il recupero insieme a loro, non al loro posto.",
    },
    daily: {
      question: "posso usarlo tutti i giorni",
      answer: () =>
        "Per molti adulti in salute, una breve sessione al giorno entro i limiti è considerata ragionevole, e il bridge fa rispettare quei limiti. Se hai una patologia, prendi farmaci che rendono la pelle sensibile alla luce o hai sintomi insoliti, chiedi prima a un professionista.",
    },
  },
  faqUnknown: (questions) => `Posso rispondere a queste domande: ${listIn(questions, "e")}. Quale vuoi sentire?`,
  help: (panelNames = []) =>
    `Puoi dire: avvia una sessione per la zona lombare, avvia una sessione per il collo di dieci minuti, spegni il pannello, quanto manca, quanta luce ho ricevuto oggi, ho appena fatto una corsa, guidami nella routine per la zona dorsale, sensibilità quattro, come sto andando, o rileggimi le avvertenze. Quando una sessione è in corso non ti ascolto più: per fermarla prima${stopHint("", panelNames)} Cosa vuoi fare?`,
  fallback: () => "Scusa, non ho capito. Puoi dire: avvia una sessione per la zona lombare, o di' aiuto per saperne di più.",
  household: {
    linkCode: (code: string) =>
      `Il tuo codice di collegamento è ${code}. Ripeto: ${code}. Nella dashboard del tuo bridge Bio Light scegli «Collega un account Alexa» e digitalo, oppure esegui biolight-bridge link con il codice. Vale una volta, per dieci minuti.`,
    notLinked: () =>
      "Questo account Alexa non è ancora collegato a un bridge Bio Light. Per collegarlo, di': collega il mio bridge. Ti darò un codice da digitare sul bridge. Non è stato avviato nulla.",
    unlinked: () =>
      "Fatto: questo account Alexa non è più collegato al tuo bridge Bio Light. Per collegarlo di nuovo, di': collega il mio bridge.",
    nothingToUnlink: () => "Questo account Alexa non è collegato a nessun bridge Bio Light, quindi non c'è nulla da scollegare.",
    singleHome: () =>
      "Questa skill è configurata per il bridge di una sola casa: non c'è nulla da collegare o scollegare. Chiedi pure una sessione.",
    unavailable: () => "Mi dispiace, il servizio di collegamento non risponde in questo momento. Riprova tra un minuto.",
    screenTitle: "Collega il tuo bridge",
    screenHint:
      "Digita questo codice nella dashboard del bridge (Collega un account Alexa) oppure esegui: biolight-bridge link <codice>. Vale una volta, per 10 minuti.",
  },
  goodbye: () => "Ciao.",
  error: () => "Scusa, qualcosa non ha funzionato da parte mia. Riprova, o di' stop per spegnere il pannello.",
  reprompt: () => "Cosa vuoi fare?",
  whoIsThisVoice: (names) => `Non conosco ancora la tua voce. Sei ${listIn(names, "o")}? Di' per esempio: sono ${names[0]}.`,
  whoIsItFor: (names) => `Per chi è: ${listIn(names, "o")}? Di' per esempio: è per ${names[0]}.`,
  whoReprompt: (names) => `Di' il nome, per esempio: sono ${listIn(names, "o sono")}.`,
  whoUnknown: (heard, names) =>
    `${heard ? `${heard} non è una delle persone che il tuo bridge Bio Luce conosce. ` : ""}Sei ${listIn(names, "o")}?`,
  voiceRemembered: (who) => `Grazie, ${who}. D'ora in poi riconoscerò la tua voce.`,
  voiceForgotten: (who) => `Va bene, ho dimenticato che la tua voce è quella di ${who}. La prossima volta ti chiederò chi sei.`,
  voiceIsSomeoneElse: (who) => `Per me la tua voce è quella di ${who}. Se è sbagliato, di': dimentica la mia voce.`,
  voiceNotLinked: () => "Non ho collegato la tua voce a nessuno.",
  voiceNotRecognized: () => "Non riconosco la tua voce, quindi non l'ho collegata a nessuno.",
  loggedForHousehold: () =>
    "Non sono riuscita a raggiungere il tuo bridge Bio Luce per sapere di chi è questa nota, quindi l'ho salvata con quelle della casa.",
  toPerson: (who, text) => `${who}, ${text.charAt(0).toLowerCase()}${text.slice(1)}`,
  screen: {
    title: "Bio Luce",
    running: "In corso",
    endsAt: "Fine prevista",
    left: "rimanenti",
    nothingRunning: "Non c'è niente in corso.",
    refused: "Non ora",
    nextSessionAt: "Prossima sessione possibile alle",
    nextSessionUnknown: "Aspettare non aiuta; chiedi a Bio Luce perché.",
    last24h: "Luce nelle ultime 24 ore",
    unit: "J/cm²",
    noDose: "Il bridge non ha risposto: la luce usata non è mostrata.",
    regions: Object.fromEntries(REGION_IDS.map((id) => [id, REGION[id].display])) as Record<RegionId, string>,
  },
};
