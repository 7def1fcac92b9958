/**
 * Everything the skill says, in French (fr-FR), with the same keys as en-US (the compiler checks).
 * Wellness language only; the caution is never skipped. Numbers and lengths are said in words.
 */
import type { AdjustmentReason, RefusalCode } from "../../matter-bridge/contract/api.js";
import { cautionText } from "../../matter-bridge/contract/caution.js";
import { REGION_IDS, type RegionId } from "../../matter-bridge/contract/regions.js";
import { numberWordsIn } from "../number-words.js";
import type { RomChange } from "../vocabulary.js";
import type { RefusalContext, Speech } from "./en-US.js";
import { counted, listIn, minutesShape, whenShape } from "./words.js";

const REGION: Record<RegionId, { name: string; display: string; tip: string; movements: string[]; release: string }> = {
  "neck-shoulders": {
    name: "nuque et épaules",
    display: "Nuque & épaules",
    tip: "Asseyez-vous ou tenez-vous debout dos au panneau, pour que la lumière couvre la base du crâne, la nuque et le haut du dos.",
    movements: ["de lentes rotations de la tête", "des rotations d'épaules", "de légers rentrés du menton"],
    release: "une balle souple contre un mur, sur le haut des épaules, avec une pression confortable",
  },
  "mid-back": {
    name: "milieu du dos",
    display: "Milieu du dos",
    tip: "Asseyez-vous avec le panneau derrière vous à la distance recommandée, pour que la lumière couvre les omoplates et le milieu de la colonne.",
    movements: ["le chat et la vache", "des rotations d'épaules", "de légères torsions assises"],
    release: "un rouleau de massage le long du haut et du milieu du dos, avec une pression confortable",
  },
  "low-back-hips": {
    name: "bas du dos et hanches",
    display: "Bas du dos & hanches",
    tip: "Tenez-vous debout ou allongez-vous pour que le panneau éclaire le bas du dos et les fessiers ; certains jours, tournez-vous un peu pour varier les angles.",
    movements: ["le chat et la vache", "des ouvertures de hanches", "de légers étirements genou-poitrine"],
    release: "une balle souple ou un rouleau sur les fessiers, avec une pression confortable",
  },
};
const name = (id: RegionId) => REGION[id].name;
const regionChoice = () => listIn(REGION_IDS.map(name), "ou");
const n = (x: number) => numberWordsIn("fr", x);

export function minutesPhrase(seconds: number): string {
  const s = minutesShape(seconds);
  if (s.kind === "seconds") return counted("fr", s.n, "seconde", "secondes", "f");
  if (s.kind === "minutes") return counted("fr", s.n, "minute", "minutes", "f");
  return `environ ${counted("fr", s.whole, "minute", "minutes", "f")} et demie`;
}

export function whenPhrase(seconds: number): string {
  const w = whenShape(seconds);
  if (w.unit === "minute") return "dans une minute";
  if (w.unit === "minutes") return `dans environ ${n(w.n)} minutes`;
  if (w.unit === "hours") return `dans environ ${counted("fr", w.n, "heure", "heures", "f")}`;
  return `dans environ ${counted("fr", w.n, "jour", "jours", "m")}`;
}

const EYES = "Ne regardez pas le panneau ; fermez les yeux ou portez la protection oculaire fournie tant qu'il est allumé.";
const RED_FLAGS = [
  "des spasmes violents ou soudains, ou qui touchent le visage, la langue ou la déglutition",
  "une vraie faiblesse, un engourdissement, ou toute perte de contrôle de la vessie ou des intestins",
  "de la fièvre, une perte de poids que vous ne pouvez pas expliquer, ou des antécédents de maladie grave avec une nouvelle douleur",
  "un médicament ou une affection qui rend votre peau sensible à la lumière",
];
const CAUTION = [
  "Avant votre première séance, un contrôle de sécurité.",
  `Parlez d'abord à un professionnel de santé si l'un de ces points vous concerne : ${RED_FLAGS.join(" ; ")}.`,
  EYES,
  "La lumière doit être agréablement chaude tout au plus, jamais brûlante.",
  "Bio Lumière accompagne le confort musculaire et la récupération dans le cadre d'une routine plus large. Ce n'est pas un avis médical et cela ne remplace pas un professionnel.",
].join(" ");
const cautionOf = (text?: string) =>
  text === undefined || text === cautionText()
    ? CAUTION
    : `Votre bridge a un contrôle de sécurité plus récent, que je n'ai qu'en anglais : ${text}`;

const REDUCTIONS: Record<AdjustmentReason, (r: string, min: string) => string> = {
  SESSION_MAX_SECONDS: (_r, min) => `la plus longue séance dure ${min}`,
  SESSION_MAX_FLUENCE: () => "à cette distance, c'est toute la lumière qu'une séance permet",
  REGION_FLUENCE_24H: (r) => `c'est ce qui reste de la lumière des dernières 24 heures pour ${r}`,
  DAILY_ON_TIME: () => "c'est ce qui reste du temps d'allumage du panneau sur les dernières 24 heures",
};

const forRegion = (r: RefusalContext) => (r.region ? name(r.region) : "cette zone");
const nextPossible = (r: RefusalContext) =>
  r.retryAfterSeconds ? ` La prochaine séance est possible ${whenPhrase(r.retryAfterSeconds)}.` : "";

const REFUSALS: Record<RefusalCode, (r: RefusalContext) => string> = {
  CAUTION_REQUIRED: () => "Le bridge a d'abord besoin du contrôle de sécurité du foyer.",
  REST_INTERVAL: (r) => `Il y a eu une séance récente pour ${forRegion(r)}, et il faut une pause entre deux séances.${nextPossible(r)}`,
  REGION_LIMIT: (r) =>
    `Pour ${forRegion(r)}, toute la lumière des dernières 24 heures est déjà utilisée. Plus n'est pas mieux ici.${nextPossible(r)}`,
  DAILY_ON_TIME: (r) => `Le panneau a atteint son temps d'allumage pour les dernières 24 heures.${nextPossible(r)}`,
  WEEKLY_LIMIT: (r) => `Pour ${forRegion(r)}, le nombre de séances permis sur une semaine est atteint.${nextPossible(r)}`,
  TOO_CLOSE: () => "À cette distance, la lumière serait trop forte. Éloignez-vous du panneau et redemandez.",
  TOO_SHORT: (r) => `Ce serait trop court pour valoir la peine. Les séances durent au moins ${minutesPhrase(r.minSessionSeconds)}.`,
  PANEL_BUSY: (r) => `Le panneau fait déjà une séance.${r.retryAfterSeconds ? ` Elle se termine ${whenPhrase(r.retryAfterSeconds)}.` : ""}`,
  PANEL_UNREACHABLE: () =>
    "Le bridge n'arrive pas à joindre le panneau. Vérifiez que la prise ou le relais du panneau est alimenté et connecté au réseau, puis réessayez.",
  LEDGER_UNAVAILABLE: () =>
    "Le bridge ne peut ni lire ni écrire ses relevés de dose pour le moment, donc il ne lance pas de séance. Son stockage est peut-être plein ; consultez le journal du bridge.",
  UNKNOWN_PANEL: () =>
    "Le bridge ne connaît plus le panneau que je lui ai demandé ; ses panneaux ont peut-être changé. Réessayez, s'il vous plaît.",
  STOPPED: () => "Le panneau a été arrêté avant le début de la séance, donc rien ne tourne. Redemandez quand vous êtes prêt.",
  UNKNOWN_PERSON: () =>
    "Le bridge ne connaît plus la personne que je lui ai demandée ; ses personnes ont peut-être changé. Réessayez, s'il vous plaît.",
  CLOCK_UNTRUSTED: () =>
    "L'horloge du bridge est en retard : il ne peut pas savoir avec certitude quand ont eu lieu vos dernières séances, et il n'en lance pas. Il relancera des séances dès que son horloge sera juste ; vérifiez la synchronisation de l'heure du bridge.",
};

const ROM_WORDS: Record<RomChange, string> = { better: "mieux", same: "pareille", worse: "moins bien" };

const WELCOME_OPTIONS =
  "Vous pouvez dire : lance une séance pour le bas du dos, guide-moi dans la routine pour la nuque, ou quelle est ma dose aujourd'hui. Que voulez-vous faire ?";

const stopHint = (when: string, panelNames: readonly string[]) =>
  `${when}, dites : Alexa, demande à bio lumière d'arrêter le panneau${panelNames.length ? `, ou : Alexa, éteins ${listIn(panelNames, "ou")}` : ""}.`;

export const frFR: Speech = {
  regionNames: Object.fromEntries(REGION_IDS.map((id) => [id, name(id)])) as Record<RegionId, string>,
  welcome: () => `Bienvenue dans Bio Lumière. ${WELCOME_OPTIONS}`,
  welcomeCaution: (changed) =>
    changed
      ? "Bon retour dans Bio Lumière. Le contrôle de sécurité a changé depuis la dernière fois, le voici donc à nouveau."
      : "Bienvenue dans Bio Lumière.",
  welcomeOptions: () => WELCOME_OPTIONS,
  welcomeReprompt: () => `Quelle zone voulez-vous : ${regionChoice()} ?`,
  caution: (text) => `${cautionOf(text)} Est-ce que l'un de ces points vous concerne ?`,
  cautionWithdrawn: () =>
    "Quelqu'un de votre foyer a signalé un signal d'alerte, donc votre bridge Bio Lumière a suspendu toutes les séances. Avant la prochaine, voici à nouveau le contrôle de sécurité.",
  cautionChanged: () => "Le contrôle de sécurité a changé depuis la dernière fois, le voici donc à nouveau.",
  cautionFirst: () =>
    "Je le ferai dès que vous aurez répondu au contrôle de sécurité que je viens de lire. Est-ce que l'un de ces points vous concerne ?",
  cautionReprompt: () => "Répondez oui si l'un de ces points vous concerne, ou non si aucun ne vous concerne.",
  cautionApplies: (bridge) =>
    `Merci de me le dire. Alors n'utilisez pas le panneau pour l'instant, et parlez d'abord à un professionnel de santé. Je n'ai rien lancé.${bridge ? ` ${bridge}` : ""} Quand vous aurez eu le feu vert, redemandez-moi simplement.`,
  cautionAcknowledged: () => "Merci. J'ai noté qu'aucun de ces points ne vous concerne.",
  cautionAgain: () => `${CAUTION} Si l'un de ces points vous concerne, parlez-en à un professionnel avant votre prochaine séance.`,
  askRegion: () => `Quelle zone : ${regionChoice()} ?`,
  unknownRegion: (heard) =>
    `${heard ? `Je ne peux pas utiliser le panneau pour ${heard}. ` : ""}Je peux faire ${regionChoice()}. Laquelle ?`,
  badDuration: (range, heard) =>
    `${heard ? `${heard} n'est pas une durée de séance que je peux utiliser. ` : ""}Dites une durée entre ${n(range.minSeconds / 60)} et ${n(range.maxSeconds / 60)} minutes, et le bridge la garde dans la limite sûre. Par exemple : lance une séance pour le bas du dos pendant dix minutes.`,
  checkingBridge: () => "Je vérifie auprès de votre bridge Bio Lumière.",
  timerLabel: () => "Bio Lumière",
  timerAnnouncement: (region) => `Votre séance ${name(region)} est terminée. Le panneau s'est éteint tout seul.`,
  timersAccepted: (region, seconds) => `Merci. J'ai mis un minuteur pour la fin de votre séance ${name(region)}, ${whenPhrase(seconds)}.`,
  timersAcceptedNoSession: () => "Merci. Votre séance est déjà terminée ; je mettrai un minuteur pour la fin de la prochaine.",
  timersAcceptedFailed: () => "Merci. Je n'ai pas pu mettre le minuteur cette fois ; le panneau s'éteint quand même tout seul à la fin.",
  timersDeclined: () => "D'accord, pas de minuteur. Le panneau s'éteint tout seul à la fin.",
  badDistance: (range) =>
    `Je n'ai pas compris de distance sensée. Les distances sont en centimètres, entre ${n(range.min)} et ${n(range.max)}. Ou ne la précisez pas pour utiliser la distance habituelle du panneau.`,
  started: (p) => {
    const r = name(p.region);
    const why = p.reductions.map((reason) => REDUCTIONS[reason](r, minutesPhrase(p.seconds)));
    const shortened = why.length
      ? `Je l'ai raccourcie${p.requested ? `, au lieu de ${minutesPhrase(p.requested)},` : ""} parce que ${listIn(why, "et")}. `
      : "";
    const end = p.timerSet
      ? "J'ai mis un minuteur pour la fin."
      : `Le panneau s'éteint tout seul à la fin.${p.askingTimers ? " Avec votre accord, Alexa peut aussi annoncer la fin avec un minuteur." : ""}`;
    return `Je lance votre séance ${r} pour ${minutesPhrase(p.seconds)}. ${shortened}${REGION[p.region].tip} ${EYES} La chaleur doit rester agréable, tout au plus. ${stopHint("Si ça chauffe trop, ou pour arrêter plus tôt", p.panelName ? [p.panelName] : [])} ${end}`;
  },
  refusals: REFUSALS,
  refusedOther: () => "Le bridge a refusé pour une raison que je ne connais pas. Son tableau de bord ou son journal en donne la raison.",
  unreachable: () =>
    "Désolé, je n'ai pas pu joindre votre bridge Bio Lumière. Vérifiez que le bridge fonctionne, que l'adresse du bridge dans la skill est juste et que votre réseau marche. Rien n'a été lancé.",
  unauthorized: () =>
    "Désolé, le bridge n'a pas accepté mon jeton. Le jeton du bridge dans la skill doit correspondre à celui du dossier de stockage du bridge.",
  stopped: (seconds, region) =>
    `Arrêté. ${capitalisedFr(name(region))} : ${minutesPhrase(seconds)} de lumière. Si c'était trop chaud, éloignez-vous davantage la prochaine fois.`,
  stoppedBeforeStart: (region) => `Arrêté avant le début : la séance ${name(region)} n'a jamais allumé le panneau.`,
  nothingRunning: () => "Le panneau ne fait aucune séance en ce moment.",
  timeLeft: (seconds, region) => `Il reste ${minutesPhrase(seconds)} à votre séance ${name(region)}. Le panneau s'éteint tout seul.`,
  doseRegion: (region, used, cap, nextInSeconds) => {
    const percent = Math.round((100 * used) / cap);
    const next =
      nextInSeconds === null
        ? "n'est pas possible à la distance actuelle du panneau"
        : nextInSeconds <= 60
          ? "est possible maintenant"
          : `est possible ${whenPhrase(nextInSeconds)}`;
    return `Pour ${name(region)}, ${n(percent)} pour cent de la lumière des dernières 24 heures est utilisée. La prochaine séance ${name(region)} ${next}.`;
  },
  doseOverall: (parts, onMinutes, leftMinutes) =>
    `Sur les dernières 24 heures : ${listIn(
      parts.map((p) => `${name(p.region)} ${n(p.percent)} pour cent`),
      "et",
    )} de la lumière permise. Le panneau a été allumé ${counted("fr", onMinutes, "minute", "minutes", "f")}, et il en reste ${n(leftMinutes)}.`,
  workoutSuggest: (regions) =>
    `Bravo. Quelques minutes de mouvement doux, puis de la lumière pour ${listIn(regions.map(name), "ou")}, ce serait idéal. Je lance une séance ${name(regions[0])} ?`,
  workoutRest: (regions, seconds) =>
    `Bravo. ${capitalisedFr(listIn(regions.map(name), "et"))} : il y a déjà eu de la lumière récemment, c'est le moment d'une pause${seconds === undefined ? "" : ` ; la prochaine séance est possible ${whenPhrase(seconds)}`}. Des étirements doux et de l'eau suffiront pour l'instant.`,
  workoutReprompt: (region) => `Je lance une séance ${name(region)} ? Oui ou non ?`,
  noThanks: () => "D'accord. Bonne récupération.",
  routineStart: (region) =>
    `Faisons votre routine ${name(region)}. D'abord, quelques minutes de mouvement doux : ${listIn(REGION[region].movements, "et")}, selon ce qui est confortable. Dites prêt quand c'est fait.`,
  routineRelease: (region) =>
    `Bien. Si ça vous aide, prenez une minute pour un auto-massage : ${REGION[region].release}. Dites prêt quand vous voulez la lumière.`,
  routineReprompt: () => "Dites prêt pour continuer, ou stop pour terminer la routine.",
  notInRoutine: () => "Nous ne sommes pas dans une routine en ce moment. Vous pouvez dire : guide-moi dans la routine pour le bas du dos.",
  spasmLogged: (count, days) =>
    `Spasme noté. Cela fait ${n(count)} sur les ${n(days)} derniers jours. Sur le moment, des étirements doux et bien s'hydrater aident ; la lumière, c'est pour le long terme.`,
  spasmNoted: () => "Spasme noté. Sur le moment, des étirements doux et bien s'hydrater aident ; la lumière, c'est pour le long terme.",
  tendernessLogged: (score, scale) =>
    `Sensibilité des nœuds notée : ${n(score)} sur ${n(scale.max)}. Regardez l'évolution sur plusieurs semaines, pas jour par jour.`,
  askTenderness: (scale) =>
    `Quelle est la sensibilité de vos nœuds, de ${n(scale.min)} pour aucune à ${n(scale.max)} pour la pire ? Dites par exemple : sensibilité quatre.`,
  romChanges: ROM_WORDS,
  romLogged: (change) => `C'est noté : votre mobilité est ${ROM_WORDS[change]}.`,
  askRom: () => `Votre mobilité est-elle ${listIn(Object.values(ROM_WORDS), "ou")} ? Dites par exemple : ma mobilité est mieux.`,
  progress: (p) => {
    const parts = [
      `Cette semaine, vous avez fait ${counted("fr", p.sessionsThisWeek, "séance", "séances", "f")}, contre ${n(p.sessionsBefore)} par semaine en moyenne avant`,
      `${counted("fr", p.spasmsThisWeek, "spasme noté", "spasmes notés", "m")}, contre ${n(p.spasmsBefore)} par semaine avant`,
    ];
    if (p.tenderThisWeek !== undefined)
      parts.push(
        `une sensibilité moyenne des nœuds de ${n(p.tenderThisWeek)}${p.tenderBefore !== undefined ? ` contre ${n(p.tenderBefore)} avant` : ""}`,
      );
    return `${listIn(parts, "et")}. ${p.weeksTracked < 3 ? "C'est encore tôt : les changements se voient en général sur plusieurs semaines." : "Continuez à suivre l'évolution au fil des semaines."}`;
  },
  progressEmpty: () =>
    "Je n'ai encore rien de noté. Après les séances, vous pouvez dire : j'ai eu un spasme, sensibilité quatre, ou ma mobilité est mieux, et je comparerai les semaines pour vous.",
  progressReview: (weeks) =>
    `Après ${n(weeks)} semaines ou plus, les choses ne se sont pas améliorées. Ce serait une bonne idée de revoir votre plan avec un professionnel de santé ou un kinésithérapeute.`,
  redFlag: () =>
    "Cela demande un avis médical rapide : contactez un professionnel de santé, ou les urgences si c'est violent ou soudain. La lumière rouge n'est pas adaptée à cela, et je ne lance pas de séance.",
  redFlagStopped: () => "J'ai éteint le panneau.",
  redFlagPaused: () =>
    "J'ai aussi suspendu le panneau pour tout votre foyer : il ne redémarrera pas tant que le contrôle de sécurité n'aura pas été répondu à nouveau.",
  redFlagNotPaused: (why) => {
    const cause =
      why === "unreachable"
        ? "Je n'ai pas pu joindre votre bridge Bio Lumière"
        : why === "unauthorized"
          ? "Votre bridge Bio Lumière n'a pas accepté mon jeton"
          : "Votre bridge Bio Lumière n'a pas pu l'enregistrer pour le moment";
    return `${cause}, donc je n'ai pas pu suspendre le panneau pour votre foyer. Si le panneau est allumé, débranchez-le, et ne l'utilisez pas avant d'avoir parlé à un professionnel.`;
  },
  faq: {
    cramp: {
      question: "est-ce que ça peut arrêter une crampe",
      answer: () =>
        "La lumière rouge n'est pas un moyen d'arrêter une crampe sur le moment ; elle agit progressivement, sur des semaines. Pour une crampe soudaine, des étirements doux et les premiers gestes de base sont un meilleur choix, et demandez à votre médecin ce qu'il en est de l'hydratation.",
    },
    massage: {
      question: "est-ce que j'ai encore besoin de massages ou de kiné",
      answer: () =>
        "La plupart des gens s'en sortent mieux en combinant les approches. Les massages et la kinésithérapie agissent sur le mouvement, la force et les tissus d'une façon que la lumière ne peut pas. Utilisez le panneau pour soutenir le confort et la récupération autour d'eux, pas à leur place.",
    },
    daily: {
      question: "est-ce que je peux l'utiliser tous les jours",
      answer: () =>
        "Pour beaucoup d'adultes en bonne santé, une courte séance quotidienne dans les limites est jugée raisonnable, et le bridge fait respecter ces limites. Si vous avez une maladie, prenez un médicament qui rend la peau sensible à la lumière, ou avez des symptômes inhabituels, demandez d'abord à un professionnel.",
    },
  },
  faqUnknown: (questions) => `Je peux répondre à : ${listIn(questions, "et")}. Laquelle ?`,
  help: (panelNames = []) =>
    `Vous pouvez dire : lance une séance pour le bas du dos, lance nuque et épaules pendant dix minutes, arrête le panneau, combien de temps il reste, quelle est ma dose aujourd'hui, je viens de faire un footing, guide-moi dans la routine pour le milieu du dos, sensibilité quatre, comment ça avance, ou relis-moi les consignes de sécurité. Pendant une séance, je n'écoute plus : pour l'arrêter plus tôt${stopHint("", panelNames)} Que voulez-vous faire ?`,
  fallback: () => "Désolé, je n'ai pas compris. Vous pouvez dire : lance une séance pour le bas du dos, ou dites aide pour en savoir plus.",
  goodbye: () => "Au revoir.",
  error: () => "Désolé, quelque chose n'a pas marché de mon côté. Réessayez, ou dites stop pour éteindre le panneau.",
  reprompt: () => "Que voulez-vous faire ?",
  whoIsThisVoice: (names) =>
    `Je ne connais pas encore votre voix. Vous êtes ${listIn(names, "ou")} ? Dites par exemple : c'est ${names[0]}.`,
  whoIsItFor: (names) => `C'est pour qui : ${listIn(names, "ou")} ? Dites par exemple : c'est pour ${names[0]}.`,
  whoReprompt: (names) => `Dites le nom, par exemple : c'est ${listIn(names, "ou c'est")}.`,
  whoUnknown: (heard, names) =>
    `${heard ? `${heard} ne fait pas partie des personnes que connaît votre bridge Bio Lumière. ` : ""}Vous êtes ${listIn(names, "ou")} ?`,
  voiceRemembered: (who) => `Merci, ${who}. Je reconnaîtrai votre voix désormais.`,
  voiceForgotten: (who) => `D'accord, j'ai oublié que votre voix est celle de ${who}. La prochaine fois, je vous demanderai qui vous êtes.`,
  voiceIsSomeoneElse: (who) => `Je connais votre voix comme celle de ${who}. Si c'est faux, dites : oublie ma voix.`,
  voiceNotLinked: () => "Je n'ai associé votre voix à personne.",
  voiceNotRecognized: () => "Je ne reconnais pas votre voix, donc je ne l'ai associée à personne.",
  loggedForHousehold: () =>
    "Je n'ai pas pu joindre votre bridge Bio Lumière pour savoir à qui est cette note, alors je l'ai gardée avec les notes du foyer.",
  toPerson: (who, text) => `${who}, ${text.charAt(0).toLowerCase()}${text.slice(1)}`,
  screen: {
    title: "Bio Lumière",
    running: "En cours",
    endsAt: "Fin prévue",
    left: "restantes",
    nothingRunning: "Rien n'est en cours.",
    refused: "Pas maintenant",
    nextSessionAt: "Prochaine séance possible à",
    nextSessionUnknown: "Attendre n'y changera rien ; demandez pourquoi à Bio Lumière.",
    last24h: "Lumière sur les dernières 24 heures",
    unit: "J/cm²",
    noDose: "Le bridge n'a pas répondu : la lumière utilisée n'est pas affichée.",
    regions: Object.fromEntries(REGION_IDS.map((id) => [id, REGION[id].display])) as Record<RegionId, string>,
  },
};

function capitalisedFr(text: string) {
  return `${text[0].toUpperCase()}${text.slice(1)}`;
}
