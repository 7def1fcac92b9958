/** The Spanish samples of the session intents: start, stop, time left, dose status. */
import { phrases, unique } from "../phrases.js";
import type { IntentName } from "../shape.js";
import { FOR, MY } from "./region-phrases.js";

const SESSION = ["una sesión", "una sesión de luz roja", "la luz roja", "luz roja"];

export const SPANISH_SESSION_SAMPLES = {
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
    phrases(["quiero", "quisiera", "me gustaría", "necesito", "dame"], ["una sesión", "luz roja", "un poco de luz"], FOR, ["", "ahora"]),
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
    phrases(["cuál es la dosis", "cómo va la dosis", "comprueba la dosis", "revisa la dosis"], ["de", "para", "en"], MY, ["", "hoy"]).map(
      (p) => p.replace("de el ", "del "),
    ),
    phrases(
      ["está", "ya está"],
      MY,
      ["listo para otra sesión", "lista para otra sesión", "listos para otra sesión", "listas para otra sesión"],
      ["", "hoy"],
    ),
    phrases(["cuál es mi dosis", "cuánta luz he recibido", "cuánta luz me queda", "cómo va mi dosis"], ["", "hoy", "hasta ahora"]),
    ["cuándo puedo hacer otra sesión", "cuándo es posible la próxima sesión", "cuándo puedo volver", "qué me queda para hoy"],
  ),
} satisfies Partial<Record<IntentName, readonly string[]>>;
