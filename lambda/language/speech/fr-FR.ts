/**
 * Everything the skill says, in French (fr-FR), with the same keys as en-US (the compiler checks).
 * Wellness language only; the caution is never skipped. Numbers and lengths are said in words.
 */
import type { AdjustmentReason, RefusalCode } from "../../../matter-bridge/contract/api.js";
import { cautionText } from "../../../matter-bridge/contract/caution.js";
import { REGION_IDS, type RegionId } from "../../../matter-bridge/contract/regions.js";
import { numberWordsIn } from "../spoken-numbers/de-fr-es-it.js";
import type { RomChange } from "../vocabulary.js";
import type { RefusalContext, Speech, SpokenRedFlag } from "./en-US.js";
import { capitalised, counted, listIn, minutesShape, whenShape } from "./words.js";

/** `the`: the region with its articles, for a sentence ("pour la nuque et les épaules"); `plural`: its verb agrees in the plural. */
const REGION: Record<
  RegionId,
  { name: string; the: string; plural: boolean; display: string; tip: string; movements: string[]; release: string }
> = {
  "neck-shoulders": {
    name: "nuque et épaules",
    the: "la nuque et les épaules",
    plural: true,
    display: "Nuque & épaules",
    tip: "Asseyez-vous ou tenez-vous debout dos au panneau, pour que la lumière couvre la base du crâne, la nuque et le haut du dos.",
    movements: ["de lentes rotations de la tête", "des rotations d'épaules", "de légères rétractions du menton"],
    release: "une balle souple contre un mur, sur le haut des épaules, avec une pression confortable",
  },
  "mid-back": {
    name: "milieu du dos",
    the: "le milieu du dos",
    plural: false,
    display: "Milieu du dos",
    tip: "Asseyez-vous avec le panneau derrière vous à la distance recommandée, pour que la lumière couvre les omoplates et le milieu de la colonne.",
    movements: ["la posture du chat et de la vache", "des rotations d'épaules", "de légères torsions assises"],
    release: "un rouleau de massage le long du haut et du milieu du dos, avec une pression confortable",
  },
  "low-back-hips": {
    name: "bas du dos et hanches",
    the: "le bas du dos et les hanches",
    plural: true,
    display: "Bas du dos & hanches",
    tip: "Tenez-vous debout ou allongez-vous pour que le panneau éclaire le bas du dos et les fessiers ; certains jours, tournez-vous un peu pour varier les angles.",
    movements: ["la posture du chat et de la vache", "des ouvertures de hanches", "de légers étirements genoux-poitrine"],
    release: "une balle souple ou un rouleau sur les fessiers, avec une pression confortable",
  },
};
const name = (id: RegionId) => REGION[id].name;
const the = (id: RegionId) => REGION[id].the;
const regionChoice = () => listIn(REGION_IDS.map(name), "ou");
const n = (x: number) => numberWordsIn("fr", x);
/** A number before (or standing for) a feminine noun: "une", "vingt et une" (séances, minutes). */
const fem = (x: number) => (x === 1 ? "une" : n(x).replace(/(^|[ -])un$/, "$1une"));
/** "que" and "de" elided before a vowel: "parce qu'une séance", "celle d'Anna". */
const elided = (word: "que" | "de", next: string) =>
  /^[aeiouyàâéèêîïôûh]/i.test(next) ? `${word.slice(0, -1)}'${next}` : `${word} ${next}`;
/** An average, with its one decimal said the French way: 2.5 → "deux virgule cinq". */
const dec = (x: number, words: (x: number) => string = n) => {
  const [whole, tenth] = x.toFixed(1).split(".");
  return tenth === "0" ? words(Number(whole)) : `${n(Number(whole))} virgule ${n(Number(tenth))}`;
};

export function minutesPhrase(seconds: number): string {
  const s = minutesShape(seconds);
  if (s.kind === "seconds") return counted("fr", s.n, "seconde", "secondes", "f");
  if (s.kind === "minutes") return counted("fr", s.n, "minute", "minutes", "f");
  return `environ ${counted("fr", s.whole, "minute", "minutes", "f")} et demie`;
}

export function whenPhrase(seconds: number): string {
  const w = whenShape(seconds);
  if (w.unit === "minute") return "dans une minute";
  if (w.unit === "minutes") return `dans environ ${counted("fr", w.n, "minute", "minutes", "f")}`;
  if (w.unit === "hours") return `dans environ ${counted("fr", w.n, "heure", "heures", "f")}`;
  return `dans environ ${counted("fr", w.n, "jour", "jours", "m")}`;
}

const EYES =
  "Ne regardez pas directement le panneau ; fermez les yeux ou portez les lunettes de protection fournies tant qu'il est allumé.";
const RED_FLAGS = [
  "des spasmes violents ou soudains, ou qui touchent le visage, la langue ou la déglutition",
  "une faiblesse importante, un engourdissement, ou une perte de contrôle de la vessie ou des intestins",
  "de la fièvre, une perte de poids que vous ne pouvez pas expliquer, ou des antécédents de maladie grave avec une douleur nouvelle",
  "un médicament ou une affection qui rend votre peau sensible à la lumière",
];
const CAUTION = [
  "Avant votre première séance, un contrôle de sécurité.",
  `Parlez d'abord à un professionnel de santé si l'un de ces points vous concerne : ${RED_FLAGS.join(" ; ")}.`,
  EYES,
  "Vous ne devez sentir qu'une douce chaleur, tout au plus, jamais une forte chaleur.",
  "Bio Lumière accompagne le confort musculaire et la récupération dans le cadre d'une routine plus large. Ce n'est pas un avis médical et cela ne remplace pas un professionnel de santé.",
].join(" ");
const cautionOf = (text?: string) =>
  text === undefined || text === cautionText()
    ? CAUTION
    : `Votre bridge a un contrôle de sécurité plus récent, que je n'ai qu'en anglais : ${text}`;

const REDUCTIONS: Record<AdjustmentReason, (r: string, min: string) => string> = {
  SESSION_MAX_SECONDS: (_r, min) => `une séance dure au maximum ${min}`,
  SESSION_MAX_FLUENCE: () => "à cette distance, c'est toute la lumière qu'une séance permet",
  REGION_FLUENCE_24H: (r) => `c'est ce qu'il reste de la lumière permise sur 24 heures pour ${r}`,
  DAILY_ON_TIME: () => "c'est ce qu'il reste du temps d'allumage du panneau sur les dernières 24 heures",
};

const forRegion = (r: RefusalContext) => (r.region ? the(r.region) : "cette zone");
const nextPossible = (r: RefusalContext) =>
  r.retryAfterSeconds ? ` La prochaine séance est possible ${whenPhrase(r.retryAfterSeconds)}.` : "";

const REFUSALS: Record<RefusalCode, (r: RefusalContext) => string> = {
  CAUTION_REQUIRED: () => "Le bridge a d'abord besoin du contrôle de sécurité du foyer.",
  REST_INTERVAL: (r) =>
    `Il y a déjà eu une séance récente pour ${forRegion(r)}, et il faut une pause entre deux séances.${nextPossible(r)}`,
  REGION_LIMIT: (r) =>
    `Pour ${forRegion(r)}, toute la lumière permise sur les dernières 24 heures est déjà utilisée. En rajouter n'aiderait pas.${nextPossible(r)}`,
  DAILY_ON_TIME: (r) => `Le panneau a atteint sa durée maximale d'allumage sur les dernières 24 heures.${nextPossible(r)}`,
  WEEKLY_LIMIT: (r) => `Pour ${forRegion(r)}, le nombre maximal de séances sur une semaine est atteint.${nextPossible(r)}`,
  TOO_CLOSE: () => "À cette distance, la lumière serait trop forte. Éloignez-vous du panneau et redemandez.",
  TOO_SHORT: (r) => `Ce serait trop court pour valoir la peine. Les séances durent au moins ${minutesPhrase(r.minSessionSeconds)}.`,
  PANEL_BUSY: (r) =>
    `Une séance est déjà en cours sur le panneau.${r.retryAfterSeconds ? ` Elle se termine ${whenPhrase(r.retryAfterSeconds)}.` : ""}`,
  PANEL_UNREACHABLE: () =>
    "Le bridge n'arrive pas à joindre le panneau. Vérifiez que la prise ou le relais du panneau est alimenté et connecté au réseau, puis réessayez.",
  LEDGER_UNAVAILABLE: () =>
    "Le bridge ne peut ni lire ni écrire ses relevés de dose pour le moment, donc il ne lance pas de séance. Son stockage est peut-être plein ; consultez le journal du bridge.",
  UNKNOWN_PANEL: () =>
    "Le bridge ne connaît plus le panneau dont je lui ai parlé ; ses panneaux ont peut-être changé. Réessayez, s'il vous plaît.",
  STOPPED: () => "Le panneau a été arrêté avant le début de la séance, donc rien n'est en cours. Redemandez-moi quand vous voulez.",
  UNKNOWN_PERSON: () =>
    "Le bridge ne connaît plus la personne dont je lui ai parlé ; sa liste de personnes a peut-être changé. Réessayez, s'il vous plaît.",
  CLOCK_UNTRUSTED: () =>
    "L'horloge du bridge est en retard : il ne peut pas savoir avec certitude quand ont eu lieu vos dernières séances, et il n'en lance pas. Il relancera des séances dès que son horloge sera juste ; vérifiez la synchronisation de l'heure du bridge.",
};

/** Said after "votre mobilité est" (and the RomChange slot's values). */
const ROM_WORDS: Record<RomChange, string> = { better: "meilleure", same: "inchangée", worse: "moins bonne" };

const WELCOME_OPTIONS =
  "Vous pouvez dire : lance une séance pour le bas du dos, guide-moi dans la routine pour la nuque, ou quelle est ma dose aujourd'hui. Que voulez-vous faire ?";

/** What each reason the skill itself gives a red flag (flows/caution.ts) and the bridge's own ones are in French. */
const FLAG_REASONS: Record<string, string> = {
  "a red-flag symptom was reported to the Alexa skill": "un symptôme d'alerte a été signalé à la skill Alexa",
  "someone answered yes to the caution in the Alexa skill": "quelqu'un a répondu oui au contrôle de sécurité dans la skill Alexa",
  "several red flags reported while the disk was full (their details did not fit)":
    "plusieurs signes d'alerte ont été signalés pendant que le disque du bridge était plein, sans place pour leurs détails",
  "the red-flag slot could not be read": "le registre des signes d'alerte du bridge n'a pas pu être lu",
};

/** The open red flags, newest first, one sentence each: for whom, and what was reported (another reason in the bridge's English). */
const redFlagsSaid = (flags: readonly SpokenRedFlag[]): string => {
  const one = (f: SpokenRedFlag) => {
    const who = f.who === null ? "pour tout le monde" : f.who === "you" ? "pour vous" : `pour ${f.who}`;
    const reason = f.reason?.trim().replace(/[.!?]+$/, "");
    if (!reason) return `${who}.`;
    return FLAG_REASONS[reason] ? `${who} : ${FLAG_REASONS[reason]}.` : `${who}, avec ce motif en anglais : ${reason}.`;
  };
  if (flags.length === 1) return `Ce signe d'alerte est toujours actif, ${one(flags[0])}`;
  return `${capitalised(n(flags.length))} signes d'alerte sont toujours actifs, du plus récent au plus ancien : ${flags.map((f, i) => `${i === 0 ? "" : "Puis, "}${one(f)}`).join(" ")}`;
};

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
  cautionWithdrawn: (flags = []) =>
    `Quelqu'un de votre foyer a signalé un signe d'alerte, donc votre bridge Bio Lumière a suspendu toutes les séances.${flags.length ? ` ${redFlagsSaid(flags)}` : ""} Avant la prochaine, voici à nouveau le contrôle de sécurité.`,
  cautionChanged: () => "Le contrôle de sécurité a changé depuis la dernière fois, le voici donc à nouveau.",
  cautionFirst: () =>
    "Je le ferai dès que vous aurez répondu au contrôle de sécurité que je viens de lire. Est-ce que l'un de ces points vous concerne ?",
  cautionReprompt: () => "Répondez oui si l'un de ces points vous concerne, ou non si aucun ne vous concerne.",
  cautionApplies: (bridge) =>
    `Merci de me l'avoir dit. Dans ce cas, n'utilisez pas le panneau pour le moment, et parlez d'abord à un professionnel de santé. Je n'ai rien lancé.${bridge ? ` ${bridge}` : ""} Quand un professionnel vous aura donné le feu vert, redemandez-moi simplement.`,
  cautionAcknowledged: () => "Merci. J'ai noté qu'aucun de ces points ne vous concerne.",
  cautionAgain: () => `${CAUTION} Si l'un de ces points vous concerne, parlez-en à un professionnel avant votre prochaine séance.`,
  askRegion: () => `Quelle zone : ${regionChoice()} ?`,
  unknownRegion: (heard) =>
    `${heard ? `Je ne peux pas utiliser le panneau pour cette zone : ${heard}. ` : ""}Je propose : ${regionChoice()}. Laquelle ?`,
  badDuration: (range, heard) =>
    `${heard ? `${heard} n'est pas une durée de séance que je peux utiliser. ` : ""}Dites une durée entre ${fem(range.minSeconds / 60)} et ${fem(range.maxSeconds / 60)} minutes, et le bridge la maintient dans les limites de sécurité. Par exemple : lance une séance pour le bas du dos pendant dix minutes.`,
  checkingBridge: () => "Je vérifie auprès de votre bridge Bio Lumière.",
  timerLabel: () => "Bio Lumière",
  timerAnnouncement: (region) => `Votre séance pour ${the(region)} est terminée. Le panneau s'est éteint tout seul.`,
  timersAccepted: (region, seconds) =>
    `Merci. Votre séance pour ${the(region)} se termine ${whenPhrase(seconds)} ; j'ai mis un minuteur pour la fin.`,
  timersAcceptedNoSession: () => "Merci. Votre séance est déjà terminée ; je mettrai un minuteur pour la fin de la prochaine.",
  timersAcceptedFailed: () => "Merci. Je n'ai pas pu mettre le minuteur cette fois ; le panneau s'éteint quand même tout seul à la fin.",
  timersDeclined: () => "D'accord, pas de minuteur. Le panneau s'éteint tout seul à la fin.",
  badDistance: (range) =>
    `Je n'ai pas compris de distance valable. Les distances sont en centimètres, entre ${n(range.min)} et ${n(range.max)}. Ou ne la précisez pas pour utiliser la distance habituelle du panneau.`,
  started: (p) => {
    const r = the(p.region);
    const why = p.reductions.map((reason) => REDUCTIONS[reason](r, minutesPhrase(p.seconds)));
    const shortened = why.length
      ? `Je l'ai raccourcie${p.requested ? `, au lieu de ${minutesPhrase(p.requested)},` : ""} parce ${elided("que", listIn(why, "et"))}. `
      : "";
    const end = p.timerSet
      ? "J'ai mis un minuteur pour la fin."
      : `Le panneau s'éteint tout seul à la fin.${p.askingTimers ? " Avec votre accord, Alexa peut aussi annoncer la fin avec un minuteur." : ""}`;
    return `Je lance votre séance de ${minutesPhrase(p.seconds)} pour ${r}. ${shortened}${REGION[p.region].tip} ${EYES} Vous ne devez sentir qu'une douce chaleur, tout au plus. ${stopHint("Si ça chauffe, ou pour arrêter plus tôt", p.panelName ? [p.panelName] : [])} ${end}`;
  },
  refusals: REFUSALS,
  refusedOther: () => "Le bridge a refusé pour une raison que je ne connais pas. Son tableau de bord ou son journal indique pourquoi.",
  bridgeOffline: (offlineSeconds?: number) =>
    `Votre bridge Bio Lumière est hors ligne${offlineSeconds !== undefined ? ` ${whenPhrase(offlineSeconds).replace(/^dans /, "depuis ")}` : ""}. Rien n'a été lancé.`,
  unreachable: () =>
    "Désolée, je n'ai pas pu joindre votre bridge Bio Lumière. Vérifiez que le bridge fonctionne, que l'adresse du bridge dans la skill est correcte et que votre réseau fonctionne. Rien n'a été lancé.",
  unauthorized: () =>
    "Désolée, le bridge n'a pas accepté mon jeton. Le jeton du bridge dans la skill doit correspondre à celui du dossier de stockage du bridge.",
  stopped: (seconds, region) =>
    `Séance arrêtée. ${capitalised(name(region))} : ${minutesPhrase(seconds)} de lumière. Si vous avez senti une forte chaleur, éloignez-vous davantage la prochaine fois.`,
  stoppedBeforeStart: (region) => `Séance arrêtée avant de commencer : le panneau ne s'est jamais allumé pour ${the(region)}.`,
  nothingRunning: () => "Aucune séance n'est en cours sur le panneau.",
  timeLeft: (seconds, region) => `Il reste ${minutesPhrase(seconds)} à votre séance pour ${the(region)}. Le panneau s'éteindra tout seul.`,
  doseRegion: (region, used, cap, nextInSeconds) => {
    const percent = Math.round((100 * used) / cap);
    const next =
      nextInSeconds === null
        ? "n'est pas possible à la distance actuelle du panneau"
        : nextInSeconds <= 60
          ? "est possible maintenant"
          : `est possible ${whenPhrase(nextInSeconds)}`;
    return `Pour ${the(region)}, vous avez utilisé ${n(percent)} pour cent de la lumière permise sur les dernières 24 heures. La prochaine séance pour ${the(region)} ${next}.`;
  },
  doseOverall: (parts, onMinutes, leftMinutes) =>
    `Lumière utilisée sur les dernières 24 heures, par rapport au maximum permis : ${parts
      .map((p) => `${name(p.region)}, ${n(p.percent)} pour cent`)
      .join(
        " ; ",
      )}. Le panneau a été allumé pendant ${counted("fr", onMinutes, "minute", "minutes", "f")}, et il lui en reste ${fem(leftMinutes)}.`,
  workoutSuggest: (regions) =>
    `Bravo. Quelques minutes de mouvement doux, puis de la lumière sur ${listIn(regions.map(the), "ou")}, ce serait une bonne idée. Je lance une séance pour ${the(regions[0])} ?`,
  workoutRest: (regions, seconds) => {
    const plural = regions.length > 1 || REGION[regions[0]].plural;
    return `Bravo. ${capitalised(listIn(regions.map(the), "et"))} ${plural ? "ont" : "a"} déjà reçu de la lumière récemment et ${plural ? "ont" : "a"} besoin d'une pause${seconds === undefined ? "" : ` ; la prochaine séance est possible ${whenPhrase(seconds)}`}. Des étirements doux et de l'eau suffiront pour l'instant.`;
  },
  workoutReprompt: (region) => `Je lance une séance pour ${the(region)} ? Oui ou non ?`,
  noThanks: () => "D'accord. Bonne récupération.",
  routineStart: (region) =>
    `Faisons votre routine pour ${the(region)}. D'abord, quelques minutes de mouvement doux : ${listIn(REGION[region].movements, "et")}, selon ce qui vous semble confortable. Dites prêt quand c'est fait.`,
  routineRelease: (region) =>
    `Bien. Si ça vous aide, prenez une minute pour un auto-massage : ${REGION[region].release}. Dites prêt quand vous voulez la lumière.`,
  routineReprompt: () => "Dites prêt pour continuer, ou stop pour terminer la routine.",
  notInRoutine: () => "Nous ne sommes pas dans une routine en ce moment. Vous pouvez dire : guide-moi dans la routine pour le bas du dos.",
  spasmLogged: (count, days) =>
    `Spasme noté. Cela fait ${n(count)} sur les ${n(days)} derniers jours. Sur le moment, des étirements doux et une bonne hydratation aident ; la lumière, c'est pour le long terme.`,
  spasmNoted: () =>
    "Spasme noté. Sur le moment, des étirements doux et une bonne hydratation aident ; la lumière, c'est pour le long terme.",
  tendernessLogged: (score, scale) =>
    `Sensibilité des nœuds notée : ${n(score)} sur ${n(scale.max)}. Regardez l'évolution sur plusieurs semaines, pas jour par jour.`,
  askTenderness: (scale) =>
    `Quelle est la sensibilité de vos nœuds, de ${n(scale.min)} pour aucune sensibilité à ${n(scale.max)} pour la pire ? Dites par exemple : sensibilité quatre.`,
  romChanges: ROM_WORDS,
  romLogged: (change) => `C'est noté : votre mobilité est ${ROM_WORDS[change]}.`,
  askRom: () => `Votre mobilité est-elle ${listIn(Object.values(ROM_WORDS), "ou")} ? Dites par exemple : ma mobilité est meilleure.`,
  progress: (p) => {
    const parts = [
      `Cette semaine, ${p.sessionsThisWeek === 0 ? "vous n'avez fait aucune séance" : `vous avez fait ${counted("fr", p.sessionsThisWeek, "séance", "séances", "f")}`}, contre ${dec(p.sessionsBefore, fem)} par semaine en moyenne auparavant`,
      `${p.spasmsThisWeek === 0 ? "aucun spasme noté" : counted("fr", p.spasmsThisWeek, "spasme noté", "spasmes notés", "m")}, contre ${dec(p.spasmsBefore)} par semaine auparavant`,
    ];
    if (p.tenderThisWeek !== undefined)
      parts.push(
        `une sensibilité moyenne des nœuds de ${dec(p.tenderThisWeek)}${p.tenderBefore !== undefined ? `, contre ${dec(p.tenderBefore)} auparavant` : ""}`,
      );
    return `${listIn(parts, "et")}. ${p.weeksTracked < 3 ? "C'est encore tôt : les changements se voient en général sur plusieurs semaines." : "Continuez à suivre l'évolution au fil des semaines."}`;
  },
  progressEmpty: () =>
    "Je n'ai encore rien de noté. Après les séances, vous pouvez dire : j'ai eu un spasme, sensibilité quatre, ou ma mobilité est meilleure, et je comparerai les semaines pour vous.",
  progressReview: (weeks) =>
    `Après ${n(weeks)} semaines ou plus, les choses ne se sont pas améliorées. Ce serait une bonne idée de revoir votre plan avec un professionnel de santé ou un kinésithérapeute.`,
  redFlag: () =>
    "Cela demande un avis médical rapide : contactez un professionnel de santé, ou les urgences si c'est violent ou soudain. La lumière rouge n'est pas adaptée à cela, et je ne lance pas de séance.",
  redFlagStopped: () => "J'ai éteint le panneau.",
  redFlagPaused: () =>
    "J'ai aussi suspendu le panneau pour tout votre foyer : il ne redémarrera pas tant que quelqu'un n'aura pas répondu à nouveau au contrôle de sécurité.",
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
        "La lumière rouge n'est pas un moyen d'arrêter une crampe sur le moment ; elle agit progressivement, sur des semaines. Pour une crampe soudaine, des étirements doux et les gestes de premiers secours de base sont un meilleur choix, et demandez conseil à votre médecin pour l'hydratation.",
    },
    massage: {
      question: "est-ce que j'ai encore besoin de massages ou de kiné",
      answer: () =>
        "La plupart des gens obtiennent de meilleurs résultats en combinant les approches. Les massages et la kinésithérapie agissent sur le mouvement, la force et les tissus d'une façon que la lumière ne peut pas. Utilisez le panneau pour soutenir le confort et la récupération en complément, pas à leur place.",
    },
    daily: {
      question: "est-ce que je peux l'utiliser tous les jours",
      answer: () =>
        "Pour beaucoup d'adultes en bonne santé, une courte séance quotidienne dans les limites est jugée raisonnable, et le bridge fait respecter ces limites. Si vous avez un problème de santé, si vous prenez un médicament qui rend la peau sensible à la lumière, ou si vous avez des symptômes inhabituels, demandez d'abord à un professionnel.",
    },
  },
  faqUnknown: (questions) => `Je peux répondre à ces questions : ${listIn(questions, "et")}. Laquelle ?`,
  help: (panelNames = []) =>
    `Vous pouvez dire : lance une séance pour le bas du dos, lance une séance pour la nuque pendant dix minutes, arrête le panneau, combien de temps il reste, quelle est ma dose aujourd'hui, je viens de faire un footing, guide-moi dans la routine pour le milieu du dos, sensibilité quatre, comment ça avance, ou relis-moi les consignes de sécurité. Pendant une séance, je n'écoute plus : pour l'arrêter plus tôt${stopHint("", panelNames)} Que voulez-vous faire ?`,
  fallback: () => "Désolée, je n'ai pas compris. Vous pouvez dire : lance une séance pour le bas du dos, ou dire aide pour en savoir plus.",
  household: {
    linkCode: (code: string) =>
      `Ton code de liaison est ${code}. Je répète : ${code}. Dans le tableau de bord de ton pont Bio Light, choisis « Relier un compte Alexa » et tape-le, ou lance biolight-bridge link avec le code. Il sert une fois, pendant dix minutes.`,
    notLinked: () =>
      "Ce compte Alexa n'est encore relié à aucun pont Bio Light. Pour le relier, dis : relie mon pont. Je te donnerai un code à taper sur ton pont. Rien n'a été lancé.",
    unlinked: () => "C'est fait : ce compte Alexa n'est plus relié à ton pont Bio Light. Pour le relier à nouveau, dis : relie mon pont.",
    nothingToUnlink: () => "Ce compte Alexa n'est relié à aucun pont Bio Light : il n'y a rien à délier.",
    singleHome: () =>
      "Cette skill est configurée pour le pont d'un seul foyer : il n'y a rien à relier ni à délier. Demande simplement une séance.",
    unavailable: () => "Désolé, le service de liaison ne répond pas pour l'instant. Réessaie dans une minute.",
    screenTitle: "Relier ton pont",
    screenHint:
      "Tape ce code dans le tableau de bord de ton pont (Relier un compte Alexa), ou lance : biolight-bridge link <code>. Il sert une fois, pendant 10 minutes.",
  },
  goodbye: () => "Au revoir.",
  error: () => "Désolée, quelque chose n'a pas marché de mon côté. Réessayez, ou dites stop pour éteindre le panneau.",
  reprompt: () => "Que voulez-vous faire ?",
  whoIsThisVoice: (names) =>
    `Je ne connais pas encore votre voix. Vous êtes ${listIn(names, "ou")} ? Dites par exemple : c'est ${names[0]}.`,
  whoIsItFor: (names) => `C'est pour qui : ${listIn(names, "ou")} ? Dites par exemple : c'est pour ${names[0]}.`,
  whoReprompt: (names) => `Dites le nom, par exemple : c'est ${listIn(names, "ou c'est")}.`,
  whoUnknown: (heard, names) =>
    `${heard ? `${heard} ne fait pas partie des personnes que connaît votre bridge Bio Lumière. ` : ""}Vous êtes ${listIn(names, "ou")} ?`,
  voiceRemembered: (who) => `Merci, ${who}. Je reconnaîtrai votre voix désormais.`,
  voiceForgotten: (who) =>
    `D'accord, j'ai oublié que votre voix est celle ${elided("de", who)}. La prochaine fois, je vous demanderai qui vous êtes.`,
  voiceIsSomeoneElse: (who) => `Pour moi, votre voix est celle ${elided("de", who)}. Si c'est faux, dites : oublie ma voix.`,
  voiceNotLinked: () => "Je n'ai associé votre voix à personne.",
  voiceNotRecognized: () => "Je ne reconnais pas votre voix, donc je ne l'ai associée à personne.",
  loggedForHousehold: () =>
    "Je n'ai pas pu joindre votre bridge Bio Lumière pour savoir à qui est cette note, alors je l'ai enregistrée avec les notes du foyer.",
  toPerson: (who, text) => `${who}, ${text.charAt(0).toLowerCase()}${text.slice(1)}`,
  screen: {
    title: "Bio Lumière",
    running: "En cours",
    endsAt: "Fin prévue",
    left: "restant",
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
