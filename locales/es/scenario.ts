import type { KeyStrategy, ProgramStrings } from "../../playground/scenario/programs";
import type { ScenarioErrorStrings } from "../../playground/scenario/errors";
import type { VerdictStrings } from "../../playground/scenario/verdict";
import { LIMITS, PERSON_NAMES, PLACE_NAMES } from "../../playground/scenario/format";

const numbers = /* @__PURE__ */ new Intl.NumberFormat("es-ES");
const n = (value: number) => numbers.format(value);
const calls = (count: number) => verdict.calls(count);
const bytes = (count: number) => verdict.bytes(count);
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const quote = (s: string) => `«${s}»`;
const EXAMPLE = "ana @ group: I love 🍕";

/** "a, b o c". */
function listOf(items: readonly string[]): string {
  return `${items.slice(0, -1).join(", ")} o ${items[items.length - 1]}`;
}

/** The scenario parser's refusals: each names what to write instead. */
export const scenarioErrors: ScenarioErrorStrings = {
  line: "Línea",
  reasons: {
    "missing-at": () => `se esperaba «persona @ lugar: texto», como «${EXAMPLE}», pero falta la «@»`,
    "missing-colon": () => `falta «:» después del lugar; escríbelo como «${EXAMPLE}»`,
    "missing-person": () => `no hay nadie antes de «@»; usa ${listOf(PERSON_NAMES)}`,
    "unknown-person": (r) => `no conozco a la persona ${quote(r.name)}; usa ${listOf(PERSON_NAMES)}`,
    "missing-place": () => `no hay lugar entre «@» y «:»; usa ${listOf(PLACE_NAMES)}`,
    "unknown-place": (r) => `no conozco el lugar ${quote(r.place)}; usa ${listOf(PLACE_NAMES)}`,
    "empty-message": () => `el mensaje está vacío; escribe algo de texto después de «:», o «[button datos]» para pulsar un botón`,
    "message-too-long": (r) => `el mensaje tiene ${r.length} caracteres; Telegram admite como máximo ${LIMITS.messageText}`,
    "empty-button": () => `el botón no tiene datos de callback; escríbelo como «[button pizza:add]»`,
    "button-data-too-long": (r) => `los datos de callback del botón ocupan ${r.bytes} bytes; Telegram admite de 1 a ${LIMITS.callbackDataBytes}`,
    "button-outside-chat": (r) => `los botones se pulsan en un chat, no en ${quote(r.place)}; usa private, group o group2`,
    "inline-query-too-long": (r) => `la consulta inline tiene ${r.length} caracteres; Telegram admite como máximo ${LIMITS.inlineQuery}`,
    "bad-poll-option": (r) =>
      `${quote(r.option)} no es una opción de la encuesta; escribe números de opción del 0 al ${LIMITS.pollOptions - 1}, como «0» o «0, 2», o nada para retirar el voto`,
    "duplicate-poll-option": (r) => `eliges la opción ${r.option} dos veces; nombra cada opción una sola vez`,
  },
};

/** The plain-language summary under a comparison (the numbers come from the tallies). */
export const verdict: VerdictStrings = {
  n: (v) => numbers.format(v),
  calls: (c) => (c === 1 ? "llamada" : "llamadas"),
  bytes: (c) => (c === 1 ? "byte" : "bytes"),
  none: (base, other) => `Ni ${base} ni ${other} llamaron al almacenamiento.`,
  saved: (other, saved, of) => `${capitalize(other)} ahorró ${n(saved)} de ${n(of)} ${calls(of)} al almacenamiento.`,
  more: (other, base, more, b, a) =>
    `${capitalize(other)} hizo ${n(more)} ${calls(more)} más al almacenamiento que ${base}: ${n(b)} en vez de ${n(a)}.`,
  same: (other, base, count) => `${capitalize(other)} y ${base} hicieron las mismas llamadas al almacenamiento: ${n(count)}.`,
  fewerBytes: (other, fewer, b, a) => `${capitalize(other)} escribió ${n(fewer)} ${bytes(fewer)} menos: ${n(b)} en vez de ${n(a)}.`,
  moreBytes: (other, more, b, a) => `${capitalize(other)} escribió ${n(more)} ${bytes(more)} más: ${n(b)} en vez de ${n(a)}.`,
};

const keyWords: Record<KeyStrategy, string> = { chat: "por chat", user: "por usuario", "user-chat": "por usuario y chat" };

/** The comments and the bot's reply of the generated comparison programs. */
export const programText: ProgramStrings = {
  header: (s) =>
    `// ${s.mode === "strict" ? "session() estricta" : "lazySession()"}, una sesión ${keyWords[s.key]}, ` +
    `en el almacén de IndexedDB "${s.store}".`,
  data: "// Lo que recuerda cada sesión.",
  lazyFlavor: "// Con sesiones perezosas, `ctx.session` es una promesa de los datos hasta que se han leído.",
  keyComment: {
    chat: ["// Sin getSessionKey: la clave por defecto de grammY es el id del chat, `ctx.chatId`."],
    user: [
      "// Clave por remitente: la misma sesión en todos los chats.",
      "// Las respuestas a encuestas no traen `ctx.from`: no tienen clave.",
    ],
    "user-chat": ["// Clave por remitente y chat: en un grupo, cada miembro lleva su propia cuenta."],
  },
  pizza: "// Una 🍕 en cualquier parte del mensaje suma una pizza.",
  hunger: "// /hunger lee la cuenta y ofrece un botón que suma otra.",
  reply: "`¡Tu nivel de hambre es ${count}!`",
  button: "// Pulsar el botón también suma una pizza.",
  inline:
    "// Las consultas inline no pertenecen a ningún chat (con la clave por defecto no tienen sesión): este\n" +
    "// manejador no toca `ctx.session`. Las respuestas a encuestas, y los mensajes sin 🍕 ni /hunger, no\n" +
    "// llegan a ningún manejador: solo los ve el middleware de sesión.",
  sessionKey: "// La clave de la sesión, y la clave que sequentialize mantiene aparte.",
  sequentialize: [
    "// Antes de la sesión: una actualización espera a que terminen todas las anteriores con su clave,",
    "// escritura de la sesión incluida, así que dos actualizaciones de una sesión nunca se solapan.",
    "// Las de otras claves no esperan.",
  ],
  concurrent: [
    "// Sin bot.start(), que pasa al bot una actualización cada vez: aquí cada una va a bot.handleUpdate",
    "// en cuanto llega, aunque las anteriores sigan en marcha, como con un servidor de webhooks o el",
    "// runner de grammY. El playground entrega las actualizaciones así.",
  ],
};
