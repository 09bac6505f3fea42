/**
 * The words of the concurrency view, in English and Spanish ("tú"). Only wording: every number,
 * key and value the view shows comes from the storage calls real grammY made.
 */
import type { Schedule } from "../../scenario/schedules";
import type { Step } from "../../scenario/format";
import type { KeyStrategy } from "../../scenario/programs";
import { describeStep } from "../describe-step";
import { comparisonStrings } from "./comparison";
import type { Locale } from "../../i18n/locale";

/** Every string of the concurrency view in one language. */
export interface ConcurrencyStrings {
  /** The view's accessible name and heading. */
  title: string;
  intro: string;
  updatesHeading: string;
  /** A scenario step as a line: "Ana in her private chat: 🍕". */
  describe(step: Step): string;
  keyLabel: string;
  keys: Record<KeyStrategy, string>;
  /** Introduces the keys the runs used, as observed in their storage calls. */
  keysUsed: string;
  runAgain: string;
  status: { idle: string; running(column: string): string; done(counts: string, sent: number): string; failed: string };
  /** The three runs: a heading and the words used inside other labels ("at the same time"). */
  columns: Record<Schedule, { title: string; short: string; detail: string }>;
  timelineLabel(short: string): string;
  finalCountLabel(short: string): string;
  finalCount: string;
  waiting: string;
  running: string;
  update(id: number): string;
  /** The storage calls' names: the adapter's own method names in every language, as in the other views and the traffic log. */
  ops: Record<"read" | "write" | "delete", string>;
  phase: {
    readStart: string;
    readEnd(found: string | undefined): string;
    writeStart(value: string): string;
    writeEnd: string;
    deleteStart: string;
    deleteEnd: string;
    failed(message: string): string;
  };
  overlapMark: string;
  overlapNote: string;
  /** Precedes a key and the session stored under it after the run. */
  storedUnder: string;
  nothingStored: string;
  verdict(sent: number, counted: number): string;
  handlerError(updateId: number, message: string): string;
  failed(column: string, message: string): string;
  explanation: string;
  /** Unfolds the generated programs the runs' sandboxes ran. */
  programs: string;
  /** The accessible name of one run's program. */
  programOf(column: string): string;
  /** The strip of the three outcomes at the top of the view. */
  outcomesLabel: string;
  outcomeName: Record<Schedule, string>;
  outcome(counted: number, sent: number): string;
  outcomeLost(lost: number): string;
  outcomeKept: string;
  outcomeFailed: string;
}

const en: ConcurrencyStrings = {
  title: "A lost update, three ways",
  intro: "The same two updates, with a per-user key, handled by the playground's grammY pizza counter on IndexedDB in your browser: once one after another, once at the same time, and once at the same time with sequentialize.",
  updatesHeading: "The updates",
  describe: (step) => describeStep(step, comparisonStrings("en")),
  keyLabel: "Session key",
  keys: {
    chat: "per chat (grammY's default, ctx.chatId)",
    user: "per user (ctx.from.id)",
    "user-chat": "per user and chat (ctx.from.id/ctx.chatId)",
  },
  keysUsed: "the runs used",
  runAgain: "Run again",
  status: {
    idle: "Ready.",
    running: (column) => `Running: ${column}…`,
    done: (counts, sent) => `Done. Final counts: ${counts}, of ${sent} pizzas sent.`,
    failed: "A run failed; see the message below.",
  },
  columns: {
    sequential: { title: "One after another (bot.start())", short: "one after another", detail: "Each update is handled to the end before the next one starts." },
    concurrent: { title: "At the same time (webhooks, runner)", short: "at the same time", detail: "Both updates are handed to the bot at once." },
    sequentialized: {
      title: "At the same time with sequentialize",
      short: "at the same time with sequentialize",
      detail: "Both at once, through sequentialize with the session's key function.",
    },
  },
  timelineLabel: (short) => `Storage calls, ${short}`,
  finalCountLabel: (short) => `Final count, ${short}`,
  finalCount: "Final count",
  waiting: "Waiting for its turn.",
  running: "Running…",
  update: (id) => `Update ${id}`,
  ops: { read: "read", write: "write", delete: "delete" },
  phase: {
    readStart: "starts",
    readEnd: (found) => (found === undefined ? "done: finds nothing" : `done: finds ${found}`),
    writeStart: (value) => `starts: ${value}`,
    writeEnd: "done: stored",
    deleteStart: "starts",
    deleteEnd: "done: deleted",
    failed: (message) => `failed: ${message}`,
  },
  overlapMark: "overlaps",
  overlapNote:
    "Highlighted: reads made while another update with the same key had read the session and not yet written it back. Both start from the same old value, so the last write wins.",
  storedUnder: "Stored under",
  nothingStored: "Nothing stored.",
  verdict(sent, counted) {
    const lost = sent - counted;
    const head = `${sent} ${sent === 1 ? "pizza" : "pizzas"} sent, ${counted} counted`;
    if (lost <= 0) return `${head}: nothing lost.`;
    return `${head}: ${lost === 1 ? "one update" : `${lost} updates`} lost.`;
  },
  handlerError: (updateId, message) => `Update ${updateId} failed: ${message}`,
  failed: (column, message) => `${column}: the run failed. ${message}`,
  programs: "The code each run ran",
  programOf: (column) => `The program of “${column}”`,
  explanation:
    "grammY reads the session before your handlers and writes it after them, so two updates with one key must not overlap; sequentialize(getSessionKey), installed before the session, makes them take turns.",
  outcomesLabel: "Pizzas counted in each run",
  outcomeName: { sequential: "One after another", concurrent: "At the same time", sequentialized: "With sequentialize" },
  outcome: (counted, sent) => `${counted} of ${sent} counted`,
  outcomeLost: (lost) => (lost === 1 ? "one lost" : `${lost} lost`),
  outcomeKept: "none lost",
  outcomeFailed: "failed",
};

const es: ConcurrencyStrings = {
  title: "Una actualización perdida, de tres maneras",
  intro: "Las mismas dos actualizaciones, con una clave por usuario, procesadas por el contador de pizzas de grammY del playground sobre IndexedDB en tu navegador: una vez una detrás de otra, otra vez a la vez, y otra a la vez con sequentialize.",
  updatesHeading: "Las actualizaciones",
  describe: (step) => describeStep(step, comparisonStrings("es")),
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

/** The view's strings by language. */
export const CONCURRENCY_STRINGS: Readonly<Record<Locale, ConcurrencyStrings>> = { en, es };
