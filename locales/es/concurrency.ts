import type { ConcurrencyStrings } from "../../playground/compare/strings/concurrency";
import { describeStep } from "../../playground/compare/describe-step";
import { comparison } from "./comparison";

/** The lost-update view (its numbers, keys and values all come from the storage calls real grammY made). */
export const concurrency: ConcurrencyStrings = {
  title: "Una actualización perdida, de tres maneras",
  intro: "Las mismas dos actualizaciones, con una clave por usuario, procesadas por el contador de pizzas de grammY del playground sobre IndexedDB en tu navegador: una vez una detrás de otra, otra vez a la vez, y otra a la vez con sequentialize.",
  updatesHeading: "Las actualizaciones",
  describe: (step) => describeStep(step, comparison),
  keyLabel: "Clave de sesión",
  keys: {
    chat: "por chat (la predeterminada de grammY, ctx.chatId)",
    user: "por usuario (ctx.from.id)",
    "user-chat": "por usuario y chat (ctx.from.id/ctx.chatId)",
  },
  keysUsed: "las ejecuciones usaron",
  runAgain: "Ejecutar de nuevo",
  status: {
    idle: "Listo.",
    running: (column) => `Ejecutando: ${column}…`,
    done: (counts, sent) => `Terminado. Cuentas finales: ${counts}, de ${sent} ${sent === 1 ? "pizza enviada" : "pizzas enviadas"}.`,
    failed: "Una ejecución falló; mira el mensaje de abajo.",
  },
  columns: {
    sequential: { title: "Una detrás de otra (bot.start())", short: "una detrás de otra", detail: "Cada actualización se procesa hasta el final antes de que empiece la siguiente." },
    concurrent: { title: "A la vez (webhooks, runner)", short: "a la vez", detail: "Las dos actualizaciones llegan al bot al mismo tiempo." },
    sequentialized: {
      title: "A la vez con sequentialize",
      short: "a la vez con sequentialize",
      detail: "Las dos a la vez, pasando por sequentialize con la función de clave de la sesión.",
    },
  },
  timelineLabel: (short) => `Llamadas al almacenamiento, ${short}`,
  finalCountLabel: (short) => `Cuenta final, ${short}`,
  finalCount: "Cuenta final",
  waiting: "Esperando su turno.",
  running: "Ejecutando…",
  update: (id) => `Actualización ${id}`,
  ops: { read: "read", write: "write", delete: "delete" },
  phase: {
    readStart: "empieza",
    readEnd: (found) => (found === undefined ? "termina: no encuentra nada" : `termina: encuentra ${found}`),
    writeStart: (value) => `empieza: ${value}`,
    writeEnd: "termina: guardado",
    deleteStart: "empieza",
    deleteEnd: "termina: borrado",
    failed: (message) => `falla: ${message}`,
  },
  overlapMark: "se solapa",
  overlapNote:
    "Resaltadas: lecturas hechas mientras otra actualización con la misma clave ya había leído la sesión y aún no la había vuelto a escribir. Las dos parten del mismo valor antiguo, así que gana la última escritura.",
  storedUnder: "Guardado bajo",
  nothingStored: "No se guardó nada.",
  verdict(sent, counted) {
    const lost = sent - counted;
    const head = `${sent} ${sent === 1 ? "pizza enviada" : "pizzas enviadas"}, ${counted} ${counted === 1 ? "contada" : "contadas"}`;
    if (lost <= 0) return `${head}: no se perdió nada.`;
    return `${head}: ${lost === 1 ? "se perdió una actualización" : `se perdieron ${lost} actualizaciones`}.`;
  },
  handlerError: (updateId, message) => `La actualización ${updateId} falló: ${message}`,
  failed: (column, message) => `${column}: la ejecución falló. ${message}`,
  programs: "El código de cada ejecución",
  programOf: (column) => `El programa de «${column}»`,
  explanation:
    "grammY lee la sesión antes de tus manejadores y la escribe después, así que dos actualizaciones con la misma clave no deben solaparse; sequentialize(getSessionKey), instalado antes de la sesión, hace que se turnen.",
  outcomesLabel: "Pizzas contadas en cada ejecución",
  outcomeName: { sequential: "Una detrás de otra", concurrent: "A la vez", sequentialized: "Con sequentialize" },
  outcome: (counted, sent) => `${counted} de ${sent} ${sent === 1 ? "contada" : "contadas"}`,
  outcomeLost: (lost) => (lost === 1 ? "se perdió una" : `se perdieron ${lost}`),
  outcomeKept: "ninguna perdida",
  outcomeFailed: "falló",
};
