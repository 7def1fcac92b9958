/** The Spanish (es-ES) interaction model's samples, written for speakers in Spain (not translated sample by sample). */
import { phrases, unique } from "../phrases.js";
import type { IntentName } from "../shape.js";
import { MY } from "./region-phrases.js";
import { SPANISH_SESSION_SAMPLES } from "./session-samples.js";

export const SPANISH_INVOCATION = "bio luz";

export const SPANISH_SAMPLES: Record<IntentName, readonly string[]> = {
  ...SPANISH_SESSION_SAMPLES,
  WorkoutDoneIntent: unique(
    phrases(["acabo de salir a", "he salido a", "salí a"], ["{workout}", "hacer {workout}"], ["", "hoy", "esta mañana", "esta tarde"]),
    phrases(["vengo", "vuelvo", "acabo de volver", "he vuelto"], ["del {workout}", "de la {workout}"], ["", "ahora"]),
    phrases(
      [
        "acabo de hacer",
        "he hecho",
        "acabo de terminar",
        "he terminado",
        "vengo de",
        "vuelvo de",
        "acabo de volver de",
        "he ido a",
        "he estado en",
        "fui a",
        "hice",
      ],
      ["{workout}", "mi {workout}", "el {workout}", "la {workout}", "un {workout}", "una {workout}"],
      ["", "hoy", "esta mañana", "esta tarde"],
    ).map((p) => p.replace(/ de el /, " del ").replace(/ a el /, " al ")),
    [
      "acabo de entrenar",
      "he entrenado",
      "qué hago después de {workout}",
      "después de {workout}",
      "después del {workout}",
      "después de la {workout}",
    ],
  ),
  RoutineIntent: unique(
    phrases(
      ["guíame por", "guíame en", "hazme", "empieza"],
      ["la rutina", "una rutina"],
      ["de {region}", "del {region}", "de la {region}", "de los {region}", "de las {region}", "de mi {region}"],
    ),
    phrases(
      ["guíame por", "guíame en", "empieza", "haz", "hazme"],
      ["la rutina", "una rutina", "la rutina guiada", "el programa"],
      ["", "para {region}", "para mi {region}", "para el {region}", "para la {region}", "para mis {region}"],
    ),
    phrases(["cómo trato", "cómo me ocupo de", "cómo alivio", "qué hago con"], MY),
    ["cuál es la rutina para {region}", "explícame la rutina para {region}", "rutina para {region}", "quiero la rutina completa"],
  ),
  ReadyIntent: [
    "listo",
    "lista",
    "estoy listo",
    "estoy lista",
    "siguiente",
    "siguiente paso",
    "hecho",
    "ya está",
    "vamos",
    "sigue",
    "continúa",
    "vale siguiente",
  ],
  LogSpasmIntent: unique(
    phrases(
      ["", "por favor"],
      ["apunta", "anota", "registra", "guarda"],
      ["un espasmo", "un espasmo muscular", "un calambre", "una contractura", "un espasmo en la espalda", "otro espasmo", "otro calambre"],
    ),
    phrases(
      ["he tenido", "acabo de tener", "tuve", "me ha dado", "me dio"],
      ["un espasmo", "un espasmo muscular", "un calambre", "una contractura", "otro espasmo"],
    ),
    phrases(
      ["se me ha agarrotado", "se me ha bloqueado", "me ha dado un tirón en"],
      ["la espalda", "el cuello", "el músculo", "la zona lumbar", "la pierna"],
    ),
  ),
  LogTendernessIntent: unique(
    phrases(
      ["", "apunta", "anota", "registra"],
      ["sensibilidad", "la sensibilidad", "el nudo", "mi nudo", "mis nudos", "la contractura"],
      ["{score}", "en {score}", "de {score}", "{score} de diez"],
    ),
    phrases(
      [
        "mi nudo está en",
        "el nudo está en",
        "la sensibilidad está en",
        "mis nudos están en",
        "la contractura está en",
        "la tensión está en",
      ],
      ["", "más o menos", "unos"],
      ["{score}", "un {score}", "{score} de diez"],
      ["", "hoy"],
    ),
    phrases(
      ["el nudo", "la sensibilidad", "la contractura"],
      ["en mi {region}", "en el {region}", "en la {region}", "de mi {region}", "del {region}", "de la {region}"],
      "está en",
      ["{score}", "un {score}", "{score} de diez"],
    ),
    ["apunta mi sensibilidad", "registra la sensibilidad", "valora mis nudos"],
  ),
  LogRangeOfMotionIntent: unique(
    phrases(
      ["mi movilidad", "la movilidad", "mi rango de movimiento", "mi flexibilidad", "girar la cabeza", "agacharme", "moverme"],
      ["está", "es", "parece", "está hoy", "me resulta"],
      "{change}",
    ).filter((p) => !/(girar la cabeza|agacharme|moverme) (está|es )/.test(p)),
    phrases(["apunta", "anota", "registra"], ["la movilidad", "mi movilidad"], ["{change}", "como {change}"]),
    ["me muevo {change}", "noto la movilidad {change}", "apunta mi movilidad"],
  ),
  ProgressIntent: unique(
    phrases(
      [
        "cómo voy",
        "cómo lo llevo",
        "estoy mejorando",
        "está funcionando",
        "me está ayudando",
        "estoy progresando",
        "cómo va la cosa",
        "qué tal voy",
      ],
      ["", "esta semana", "hasta ahora", "últimamente", "este mes"],
    ),
    phrases(
      ["dime", "dame", "enséñame", "léeme", "cuál es"],
      ["mi progreso", "mi resumen", "mi resumen semanal", "mi informe", "mis avances"],
    ).filter((p) => !(p.startsWith("cuál es") && p.endsWith("avances"))),
    ["resumen semanal", "compara las semanas", "cómo fue la semana pasada", "cómo ha ido esta semana"],
  ),
  RedFlagIntent: unique(
    phrases(["tengo", "he notado", "noto", "de repente tengo", "también tengo", "y si tengo", "estoy teniendo", "siento"], "{symptom}"),
    ["{symptom}"],
  ),
  FaqIntent: unique(
    phrases(["la luz roja puede", "puede", "esto puede", "sirve para"], ["parar", "quitar", "sustituir", "reemplazar"], "{topic}"),
    phrases(["todavía necesito", "sigo necesitando", "debo seguir con", "esto sustituye", "sustituye"], "{topic}"),
    phrases(["puedo usarlo", "puedo usar el panel", "se puede usar", "es seguro usarlo"], "{topic}"),
    ["qué hago con {topic}", "qué hago si tengo {topic}", "y {topic}", "qué pasa con {topic}", "y si me da {topic}"],
  ),
  CautionIntent: unique(
    phrases(["lee", "léeme", "dime", "repite"], ["las advertencias de seguridad", "las normas de seguridad"], ["", "otra vez"]),
    phrases(
      ["lee", "léeme", "dime", "repite", "recuérdame"],
      [
        "la advertencia",
        "las advertencias",
        "las precauciones",
        "el aviso de seguridad",
        "la comprobación de seguridad",
        "las señales de alarma",
        "los riesgos",
        "la información de seguridad",
      ],
      ["", "otra vez", "de nuevo"],
    ),
    // "Léeme otra vez las advertencias", as the help says it.
    phrases(
      ["lee", "léeme", "dime", "repite", "repíteme"],
      ["otra vez", "de nuevo"],
      ["las advertencias", "las advertencias de seguridad", "la comprobación de seguridad", "las señales de alarma"],
    ),
    [
      "cuáles son las señales de alarma",
      "cuáles son los riesgos",
      "es seguro para mí",
      "quién no debería usarlo",
      "información de seguridad",
    ],
  ),
  IdentifyPersonIntent: [
    "soy {name}",
    "es {name}",
    "aquí {name}",
    "me llamo {name}",
    "mi nombre es {name}",
    "soy yo {name}",
    "{name} al habla",
    "para {forName}",
    "es para {forName}",
    "la sesión es para {forName}",
    "esta es para {forName}",
  ],
  ForgetVoiceIntent: [
    "no soy yo",
    "ese no soy yo",
    "olvida mi voz",
    "olvida quién soy",
    "te has equivocado de persona",
    "persona equivocada",
    "ese no es mi nombre",
    "no soy {name}",
    "yo no soy {name}",
    "no es {name}",
  ],
  LinkBridgeIntent: unique(
    phrases(["", "por favor"], ["vincula", "conecta", "enlaza"], ["mi puente", "mi bridge", "mi casa", "mi cuenta", "el puente"]),
    phrases(["quiero", "me gustaría"], ["vincular", "conectar", "enlazar"], ["mi puente", "mi bridge", "mi casa", "mi cuenta"]),
    ["dame un código de vinculación", "necesito un código de vinculación", "nuevo código de vinculación", "código de vinculación"],
  ),
  UnlinkBridgeIntent: unique(
    phrases(["", "por favor"], ["desvincula", "desconecta"], ["mi puente", "mi bridge", "mi casa", "mi cuenta", "el puente"]),
    phrases(["quiero", "me gustaría"], ["desvincular", "desconectar"], ["mi puente", "mi bridge", "mi cuenta"]),
    ["olvida mi puente"],
  ),
  "AMAZON.HelpIntent": ["qué puedo decir", "qué sabes hacer"],
  "AMAZON.FallbackIntent": [],
  "AMAZON.StopIntent": [],
  "AMAZON.CancelIntent": [],
  "AMAZON.NavigateHomeIntent": [],
  "AMAZON.YesIntent": ["sí por favor", "sí empieza", "alguna me pasa", "algunas sí", "sí una"],
  "AMAZON.NoIntent": ["ninguna", "ninguna me pasa", "nada de eso", "no ninguna", "no nada", "no gracias"],
};
