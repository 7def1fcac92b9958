/**
 * Everything the skill says, in Italian (it-IT), with the same keys as en-US (the compiler checks).
 * Wellness language only; the caution is never skipped. Numbers and lengths are said in words.
 */
import type { AdjustmentReason, RefusalCode } from "../../matter-bridge/contract/api.js";
import { cautionText } from "../../matter-bridge/contract/caution.js";
import { REGION_IDS, type RegionId } from "../../matter-bridge/contract/regions.js";
import { numberWordsIn } from "../number-words.js";
import type { RomChange } from "../vocabulary.js";
import type { RefusalContext, Speech } from "./en-US.js";
import { capitalised, counted, listIn, minutesShape, whenShape } from "./words.js";

const REGION: Record<RegionId, { name: string; display: string; tip: string; movements: string[]; release: string }> = {
  "neck-shoulders": {
    name: "collo e spalle",
    display: "Collo e spalle",
    tip: "Siediti o stai in piedi con la schiena verso il pannello, così che la luce copra la base del cranio, il collo e la parte alta della schiena.",
    movements: ["lente rotazioni del collo", "rotazioni delle spalle", "leggere retrazioni del mento"],
    release: "una pallina morbida contro il muro sulla parte alta delle spalle, con una pressione comoda",
  },
  "mid-back": {
    name: "schiena media",
    display: "Schiena media",
    tip: "Siediti con il pannello dietro di te alla distanza consigliata, così che la luce copra le scapole e il centro della colonna.",
    movements: ["gatto e mucca", "rotazioni delle spalle", "leggere torsioni da seduto"],
    release: "un rullo lungo la parte alta e centrale della schiena, con una pressione comoda",
  },
  "low-back-hips": {
    name: "zona lombare e fianchi",
    display: "Zona lombare e fianchi",
    tip: "Stai in piedi o sdraiati in modo che il pannello illumini la zona lombare e i glutei; in alcuni giorni girati un po' per raggiungere angoli diversi.",
    movements: ["gatto e mucca", "aperture delle anche", "leggeri allungamenti con il ginocchio al petto"],
    release: "una pallina morbida o un rullo sui glutei, con una pressione comoda",
  },
};
const name = (id: RegionId) => REGION[id].name;
const regionChoice = () => listIn(REGION_IDS.map(name), "o");
const n = (x: number) => numberWordsIn("it", x);

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
  if (w.unit === "hours") return `tra circa ${counted("it", w.n, "ora", "ore", "f")}`;
  return `tra circa ${counted("it", w.n, "giorno", "giorni", "m")}`;
}

const EYES = "Non guardare nel pannello; chiudi gli occhi o indossa la protezione per gli occhi in dotazione mentre è acceso.";
const RED_FLAGS = [
  "spasmi forti o improvvisi, o che riguardano il viso, la lingua o la deglutizione",
  "una vera debolezza, intorpidimento o qualsiasi perdita di controllo della vescica o dell'intestino",
  "febbre, una perdita di peso che non sai spiegare, o una storia di malattia grave insieme a un dolore nuovo",
  "farmaci o una condizione che rendono la tua pelle sensibile alla luce",
];
const CAUTION = [
  "Prima della tua prima sessione, un controllo di sicurezza.",
  `Parla prima con un professionista sanitario se hai una di queste cose: ${RED_FLAGS.join("; ")}.`,
  EYES,
  "La luce dovrebbe essere al massimo piacevolmente calda, mai bollente.",
  "Bio Luce sostiene il benessere muscolare e il recupero come parte di una routine più ampia. Non è un consiglio medico e non sostituisce un professionista.",
].join(" ");
const cautionOf = (text?: string) =>
  text === undefined || text === cautionText()
    ? CAUTION
    : `Il tuo bridge ha un controllo di sicurezza più recente, che ho solo in inglese: ${text}`;

const REDUCTIONS: Record<AdjustmentReason, (r: string, min: string) => string> = {
  SESSION_MAX_SECONDS: (_r, min) => `la sessione più lunga è di ${min}`,
  SESSION_MAX_FLUENCE: () => "a quella distanza è tutta la luce che una sessione consente",
  REGION_FLUENCE_24H: (r) => `è quanto resta della luce delle ultime 24 ore per ${r}`,
  DAILY_ON_TIME: () => "è quanto resta del tempo di accensione del pannello nelle ultime 24 ore",
};

const forRegion = (r: RefusalContext) => (r.region ? name(r.region) : "quella zona");
const nextPossible = (r: RefusalContext) =>
  r.retryAfterSeconds ? ` La prossima sessione è possibile ${whenPhrase(r.retryAfterSeconds)}.` : "";

const REFUSALS: Record<RefusalCode, (r: RefusalContext) => string> = {
  CAUTION_REQUIRED: () => "Il bridge ha prima bisogno del controllo di sicurezza della casa.",
  REST_INTERVAL: (r) =>
    `C'è stata da poco una sessione per ${forRegion(r)}, e tra una sessione e l'altra serve una pausa.${nextPossible(r)}`,
  REGION_LIMIT: (r) =>
    `Per ${forRegion(r)} tutta la luce delle ultime 24 ore è già stata usata. Qui di più non è meglio.${nextPossible(r)}`,
  DAILY_ON_TIME: (r) => `Il pannello ha raggiunto il suo tempo di accensione per le ultime 24 ore.${nextPossible(r)}`,
  WEEKLY_LIMIT: (r) => `Per ${forRegion(r)} sono già state fatte tutte le sessioni consentite in una settimana.${nextPossible(r)}`,
  TOO_CLOSE: () => "A quella distanza la luce sarebbe troppo forte. Allontanati dal pannello e chiedi di nuovo.",
  TOO_SHORT: (r) => `Sarebbe troppo breve per valerne la pena. Le sessioni durano almeno ${minutesPhrase(r.minSessionSeconds)}.`,
  PANEL_BUSY: (r) =>
    `Il pannello ha già una sessione in corso.${r.retryAfterSeconds ? ` Finisce ${whenPhrase(r.retryAfterSeconds)}.` : ""}`,
  PANEL_UNREACHABLE: () =>
    "Il bridge non riesce a raggiungere il pannello. Controlla che la presa o il relè del pannello sia alimentato e in rete, poi riprova.",
  LEDGER_UNAVAILABLE: () =>
    "Il bridge non riesce a leggere o scrivere i suoi registri della dose in questo momento, quindi non avvia sessioni. Forse la sua memoria è piena; controlla il log del bridge.",
  UNKNOWN_PANEL: () => "Il bridge non ha più il pannello di cui gli ho chiesto; forse i suoi pannelli sono cambiati. Riprova, per favore.",
  STOPPED: () =>
    "Il pannello è stato fermato prima che la sessione iniziasse, quindi non c'è niente in corso. Chiedi di nuovo quando sei pronto.",
  UNKNOWN_PERSON: () =>
    "Il bridge non conosce più la persona di cui gli ho chiesto; forse le sue persone sono cambiate. Riprova, per favore.",
  CLOCK_UNTRUSTED: () =>
    "L'orologio del bridge è indietro, quindi non può sapere con certezza quando sono state le tue ultime sessioni, e non ne avvia. Riprenderà ad avviarle quando il suo orologio sarà giusto; controlla la sincronizzazione dell'ora del bridge.",
};

const ROM_WORDS: Record<RomChange, string> = { better: "meglio", same: "uguale", worse: "peggio" };

const WELCOME_OPTIONS =
  "Puoi dire: avvia una sessione per la zona lombare, guidami nella routine per il collo, o quanta luce ho ricevuto oggi. Cosa vuoi fare?";

const stopHint = (when: string, panelNames: readonly string[]) =>
  `${when}, di': Alexa, chiedi a bio luce di spegnere il pannello${panelNames.length ? `, oppure: Alexa, spegni ${listIn(panelNames, "o")}` : ""}.`;

export const itIT: Speech = {
  regionNames: Object.fromEntries(REGION_IDS.map((id) => [id, name(id)])) as Record<RegionId, string>,
  welcome: () => `Benvenuto in Bio Luce. ${WELCOME_OPTIONS}`,
  welcomeCaution: (changed) =>
    changed
      ? "Bentornato in Bio Luce. Il controllo di sicurezza è cambiato dall'ultima volta che l'hai sentito, quindi eccolo di nuovo."
      : "Benvenuto in Bio Luce.",
  welcomeOptions: () => WELCOME_OPTIONS,
  welcomeReprompt: () => `Quale zona vuoi: ${regionChoice()}?`,
  caution: (text) => `${cautionOf(text)} Qualcosa di questo ti riguarda?`,
  cautionWithdrawn: () =>
    "Qualcuno in casa ha segnalato un segnale d'allarme, quindi il tuo bridge Bio Luce ha sospeso tutte le sessioni. Prima della prossima, ecco di nuovo il controllo di sicurezza.",
  cautionChanged: () => "Il controllo di sicurezza è cambiato dall'ultima volta che l'hai sentito, quindi eccolo di nuovo.",
  cautionFirst: () => "Lo faccio appena rispondi al controllo di sicurezza che ho appena letto. Qualcosa di questo ti riguarda?",
  cautionReprompt: () => "Rispondi sì se qualcosa di questo ti riguarda, o no se niente ti riguarda.",
  cautionApplies: (bridge) =>
    `Grazie di avermelo detto. Allora per ora non usare il pannello, e parla prima con un professionista sanitario. Non ho avviato niente.${bridge ? ` ${bridge}` : ""} Quando avrai il via libera, chiedimelo di nuovo.`,
  cautionAcknowledged: () => "Grazie. Ho annotato che niente di questo ti riguarda.",
  cautionAgain: () => `${CAUTION} Se qualcosa di questo ti riguarda, parlane con un professionista prima della prossima sessione.`,
  askRegion: () => `Quale zona: ${regionChoice()}?`,
  unknownRegion: (heard) => `${heard ? `Non posso usare il pannello su ${heard}. ` : ""}Posso fare ${regionChoice()}. Quale?`,
  badDuration: (range, heard) =>
    `${heard ? `${heard} non è una durata che posso usare. ` : ""}Di' una durata tra ${n(range.minSeconds / 60)} e ${n(range.maxSeconds / 60)} minuti, e il bridge la tiene entro il limite sicuro. Per esempio: avvia una sessione per la zona lombare di dieci minuti.`,
  checkingBridge: () => "Controllo con il tuo bridge Bio Luce.",
  timerLabel: () => "Bio Luce",
  timerAnnouncement: (region) => `La tua sessione per ${name(region)} è finita. Il pannello si è spento da solo.`,
  timersAccepted: (region, seconds) =>
    `Grazie. Ho impostato un timer per la fine della tua sessione per ${name(region)}, ${whenPhrase(seconds)}.`,
  timersAcceptedNoSession: () => "Grazie. La tua sessione è già finita; imposterò un timer per la fine della prossima.",
  timersAcceptedFailed: () =>
    "Grazie. Questa volta non sono riuscita a impostare il timer; il pannello si spegne comunque da solo allo scadere del tempo.",
  timersDeclined: () => "Va bene, niente timer. Il pannello si spegne da solo allo scadere del tempo.",
  badDistance: (range) =>
    `Non ho capito una distanza sensata. Le distanze sono in centimetri, tra ${n(range.min)} e ${n(range.max)}. Oppure non dirla, per usare la distanza abituale del pannello.`,
  started: (p) => {
    const r = name(p.region);
    const why = p.reductions.map((reason) => REDUCTIONS[reason](r, minutesPhrase(p.seconds)));
    const shortened = why.length
      ? `L'ho accorciata${p.requested ? ` da ${minutesPhrase(p.requested)}` : ""}, perché ${listIn(why, "e")}. `
      : "";
    const end = p.timerSet
      ? "Ho impostato un timer per la fine."
      : `Il pannello si spegne da solo allo scadere del tempo.${p.askingTimers ? " Con il tuo permesso, Alexa può anche annunciare la fine con un timer." : ""}`;
    return `Avvio la tua sessione per ${r} di ${minutesPhrase(p.seconds)}. ${shortened}${REGION[p.region].tip} ${EYES} Dovrebbe essere al massimo piacevolmente calda. ${stopHint("Se scotta, o per fermarla prima", p.panelName ? [p.panelName] : [])} ${end}`;
  },
  refusals: REFUSALS,
  refusedOther: () => "Il bridge l'ha rifiutato per un motivo che non conosco. La sua dashboard o il suo log dicono perché.",
  unreachable: () =>
    "Mi dispiace, non sono riuscita a raggiungere il tuo bridge Bio Luce. Controlla che il bridge sia acceso, che l'indirizzo del bridge nella skill sia giusto e che la rete funzioni. Non è stato avviato niente.",
  unauthorized: () =>
    "Mi dispiace, il bridge non ha accettato il mio token. Il token del bridge nella skill deve corrispondere a quello nella cartella di archiviazione del bridge.",
  stopped: (seconds, region) =>
    `Fermato. ${capitalised(name(region))}: ${minutesPhrase(seconds)} di luce. Se scottava, la prossima volta mettiti più lontano.`,
  stoppedBeforeStart: (region) => `Fermato prima di iniziare: la sessione per ${name(region)} non ha mai acceso il pannello.`,
  nothingRunning: () => "Il pannello non ha nessuna sessione in corso in questo momento.",
  timeLeft: (seconds, region) => `Alla tua sessione per ${name(region)} mancano ${minutesPhrase(seconds)}. Il pannello si spegne da solo.`,
  doseRegion: (region, used, cap, nextInSeconds) => {
    const percent = Math.round((100 * used) / cap);
    const next =
      nextInSeconds === null
        ? "non è possibile alla distanza attuale del pannello"
        : nextInSeconds <= 60
          ? "è possibile adesso"
          : `è possibile ${whenPhrase(nextInSeconds)}`;
    return `Per ${name(region)} è stato usato il ${n(percent)} per cento della luce delle ultime 24 ore. La prossima sessione per ${name(region)} ${next}.`;
  },
  doseOverall: (parts, onMinutes, leftMinutes) =>
    `Nelle ultime 24 ore: ${listIn(
      parts.map((p) => `${name(p.region)} ${n(p.percent)} per cento`),
      "e",
    )} della luce consentita. Il pannello è stato acceso ${counted("it", onMinutes, "minuto", "minuti", "m")}, e ne restano ${n(leftMinutes)}.`,
  workoutSuggest: (regions) =>
    `Ottimo lavoro. Qualche minuto di movimento leggero, poi luce su ${listIn(regions.map(name), "o")} sarebbe l'ideale. Avvio una sessione per ${name(regions[0])}?`,
  workoutRest: (regions, seconds) =>
    `Ottimo lavoro. ${capitalised(listIn(regions.map(name), "e"))} hanno già avuto luce da poco e ora serve una pausa${seconds === undefined ? "" : `; la prossima sessione è possibile ${whenPhrase(seconds)}`}. Per ora bastano allungamenti leggeri e acqua.`,
  workoutReprompt: (region) => `Avvio una sessione per ${name(region)}? Sì o no?`,
  noThanks: () => "Va bene. Buon recupero.",
  routineStart: (region) =>
    `Facciamo la tua routine per ${name(region)}. Prima, qualche minuto di movimento leggero: ${listIn(REGION[region].movements, "e")}, come ti è comodo. Di' pronto quando hai finito.`,
  routineRelease: (region) =>
    `Bene. Se ti aiuta, dedica un minuto all'automassaggio: ${REGION[region].release}. Di' pronto quando vuoi la luce.`,
  routineReprompt: () => "Di' pronto quando vuoi andare avanti, o stop per terminare la routine.",
  notInRoutine: () => "Al momento non siamo in una routine. Puoi dire: guidami nella routine per la zona lombare.",
  spasmLogged: (count, days) =>
    `Spasmo annotato. Sono ${n(count)} negli ultimi ${n(days)} giorni. Sul momento aiutano allungamenti leggeri e bere acqua; la luce è per il lungo periodo.`,
  spasmNoted: () => "Spasmo annotato. Sul momento aiutano allungamenti leggeri e bere acqua; la luce è per il lungo periodo.",
  tendernessLogged: (score, scale) =>
    `Sensibilità dei nodi annotata: ${n(score)} su ${n(scale.max)}. Guarda l'andamento nelle settimane, non i singoli giorni.`,
  askTenderness: (scale) =>
    `Quanto sono sensibili i tuoi nodi, da ${n(scale.min)} per niente a ${n(scale.max)} per il massimo? Di' per esempio: sensibilità quattro.`,
  romChanges: ROM_WORDS,
  romLogged: (change) => `Annotato: la tua mobilità va ${ROM_WORDS[change]}.`,
  askRom: () => `La tua mobilità va ${listIn(Object.values(ROM_WORDS), "o")}? Di' per esempio: la mia mobilità va meglio.`,
  progress: (p) => {
    const parts = [
      `Questa settimana hai fatto ${counted("it", p.sessionsThisWeek, "sessione", "sessioni", "f")}, contro ${n(p.sessionsBefore)} a settimana in media prima`,
      `${counted("it", p.spasmsThisWeek, "spasmo annotato", "spasmi annotati", "m")}, contro ${n(p.spasmsBefore)} a settimana prima`,
    ];
    if (p.tenderThisWeek !== undefined)
      parts.push(
        `una sensibilità media dei nodi di ${n(p.tenderThisWeek)}${p.tenderBefore !== undefined ? ` contro ${n(p.tenderBefore)} prima` : ""}`,
      );
    return `${listIn(parts, "e")}. ${p.weeksTracked < 3 ? "È ancora presto: i cambiamenti di solito si vedono nell'arco di diverse settimane." : "Continua a seguire l'andamento settimana dopo settimana."}`;
  },
  progressEmpty: () =>
    "Non ho ancora niente di annotato. Dopo le sessioni puoi dire: ho avuto uno spasmo, sensibilità quattro, o la mia mobilità va meglio, e confronterò le settimane per te.",
  progressReview: (weeks) =>
    `Dopo ${n(weeks)} settimane o più, le cose non sono migliorate. Sarebbe una buona idea rivedere il tuo piano con un professionista sanitario o un fisioterapista.`,
  redFlag: () =>
    "Questo richiede una valutazione medica rapida, quindi contatta un professionista sanitario, o i soccorsi se è forte o improvviso. La luce rossa non è adatta a questo, e non avvio nessuna sessione.",
  redFlagStopped: () => "Ho spento il pannello.",
  redFlagPaused: () =>
    "Ho anche sospeso il pannello per tutta la casa: non ripartirà finché il controllo di sicurezza non avrà di nuovo una risposta.",
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
        "La luce rossa non è uno strumento per fermare un crampo sul momento; agisce gradualmente, nell'arco di settimane. Per un crampo improvviso, allungamenti leggeri e un primo soccorso di base sono la scelta migliore, e chiedi al tuo medico dell'idratazione.",
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
  faqUnknown: (questions) => `Posso rispondere a: ${listIn(questions, "e")}. Quale?`,
  help: (panelNames = []) =>
    `Puoi dire: avvia una sessione per la zona lombare, avvia collo e spalle per dieci minuti, spegni il pannello, quanto manca, quanta luce ho ricevuto oggi, sono appena tornato da una corsa, guidami nella routine per la schiena media, sensibilità quattro, come sto andando, o rileggimi le avvertenze. Durante una sessione non ascolto più: per fermarla prima${stopHint("", panelNames)} Cosa vuoi fare?`,
  fallback: () => "Scusa, non ho capito. Puoi dire: avvia una sessione per la zona lombare, o di' aiuto per saperne di più.",
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
  voiceIsSomeoneElse: (who) => `Conosco la tua voce come quella di ${who}. Se è sbagliato, di': dimentica la mia voce.`,
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
