import type { PresetStrings } from "../../playground/scenario/presets";

/**
 * The ready-made scenarios' words: title, description, the scenario's comment line, and the lines people
 * write in words, in the order they are sent. The updates themselves (who, where, commands, lone 🍕,
 * buttons, poll answers) are in `playground/scenario/presets.ts`, the same in every language.
 */
export const presets: PresetStrings = {
  "busy-group": {
    title: "Un grupo con mucho movimiento",
    description:
      "Diez mensajes en un grupo: dos suman una pizza, dos piden /hunger y seis son charla que el bot ignora. Las sesiones estrictas leen el almacenamiento en los diez; las perezosas, solo en los cuatro que tocan ctx.session.",
    comment: "Diez actualizaciones en un mismo grupo",
    lines: [
      "¡buenos días a todos!",
      "¿quién se apunta a comer?",
      "me encanta la 🍕",
      "a mí también",
      "otra 🍕 más",
      "vale, nos vemos a la una",
      "trae servilletas",
      "hecho",
    ],
  },
  "private-chat": {
    title: "Un chat privado",
    description:
      "Ana habla a solas con el bot y cada mensaje suma una pizza o pide la cuenta. Los dos tipos de sesión leen y escriben en cada actualización: aquí las sesiones perezosas no ahorran nada.",
    comment: "Cada actualización toca la sesión",
    lines: [
      "otra 🍕, por favor",
    ],
  },
  "inline-mix": {
    title: "Chats, consultas inline y una encuesta",
    description:
      "Mensajes en un grupo y en chats privados, mezclados con consultas inline y respuestas a una encuesta. La charla cuesta una lectura solo con sesiones estrictas. Las consultas inline y las respuestas a encuestas no pertenecen a ningún chat: con la clave por defecto no tienen sesión ni provocan llamadas al almacenamiento, ni siquiera con sesiones estrictas. Con una clave por usuario, las consultas inline sí tienen sesión; las respuestas a encuestas siguen sin tenerla.",
    comment: "Actualizaciones con chat y sin chat",
    lines: [
      "me encanta la 🍕",
      "pizzerías",
      "¿alguien tiene hambre?",
      "🍕 para mí también",
      "hasta luego",
    ],
  },
  "lost-update": {
    title: "Dos pizzas en el mismo instante",
    description:
      "Ana manda una pizza en su chat privado y otra en el grupo en el mismo instante. Con una clave por usuario, las dos actualizaciones cargan la misma sesión. Si se procesan una detrás de otra (como hace bot.start()), la cuenta termina en 2. Si se procesan a la vez (un servidor de webhooks, el runner de grammY), las dos leen el valor antiguo y la segunda escritura pisa la primera: se pierde una pizza.",
    comment: "Enviadas en el mismo instante",
    lines: [],
  },
};
