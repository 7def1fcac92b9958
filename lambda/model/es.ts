/** The Spanish (es-ES) interaction model's words, written for speakers in Spain (not translated sample by sample). */
import type { Speech } from "../language/speech/index.js";
import { SYMPTOM_WORDS } from "../language/symptoms/index.js";
import { type LanguageSource, phrases, unique } from "./shape.js";

/** Determiners before a region, whatever its gender or number ("el cuello", "la zona lumbar", "mis caderas"). */
const MY = ["{region}", "mi {region}", "mis {region}", "el {region}", "la {region}", "los {region}", "las {region}"];
const FOR = [...MY.map((r) => `para ${r}`), ...MY.map((r) => `en ${r}`)];
const SESSION = ["una sesión", "una sesión de luz roja", "la luz roja", "luz roja"];

export function spanish(speech: Speech): LanguageSource {
  const r = speech.regionNames;
  return {
    invocationName: "bio luz",
    samples: {
      StartSessionIntent: unique(
        phrases(["hazme", "ponme"], SESSION, FOR),
        phrases(["enciende", "pon"], "el panel", FOR, ["", "por favor"]),
        phrases(
          ["hazme", "ponme", "haz", "empieza", "quiero"],
          ["una sesión de", "una sesión de luz en", "luz en"],
          ["{region}", "la {region}", "el {region}", "mi {region}"],
        ),
        phrases(["{duration} de luz", "{duration} de luz roja"], FOR, ["", "por favor"]),
        phrases(["empieza", "inicia", "pon", "haz", "enciende"], SESSION, FOR, ["", "por favor"]),
        phrases(["puedes", "vamos a"], ["empezar", "poner", "hacer"], SESSION.slice(0, 3), FOR),
        phrases(["quiero", "quisiera", "me gustaría", "necesito", "dame"], ["una sesión", "luz roja", "un poco de luz"], FOR, [
          "",
          "ahora",
        ]),
        phrases(["", "por favor"], ["trata", "ilumina", "haz", "empieza con"], MY, ["", "por favor", "ahora"]),
        phrases(
          ["empieza", "inicia", "haz", "pon"],
          ["una sesión"],
          [
            "para {region}",
            "para mi {region}",
            "para el {region}",
            "para la {region}",
            "para mis {region}",
            "para los {region}",
            "para las {region}",
          ],
          "de {duration}",
        ),
        phrases(
          ["empieza", "inicia", "haz", "pon"],
          [
            "una sesión para {region}",
            "una sesión para el {region}",
            "una sesión para la {region}",
            "luz en el {region}",
            "luz en la {region}",
          ],
          "durante {duration}",
        ),
        phrases(
          ["empieza", "inicia"],
          ["una sesión para {region}", "una sesión para el {region}", "una sesión para la {region}"],
          "a {distance} centímetros",
        ),
        phrases(["hora de", "toca"], ["{region}", "mi {region}", "el {region}", "la {region}", "mis {region}"]),
        phrases(["", "por favor"], ["empieza", "inicia", "comienza"], ["una sesión", "la sesión", "una sesión de luz roja"]),
        phrases(["enciende", "pon", "activa"], ["el panel", "la luz", "la luz roja"]),
        ["empieza una sesión de {duration}"],
        // After "pide a bio luz que …".
        phrases(["empiece", "inicie", "haga", "ponga"], ["una sesión", "una sesión de luz roja"], FOR),
        // Answers to "¿qué zona?"
        ["{region}", "mi {region}", "mis {region}", "el {region}", "la {region}", "los {region}", "las {region}", "{region} por favor"],
      ),
      StopSessionIntent: unique(
        ["quema demasiado", "quema mucho", "calienta demasiado", "está quemando", "me estoy quemando"],
        phrases(
          ["", "por favor"],
          ["para", "apaga", "detén", "termina", "corta", "quita"],
          ["el panel", "la sesión", "la luz", "la luz roja", "todo"],
          ["", "ya", "ahora", "por favor"],
        ),
        phrases(
          ["puedes", "quiero", "podrías"],
          ["parar", "apagar", "detener", "terminar", "quitar"],
          ["el panel", "la sesión", "la luz", "la luz roja"],
          ["", "ya", "ahora"],
        ),
        phrases(
          ["está", "se está poniendo", "esto está", "me parece que está", "se pone"],
          ["", "muy", "demasiado", "un poco"],
          ["caliente", "demasiado caliente"],
        ).filter((p) => !/demasiado demasiado|muy demasiado|poco demasiado/.test(p)),
        phrases(["apague", "pare", "detenga", "quite"], ["el panel", "la sesión", "la luz"]),
        [
          "quema",
          "me quema",
          "apágalo",
          "apágala",
          "páralo",
          "ya basta",
          "basta",
          "ya es suficiente",
          "suficiente luz",
          "ya tengo bastante",
          "por hoy es suficiente",
        ],
      ),
      TimeLeftIntent: unique(
        phrases(
          ["cuánto tiempo", "cuántos minutos", "cuánto"],
          ["queda", "quedan", "me queda", "me quedan", "falta", "faltan", "le queda a la sesión", "le queda al panel"],
        ).filter((p) => !/(tiempo|cuánto) (quedan|me quedan|faltan)$/.test(p) && !/minutos (queda|me queda|falta)$/.test(p)),
        phrases(["cuándo", "a qué hora"], ["se apaga", "termina", "acaba", "para"], ["el panel", "la sesión", "la luz", ""]),
        ["tiempo restante", "falta mucho", "queda mucho", "cuánto queda para que termine", "ya casi termina"],
      ),
      DoseStatusIntent: unique(
        phrases(["cuándo puedo", "puedo", "cuándo podré"], ["volver a tratar", "tratar", "hacer", "volver a hacer", "iluminar"], MY, [
          "",
          "otra vez",
          "hoy",
          "de nuevo",
        ]),
        phrases(["cuánta luz", "cuánto"], ["ha recibido", "ha tenido", "le queda a", "puede recibir todavía"], MY, ["", "hoy"]).map((p) =>
          p.replace("le queda a el", "le queda al"),
        ),
        phrases(["cuál es la dosis", "cómo va la dosis", "comprueba la dosis", "revisa la dosis"], ["de", "para", "en"], MY, [
          "",
          "hoy",
        ]).map((p) => p.replace("de el ", "del ")),
        phrases(
          ["está", "ya está"],
          MY,
          ["listo para otra sesión", "lista para otra sesión", "listos para otra sesión", "listas para otra sesión"],
          ["", "hoy"],
        ),
        phrases(["cuál es mi dosis", "cuánta luz he recibido", "cuánta luz me queda", "cómo va mi dosis"], ["", "hoy", "hasta ahora"]),
        ["cuándo puedo hacer otra sesión", "cuándo es posible la próxima sesión", "cuándo puedo volver", "qué me queda para hoy"],
      ),
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
          [
            "un espasmo",
            "un espasmo muscular",
            "un calambre",
            "una contractura",
            "un espasmo en la espalda",
            "otro espasmo",
            "otro calambre",
          ],
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
    },
    types: {
      Region: {
        "neck-shoulders": {
          value: r["neck-shoulders"],
          synonyms: [
            "cuello",
            "hombros",
            "hombro",
            "nuca",
            "trapecios",
            "trapecio",
            "cervicales",
            "base del cráneo",
            "hombros y cuello",
            "parte alta de los hombros",
            "cuello y hombro",
          ],
        },
        "mid-back": {
          value: r["mid-back"],
          synonyms: [
            "espalda media",
            "parte media de la espalda",
            "mitad de la espalda",
            "espalda alta",
            "parte alta de la espalda",
            "entre los omóplatos",
            "omóplatos",
            "dorsales",
            "zona dorsal",
            "columna dorsal",
          ],
        },
        "low-back-hips": {
          value: r["low-back-hips"],
          synonyms: [
            "zona lumbar",
            "lumbares",
            "parte baja de la espalda",
            "espalda baja",
            "caderas",
            "cadera",
            "glúteos",
            "culo",
            "riñones",
            "sacro",
          ],
        },
      },
      WorkoutKind: {
        legs: { value: "pierna", synonyms: ["piernas", "día de pierna", "sentadillas", "senderismo", "una ruta", "caminar"] },
        run: { value: "correr", synonyms: ["carrera", "una carrera", "running", "footing", "a correr", "maratón", "series"] },
        cycling: { value: "bici", synonyms: ["bicicleta", "ciclismo", "spinning", "una salida en bici", "una ruta en bici"] },
        "upper-body": {
          value: "tren superior",
          synonyms: ["brazos", "pecho", "natación", "nadar", "piscina", "press de banca", "flexiones"],
        },
        back: { value: "espalda", synonyms: ["remo", "escalada", "búlder", "dominadas", "día de espalda"] },
        "full-body": {
          value: "entrenamiento",
          synonyms: ["gimnasio", "gym", "el gimnasio", "deporte", "crossfit", "yoga", "pilates", "fútbol", "pádel", "tenis", "una clase"],
        },
        desk: {
          value: "un día largo en la oficina",
          synonyms: ["oficina", "trabajo de oficina", "teletrabajo", "muchas horas sentado", "ordenador", "un viaje largo en coche"],
        },
      },
      Symptom: SYMPTOM_WORDS.es,
      RomChange: {
        better: {
          value: speech.romChanges.better,
          synonyms: ["más fácil", "más suelta", "más suelto", "más libre", "mucho mejor", "un poco mejor"],
        },
        same: { value: speech.romChanges.same, synonyms: ["igual", "sin cambios", "como siempre", "lo mismo"] },
        worse: { value: speech.romChanges.worse, synonyms: ["más rígida", "más rígido", "más tensa", "un poco peor", "mucho peor"] },
      },
      FaqTopic: {
        cramp: {
          value: "un calambre",
          synonyms: ["calambre", "calambres", "los calambres", "un calambre muscular", "un calambre de repente"],
        },
        massage: { value: "masajes", synonyms: ["masaje", "los masajes", "fisioterapia", "fisio", "el fisio", "mi fisio", "ir al fisio"] },
        daily: { value: "todos los días", synonyms: ["cada día", "a diario", "diariamente", "siempre"] },
      },
    },
  };
}
