/**
 * Everything the skill says, in Spanish (es-ES), with the same keys as en-US (the compiler checks).
 * Wellness language only; the caution is never skipped. Numbers and lengths are said in words.
 */
import type { AdjustmentReason, RefusalCode } from "../../../matter-bridge/contract/api.js";
import { cautionText } from "../../../matter-bridge/contract/caution.js";
import { REGION_IDS, type RegionId } from "../../../matter-bridge/contract/regions.js";
import { numberWordsIn } from "../spoken-numbers/de-fr-es-it.js";
import type { RomChange } from "../vocabulary.js";
import type { RefusalContext, Speech, SpokenRedFlag } from "./en-US.js";
import { capitalised, counted, listIn, minutesShape, whenShape } from "./words.js";

/** `the`: the region with its articles, for a sentence ("para el cuello y los hombros"); `plural`: its verb agrees in the plural. */
const REGION: Record<
  RegionId,
  { name: string; the: string; plural: boolean; display: string; tip: string; movements: string[]; release: string }
> = {
  "neck-shoulders": {
    name: "cuello y hombros",
    the: "el cuello y los hombros",
    plural: true,
    display: "Cuello y hombros",
    tip: "Siéntate o ponte de pie de espaldas al panel, para que la luz cubra la base del cráneo, el cuello y la parte alta de la espalda.",
    movements: ["giros lentos del cuello", "círculos con los hombros", "retracciones suaves de la barbilla"],
    release: "una pelota blanda contra la pared en la parte alta de los hombros, con una presión cómoda",
  },
  "mid-back": {
    name: "espalda media",
    the: "la espalda media",
    plural: false,
    display: "Espalda media",
    tip: "Siéntate con el panel detrás, a la distancia recomendada, para que la luz cubra los omóplatos y la mitad de la columna.",
    movements: ["la postura del gato y la vaca", "círculos con los hombros", "giros suaves sentado"],
    release: "un rodillo de espuma a lo largo de la parte alta y media de la espalda, con una presión cómoda",
  },
  "low-back-hips": {
    name: "zona lumbar y caderas",
    the: "la zona lumbar y las caderas",
    plural: true,
    display: "Zona lumbar y caderas",
    tip: "Ponte de pie o túmbate para que el panel ilumine la zona lumbar y los glúteos; algunos días gírate un poco para cubrir otros ángulos.",
    movements: ["la postura del gato y la vaca", "aperturas de cadera", "estiramientos suaves de rodilla al pecho"],
    release: "una pelota blanda o un rodillo de espuma en los glúteos, con una presión cómoda",
  },
};
const name = (id: RegionId) => REGION[id].name;
const the = (id: RegionId) => REGION[id].the;
/** "a, b y c", with "y" as "e" before an i sound and "o" as "u" before an o sound ("Ana e Isabel", "Eva u Óscar"). */
const list = (items: readonly string[], joiner: "y" | "o") => {
  const last = items[items.length - 1] ?? "";
  const word = joiner === "y" && /^h?[iíIÍ](?![aeiouáéíóú])/.test(last) ? "e" : joiner === "o" && /^h?[oóOÓ]/.test(last) ? "u" : joiner;
  return listIn(items, word);
};
const regionChoice = () => list(REGION_IDS.map(name), "o");
const n = (x: number) => numberWordsIn("es", x);
/** A number standing for a feminine noun: "una", "veintiuna" (sesiones). */
const fem = (x: number) => n(x).replace(/uno$/, "una");
/** An average, with its one decimal said as in Spain: 2.5 → "dos coma cinco". */
const dec = (x: number, words: (x: number) => string = n) => {
  const [whole, tenth] = x.toFixed(1).split(".");
  return tenth === "0" ? words(Number(whole)) : `${n(Number(whole))} coma ${n(Number(tenth))}`;
};

export function minutesPhrase(seconds: number): string {
  const s = minutesShape(seconds);
  if (s.kind === "seconds") return counted("es", s.n, "segundo", "segundos", "m");
  if (s.kind === "minutes") return counted("es", s.n, "minuto", "minutos", "m");
  return `alrededor de ${counted("es", s.whole, "minuto", "minutos", "m")} y medio`;
}

export function whenPhrase(seconds: number): string {
  const w = whenShape(seconds);
  if (w.unit === "minute") return "en un minuto";
  if (w.unit === "minutes") return `en unos ${counted("es", w.n, "minuto", "minutos", "m")}`;
  if (w.unit === "hours") return w.n === 1 ? "en una hora más o menos" : `en unas ${counted("es", w.n, "hora", "horas", "f")}`;
  return w.n === 1 ? "en un día más o menos" : `en unos ${counted("es", w.n, "día", "días", "m")}`;
}

const EYES = "No mires directamente al panel; cierra los ojos o ponte las gafas de protección incluidas mientras esté encendido.";
const RED_FLAGS = [
  "espasmos intensos o repentinos, o que afecten a la cara, la lengua o la capacidad de tragar",
  "debilidad importante, entumecimiento o pérdida del control de la vejiga o del intestino",
  "fiebre, una pérdida de peso que no puedas explicar, o antecedentes de una enfermedad grave junto con un dolor nuevo",
  "medicamentos o una afección que hagan tu piel sensible a la luz",
];
const CAUTION = [
  "Antes de tu primera sesión, una comprobación de seguridad.",
  `Habla primero con un profesional sanitario si te pasa alguna de estas cosas: ${RED_FLAGS.join("; ")}.`,
  EYES,
  "Como mucho deberías notar un calor agradable, nunca un calor fuerte.",
  "Bio Luz es un apoyo para el bienestar muscular y la recuperación, dentro de una rutina más amplia. No es consejo médico ni sustituye a un profesional sanitario.",
].join(" ");
const cautionOf = (text?: string) =>
  text === undefined || text === cautionText()
    ? CAUTION
    : `Tu bridge tiene una comprobación de seguridad más reciente, que solo tengo en inglés: ${text}`;

const REDUCTIONS: Record<AdjustmentReason, (r: string, min: string) => string> = {
  SESSION_MAX_SECONDS: (_r, min) => `una sesión dura como máximo ${min}`,
  SESSION_MAX_FLUENCE: () => "a esa distancia es toda la luz que permite una sesión",
  REGION_FLUENCE_24H: (r) => `es lo que queda de la luz permitida en 24 horas para ${r}`,
  DAILY_ON_TIME: () => "es lo que queda del tiempo de encendido del panel en las últimas 24 horas",
};

const forRegion = (r: RefusalContext) => (r.region ? the(r.region) : "esa zona");
const nextPossible = (r: RefusalContext) =>
  r.retryAfterSeconds ? ` La próxima sesión es posible ${whenPhrase(r.retryAfterSeconds)}.` : "";

const REFUSALS: Record<RefusalCode, (r: RefusalContext) => string> = {
  CAUTION_REQUIRED: () => "El bridge necesita antes la comprobación de seguridad del hogar.",
  REST_INTERVAL: (r) => `Hace poco ha habido una sesión para ${forRegion(r)}, y hace falta descansar entre sesiones.${nextPossible(r)}`,
  REGION_LIMIT: (r) =>
    `Para ${forRegion(r)} ya se ha usado toda la luz permitida en las últimas 24 horas. Aquí, más no significa mejor.${nextPossible(r)}`,
  DAILY_ON_TIME: (r) => `El panel ha llegado a su tiempo máximo de encendido en las últimas 24 horas.${nextPossible(r)}`,
  WEEKLY_LIMIT: (r) => `Para ${forRegion(r)} ya se han hecho todas las sesiones permitidas en una semana.${nextPossible(r)}`,
  TOO_CLOSE: () => "A esa distancia la luz sería demasiado fuerte. Aléjate más del panel y vuelve a pedirlo.",
  TOO_SHORT: (r) =>
    `Sería una sesión demasiado corta para que merezca la pena. Las sesiones duran al menos ${minutesPhrase(r.minSessionSeconds)}.`,
  PANEL_BUSY: (r) => `El panel ya tiene una sesión en marcha.${r.retryAfterSeconds ? ` Termina ${whenPhrase(r.retryAfterSeconds)}.` : ""}`,
  PANEL_UNREACHABLE: () =>
    "El bridge no consigue conectar con el panel. Comprueba que el enchufe o el relé del panel tiene corriente y está en la red, y vuelve a intentarlo.",
  LEDGER_UNAVAILABLE: () =>
    "El bridge no puede leer ni escribir sus registros de dosis ahora mismo, así que no empezará ninguna sesión. Puede que su almacenamiento esté lleno; revisa el registro del bridge.",
  UNKNOWN_PANEL: () =>
    "El bridge ya no tiene el panel por el que le he preguntado; puede que sus paneles hayan cambiado. Vuelve a intentarlo, por favor.",
  STOPPED: () => "El panel se ha parado antes de que empezara la sesión, así que no hay nada en marcha. Pídelo otra vez cuando quieras.",
  UNKNOWN_PERSON: () =>
    "El bridge ya no conoce a la persona por la que le he preguntado; puede que su lista de personas haya cambiado. Vuelve a intentarlo, por favor.",
  CLOCK_UNTRUSTED: () =>
    "El reloj del bridge va atrasado, así que no puede saber con seguridad cuándo fueron tus últimas sesiones, y no empezará ninguna. Volverá a empezar sesiones cuando su reloj esté bien; revisa la sincronización horaria del bridge.",
};

/** Said after "tu movilidad está" (and the RomChange slot's values). */
const ROM_WORDS: Record<RomChange, string> = { better: "mejor", same: "igual", worse: "peor" };

const WELCOME_OPTIONS =
  "Puedes decir: empieza una sesión para la zona lumbar, guíame por la rutina para el cuello o cuánta luz he recibido hoy. ¿Qué quieres hacer?";

/** What each reason the skill itself gives a red flag (flows/caution.ts) and the bridge's own ones are in Spanish. */
const FLAG_REASONS: Record<string, string> = {
  "a red-flag symptom was reported to the Alexa skill": "se ha avisado de un síntoma de alarma en la skill de Alexa",
  "someone answered yes to the caution in the Alexa skill":
    "alguien ha respondido que sí a la comprobación de seguridad en la skill de Alexa",
  "several red flags reported while the disk was full (their details did not fit)":
    "se avisó de varias señales de alarma cuando el disco del bridge estaba lleno, y sus detalles no cupieron",
  "the red-flag slot could not be read": "no se ha podido leer el registro de señales de alarma del bridge",
};

/** The open red flags, newest first, one sentence each: for whom, and what was reported (another reason in the bridge's English). */
const redFlagsSaid = (flags: readonly SpokenRedFlag[]): string => {
  const one = (f: SpokenRedFlag) => {
    const who = f.who === null ? "para todos" : f.who === "you" ? "para ti" : `para ${f.who}`;
    const reason = f.reason?.trim().replace(/[.!?]+$/, "");
    if (!reason) return `${who}.`;
    return FLAG_REASONS[reason] ? `${who}: ${FLAG_REASONS[reason]}.` : `${who}, con este motivo en inglés: ${reason}.`;
  };
  if (flags.length === 1) return `Esa señal de alarma sigue activa, ${one(flags[0])}`;
  return `Hay ${fem(flags.length)} señales de alarma todavía activas, de la más reciente a la más antigua: ${flags.map((f, i) => `${i === 0 ? "" : "Después, "}${one(f)}`).join(" ")}`;
};

const stopHint = (when: string, panelNames: readonly string[]) =>
  `${when}, di: Alexa, pide a bio luz que apague el panel${panelNames.length ? `, o: Alexa, apaga ${list(panelNames, "o")}` : ""}.`;

export const esES: Speech = {
  regionNames: Object.fromEntries(REGION_IDS.map((id) => [id, name(id)])) as Record<RegionId, string>,
  welcome: () => `Te doy la bienvenida a Bio Luz. ${WELCOME_OPTIONS}`,
  welcomeCaution: (changed) =>
    changed
      ? "Te doy de nuevo la bienvenida a Bio Luz. La comprobación de seguridad ha cambiado desde la última vez que la oíste, así que aquí la tienes otra vez."
      : "Te doy la bienvenida a Bio Luz.",
  welcomeOptions: () => WELCOME_OPTIONS,
  welcomeReprompt: () => `¿Qué zona quieres: ${regionChoice()}?`,
  caution: (text) => `${cautionOf(text)} ¿Te pasa alguna de estas cosas?`,
  cautionWithdrawn: (flags = []) =>
    `Alguien de tu hogar ha avisado de una señal de alarma, así que tu bridge de Bio Luz ha puesto en pausa todas las sesiones.${flags.length ? ` ${redFlagsSaid(flags)}` : ""} Antes de la próxima, aquí tienes otra vez la comprobación de seguridad.`,
  cautionChanged: () => "La comprobación de seguridad ha cambiado desde la última vez que la oíste, así que aquí la tienes otra vez.",
  cautionFirst: () => "Lo haré en cuanto respondas a la comprobación de seguridad que acabo de leer. ¿Te pasa alguna de estas cosas?",
  cautionReprompt: () => "Responde sí si te pasa alguna de ellas, o no si no te pasa ninguna.",
  cautionApplies: (bridge) =>
    `Gracias por decírmelo. Entonces no uses el panel por ahora, y habla primero con un profesional sanitario. No he empezado nada.${bridge ? ` ${bridge}` : ""} Cuando te den el visto bueno, vuelve a pedírmelo.`,
  cautionAcknowledged: () => "Gracias. He anotado que no te pasa ninguna.",
  cautionAgain: () => `${CAUTION} Si te pasa alguna de estas cosas, habla con un profesional antes de tu próxima sesión.`,
  askRegion: () => `¿Qué zona: ${regionChoice()}?`,
  unknownRegion: (heard) =>
    `${heard ? `No puedo usar el panel en esa zona: ${heard}. ` : ""}Puedo hacer sesiones de ${regionChoice()}. ¿Cuál prefieres?`,
  badDuration: (range, heard) =>
    `${heard ? `${heard} no es una duración de sesión que pueda usar. ` : ""}Di una duración entre ${n(range.minSeconds / 60)} y ${n(range.maxSeconds / 60)} minutos, y el bridge la mantiene dentro del límite de seguridad. Por ejemplo: empieza una sesión para la zona lumbar de diez minutos.`,
  checkingBridge: () => "Lo compruebo con tu bridge de Bio Luz.",
  timerLabel: () => "Bio Luz",
  timerAnnouncement: (region) => `Tu sesión de ${name(region)} ha terminado. El panel se ha apagado solo.`,
  timersAccepted: (region, seconds) =>
    `Gracias. He puesto un temporizador para el final de tu sesión de ${name(region)}, ${whenPhrase(seconds)}.`,
  timersAcceptedNoSession: () => "Gracias. Tu sesión ya ha terminado; pondré un temporizador para el final de la próxima.",
  timersAcceptedFailed: () =>
    "Gracias. Esta vez no he podido poner el temporizador; el panel se apaga solo igualmente cuando se acaba el tiempo.",
  timersDeclined: () => "Vale, sin temporizador. El panel se apaga solo cuando se acaba el tiempo.",
  badDistance: (range) =>
    `No he entendido una distancia válida. Las distancias van en centímetros, entre ${n(range.min)} y ${n(range.max)}. O no la digas para usar la distancia habitual del panel.`,
  started: (p) => {
    const r = name(p.region);
    const why = p.reductions.map((reason) => REDUCTIONS[reason](the(p.region), minutesPhrase(p.seconds)));
    const shortened = why.length
      ? `La he acortado${p.requested ? `, en lugar de ${minutesPhrase(p.requested)},` : ""} porque ${list(why, "y")}. `
      : "";
    const end = p.timerSet
      ? "He puesto un temporizador para el final."
      : `El panel se apaga solo cuando se acaba el tiempo.${p.askingTimers ? " Con tu permiso, Alexa también puede avisarte del final con un temporizador." : ""}`;
    return `Empiezo tu sesión de ${r} de ${minutesPhrase(p.seconds)}. ${shortened}${REGION[p.region].tip} ${EYES} Como mucho deberías notar un calor agradable. ${stopHint("Si notas mucho calor, o para pararla antes", p.panelName ? [p.panelName] : [])} ${end}`;
  },
  refusals: REFUSALS,
  refusedOther: () => "El bridge lo ha rechazado por un motivo que no conozco. Su panel de control o su registro dicen por qué.",
  bridgeOffline: (offlineSeconds?: number) =>
    `Tu bridge de Bio Luz está desconectado${offlineSeconds !== undefined ? ` ${whenPhrase(offlineSeconds).replace(/^en /, "desde hace ")}` : ""}. No se ha empezado nada.`,
  unreachable: () =>
    "Lo siento, no he podido conectar con tu bridge de Bio Luz. Comprueba que el bridge está funcionando, que la dirección del bridge en la skill es correcta y que tu red funciona. No se ha empezado nada.",
  unauthorized: () =>
    "Lo siento, el bridge no ha aceptado mi token. El token del bridge en la skill tiene que coincidir con el de la carpeta de almacenamiento del bridge.",
  stopped: (seconds, region) =>
    `Parado. ${capitalised(name(region))}: ${minutesPhrase(seconds)} de luz. Si has notado mucho calor, ponte más lejos la próxima vez.`,
  stoppedBeforeStart: (region) => `Parado antes de empezar: la sesión de ${name(region)} no ha llegado a encender el panel.`,
  nothingRunning: () => "El panel no tiene ninguna sesión en marcha ahora mismo.",
  timeLeft: (seconds, region) => {
    const left = minutesPhrase(seconds);
    return `A tu sesión de ${name(region)} le ${/^(un |alrededor de un )/.test(left) ? "queda" : "quedan"} ${left}. El panel se apaga solo.`;
  },
  doseRegion: (region, used, cap, nextInSeconds) => {
    const percent = Math.round((100 * used) / cap);
    const next =
      nextInSeconds === null
        ? "no es posible a la distancia actual del panel"
        : nextInSeconds <= 60
          ? "es posible ahora"
          : `es posible ${whenPhrase(nextInSeconds)}`;
    return `Para ${the(region)} se ha usado el ${n(percent)} por ciento de la luz permitida en las últimas 24 horas. La próxima sesión de ${name(region)} ${next}.`;
  },
  doseOverall: (parts, onMinutes, leftMinutes) =>
    `Luz usada en las últimas 24 horas, sobre lo permitido: ${parts
      .map((p) => `${name(p.region)}, ${n(p.percent)} por ciento`)
      .join(
        "; ",
      )}. El panel ha estado encendido ${counted("es", onMinutes, "minuto", "minutos", "m")}, y le ${leftMinutes === 1 ? "queda" : "quedan"} ${n(leftMinutes)}.`,
  workoutSuggest: (regions) =>
    `Buen trabajo. Unos minutos de movimiento suave y luego luz en ${list(regions.map(the), "o")} te vendrían bien. ¿Empiezo una sesión de ${name(regions[0])}?`,
  workoutRest: (regions, seconds) => {
    const plural = regions.length > 1 || REGION[regions[0]].plural;
    return `Buen trabajo. ${capitalised(list(regions.map(the), "y"))} ya ${plural ? "han" : "ha"} recibido luz hace poco y toca descansar${seconds === undefined ? "" : `; la próxima sesión es posible ${whenPhrase(seconds)}`}. Por ahora, estiramientos suaves y agua.`;
  },
  workoutReprompt: (region) => `¿Empiezo una sesión de ${name(region)}? ¿Sí o no?`,
  noThanks: () => "Vale. ¡Buena recuperación!",
  routineStart: (region) =>
    `Vamos con tu rutina de ${name(region)}. Primero, unos minutos de movimiento suave: ${list(REGION[region].movements, "y")}, lo que te resulte cómodo. Di listo cuando termines.`,
  routineRelease: (region) =>
    `Bien. Si te ayuda, dedica un minuto al automasaje: ${REGION[region].release}. Di listo cuando quieras la luz.`,
  routineReprompt: () => "Di listo cuando quieras seguir, o di para si quieres terminar la rutina.",
  notInRoutine: () => "Ahora mismo no estamos en una rutina. Puedes decir: guíame por la rutina para la zona lumbar.",
  spasmLogged: (count, days) =>
    `Espasmo anotado. Llevas ${n(count)} en los últimos ${n(days)} días. En el momento ayudan los estiramientos suaves y beber agua; la luz es para el largo plazo.`,
  spasmNoted: () => "Espasmo anotado. En el momento ayudan los estiramientos suaves y beber agua; la luz es para el largo plazo.",
  tendernessLogged: (score, scale) =>
    `Sensibilidad de los nudos anotada: ${n(score)} de ${n(scale.max)}. Fíjate en la tendencia a lo largo de las semanas, no en días sueltos.`,
  askTenderness: (scale) =>
    `¿Cuánta sensibilidad notas en los nudos, del ${n(scale.min)} al ${n(scale.max)}, siendo ${n(scale.min)} nada y ${n(scale.max)} lo peor? Di, por ejemplo: sensibilidad cuatro.`,
  romChanges: ROM_WORDS,
  romLogged: (change) => `He anotado que tu movilidad está ${ROM_WORDS[change]}.`,
  askRom: () => `¿Tu movilidad está ${list(Object.values(ROM_WORDS), "o")}? Di, por ejemplo: mi movilidad está mejor.`,
  progress: (p) => {
    const parts = [
      `Esta semana ${p.sessionsThisWeek === 0 ? "no has hecho ninguna sesión" : `has hecho ${counted("es", p.sessionsThisWeek, "sesión", "sesiones", "f")}`}, frente a ${dec(p.sessionsBefore, fem)} por semana de media antes`,
      `${p.spasmsThisWeek === 0 ? "ningún espasmo anotado" : counted("es", p.spasmsThisWeek, "espasmo anotado", "espasmos anotados", "m")}, frente a ${dec(p.spasmsBefore)} por semana antes`,
    ];
    if (p.tenderThisWeek !== undefined)
      parts.push(
        `una sensibilidad media de los nudos de ${dec(p.tenderThisWeek)}${p.tenderBefore !== undefined ? `, frente a ${dec(p.tenderBefore)} antes` : ""}`,
      );
    return `${list(parts, "y")}. ${p.weeksTracked < 3 ? "Aún es pronto: los cambios suelen notarse a lo largo de varias semanas." : "Sigue fijándote en la tendencia semana a semana."}`;
  },
  progressEmpty: () =>
    "Aún no tengo nada anotado. Después de las sesiones puedes decir: he tenido un espasmo, sensibilidad cuatro, o mi movilidad está mejor, y compararé las semanas por ti.",
  progressReview: (weeks) =>
    `Después de ${n(weeks)} semanas o más, las cosas no han mejorado. Sería buena idea revisar tu plan con un profesional sanitario o un fisioterapeuta.`,
  redFlag: () =>
    "Eso requiere una valoración médica sin demora, así que contacta con un profesional sanitario, o con emergencias si es grave o repentino. La luz roja no es adecuada para esto, y no voy a empezar ninguna sesión.",
  redFlagStopped: () => "He apagado el panel.",
  redFlagPaused: () =>
    "También he pausado el panel para todo tu hogar: no volverá a empezar hasta que alguien vuelva a responder a la comprobación de seguridad.",
  redFlagNotPaused: (why) => {
    const cause =
      why === "unreachable"
        ? "No he podido conectar con tu bridge de Bio Luz"
        : why === "unauthorized"
          ? "Tu bridge de Bio Luz no ha aceptado mi token"
          : "Tu bridge de Bio Luz no ha podido registrarlo ahora mismo";
    return `${cause}, así que no he podido pausar el panel para tu hogar. Si el panel está encendido, desenchúfalo, y no lo uses hasta haber hablado con un profesional.`;
  },
  faq: {
    cramp: {
      question: "puede parar un calambre",
      answer: () =>
        "La luz roja no sirve para parar un calambre en el momento; actúa poco a poco, a lo largo de semanas. Para un calambre repentino, los estiramientos suaves y los primeros auxilios básicos son mejor opción, y pregunta a tu médico por la hidratación.",
    },
    massage: {
      question: "sigo necesitando masajes o fisioterapia",
      answer: () =>
        "A la mayoría le va mejor combinando enfoques. Los masajes y la fisioterapia trabajan el movimiento, la fuerza y los tejidos de formas que la luz no puede. Usa el panel para apoyar el bienestar y la recuperación junto a ellos, no en su lugar.",
    },
    daily: {
      question: "puedo usarlo todos los días",
      answer: () =>
        "Para muchos adultos sanos, una sesión corta al día dentro de los límites se considera razonable, y el bridge hace cumplir esos límites. Si tienes una enfermedad, tomas medicamentos que hacen tu piel sensible a la luz o tienes síntomas poco habituales, consulta antes con un profesional.",
    },
  },
  faqUnknown: (questions) => `Puedo responder a estas preguntas: ${list(questions, "y")}. ¿Cuál?`,
  help: (panelNames = []) =>
    `Puedes decir: empieza una sesión para la zona lumbar, empieza una sesión para el cuello durante diez minutos, apaga el panel, cuánto queda, cuánta luz he recibido hoy, acabo de volver de correr, guíame por la rutina para la espalda media, sensibilidad cuatro, cómo voy o léeme otra vez las advertencias. Durante una sesión ya no te escucho: para pararla antes${stopHint("", panelNames)} ¿Qué quieres hacer?`,
  fallback: () => "Lo siento, no lo he entendido. Puedes decir: empieza una sesión para la zona lumbar, o di ayuda para saber más.",
  household: {
    linkCode: (code: string) =>
      `Tu código de vinculación es ${code}. Otra vez: ${code}. En el panel de tu puente Bio Light, elige «Vincular una cuenta de Alexa» y escríbelo, o ejecuta biolight-bridge link con el código. Sirve una vez, durante diez minutos.`,
    notLinked: () =>
      "Esta cuenta de Alexa aún no está vinculada a ningún puente Bio Light. Para vincularla, di: vincula mi puente. Te daré un código para escribir en tu puente. No se ha iniciado nada.",
    unlinked: () =>
      "Hecho: esta cuenta de Alexa ya no está vinculada a tu puente Bio Light. Para vincularla de nuevo, di: vincula mi puente.",
    nothingToUnlink: () => "Esta cuenta de Alexa no está vinculada a ningún puente Bio Light, así que no hay nada que desvincular.",
    singleHome: () =>
      "Esta skill está configurada para el puente de un solo hogar: no hay nada que vincular ni desvincular. Pide una sesión sin más.",
    unavailable: () => "Lo siento, el servicio de vinculación no responde ahora. Inténtalo de nuevo en un minuto.",
    screenTitle: "Vincula tu puente",
    screenHint:
      "Escribe este código en el panel de tu puente (Vincular una cuenta de Alexa), o ejecuta: biolight-bridge link <código>. Sirve una vez, durante 10 minutos.",
  },
  goodbye: () => "Adiós.",
  error: () => "Lo siento, algo ha fallado por mi parte. Vuelve a intentarlo, o di para, y apagaré el panel.",
  reprompt: () => "¿Qué quieres hacer?",
  whoIsThisVoice: (names) => `Todavía no conozco tu voz. ¿Eres ${list(names, "o")}? Di, por ejemplo: soy ${names[0]}.`,
  whoIsItFor: (names) => `¿Para quién es: ${list(names, "o")}? Di, por ejemplo: es para ${names[0]}.`,
  whoReprompt: (names) => `Di el nombre, por ejemplo: soy ${listIn(names, "o soy")}.`,
  whoUnknown: (heard, names) =>
    `${heard ? `${heard} no es una de las personas que conoce tu bridge de Bio Luz. ` : ""}¿Eres ${list(names, "o")}?`,
  voiceRemembered: (who) => `Gracias, ${who}. A partir de ahora reconoceré tu voz.`,
  voiceForgotten: (who) => `Vale, he olvidado que tu voz es la de ${who}. La próxima vez te preguntaré quién eres.`,
  voiceIsSomeoneElse: (who) => `Para mí, tu voz es la de ${who}. Si no es así, di: olvida mi voz.`,
  voiceNotLinked: () => "No he vinculado tu voz a nadie.",
  voiceNotRecognized: () => "No reconozco tu voz, así que no la he vinculado a nadie.",
  loggedForHousehold: () =>
    "No he podido conectar con tu bridge de Bio Luz para saber de quién es este registro, así que lo he guardado con los del hogar.",
  toPerson: (who, text) => `${who}, ${text.charAt(0).toLowerCase()}${text.slice(1)}`,
  screen: {
    title: "Bio Luz",
    running: "En marcha",
    endsAt: "Final previsto",
    left: "restante",
    nothingRunning: "No hay nada en marcha.",
    refused: "Ahora no",
    nextSessionAt: "Próxima sesión posible a las",
    nextSessionUnknown: "Esperar no ayudará; pregunta a Bio Luz por qué.",
    last24h: "Luz en las últimas 24 horas",
    unit: "J/cm²",
    noDose: "El bridge no ha respondido: no se muestra la luz usada.",
    regions: Object.fromEntries(REGION_IDS.map((id) => [id, REGION[id].display])) as Record<RegionId, string>,
  },
};
