/**
 * The words of the strict-vs-lazy and session-key views, in English and Spanish ("tú"). Numbers are
 * formatted for the language; the counts themselves always come from the run.
 */
import type { SideId } from "../../scenario";
import type { Locale } from "../../i18n/locale";

const numbers = { en: new Intl.NumberFormat("en-US"), es: new Intl.NumberFormat("es-ES") };

/** Every string of the two views in one language. */
export interface ComparisonStrings {
  n(value: number): string;
  views: { "strict-vs-lazy": string; keys: string };
  sides: Record<SideId, { title: string; detail: string }>;
  editor: {
    heading: string;
    preset: string;
    ownScenario: string;
    textarea: string;
    help: string;
    helpLines: string[];
    run: string;
    runAgain: string;
    noUpdates: string;
    tooMany(count: number, max: number): string;
    refused(count: number): string;
    /** What the folded editor shows next to its heading: the preset (or "your own") and the update count. */
    summary(name: string, updates: number): string;
  };
  status: {
    idle: string;
    loading: string;
    loadingBytes(loaded: string, total: string): string;
    running(done: number, total: number): string;
    done(total: number): string;
    failed(message: string): string;
  };
  steps: {
    label: string;
    first: string;
    back: string;
    forward: string;
    last: string;
    slider: string;
    position(k: number, total: number): string;
  };
  lanes: {
    caption: string;
    number: string;
    update: string;
    noCalls: string;
    waiting: string;
    read(found: boolean | undefined): string;
    write(bytes: number): string;
    delete: string;
    failed(error: string): string;
    callOn(op: string, key: string): string;
    /** A side's running totals after an update, written next to its bars. */
    soFar(calls: number, bytes: number): string;
    /** Names one side's part of an update card (phones), or its column. */
    sideCalls(title: string): string;
  };
  totals: {
    heading: string;
    reads: string;
    writes: string;
    deletes: string;
    calls: string;
    bytes: string;
    difference: string;
    sinceStart(k: number, total: number): string;
    /** The noun after a count: "1 read", "10 reads". */
    unit: Record<"reads" | "writes" | "deletes", (count: number) => string>;
  };
  keys: {
    keyOf(key: string): string;
    noKey: string;
    noKeyDetail: string;
    sessionsHeading: string;
    sessionsAfter(k: number): string;
    sessionCount(count: number): string;
    noSessions: string;
    /** A stored value's levels nested too deep to show, collapsed, in the playground's wording ("… 2,984 more levels"). */
    deeperLevels(levels: number | null): string;
    storeLabel(store: string): string;
    groupsHeading: string;
    /** A side's groups, as a region name. */
    groupsOf(title: string): string;
    updatesUnder(key: string): string;
    updatesWithoutKey: string;
    updateCount(count: number): string;
    noUpdatesYet: string;
  };
  programs: { summary: string; of(title: string): string };
  describe: {
    people: Record<"ana" | "ben" | "chloe", string>;
    place: Record<"private" | "group" | "group2", string>;
    message(who: string, where: string, text: string): string;
    button(who: string, where: string, data: string): string;
    inline(who: string, query: string): string;
    poll(who: string, options: string): string;
  };
}

const en: ComparisonStrings = {
  n: (v) => numbers.en.format(v),
  views: { "strict-vs-lazy": "Strict vs lazy sessions", keys: "Three session keys" },
  sides: {
    strict: { title: "session() — strict", detail: "reads on every update that has a key" },
    lazy: { title: "lazySession()", detail: "reads only when a handler touches ctx.session" },
    chat: { title: "Per chat", detail: "ctx.chatId (grammY's default)" },
    user: { title: "Per user", detail: "ctx.from.id" },
    "user-chat": { title: "Per user and chat", detail: "ctx.from.id/ctx.chatId" },
  },
  editor: {
    heading: "Scenario",
    preset: "Preset",
    ownScenario: "Your own scenario",
    textarea: "Scenario, one update per line",
    help: "How to write a scenario",
    helpLines: [
      "One update per line: person @ place: what they send. Lines starting with # are comments.",
      "People: ana, ben, chloe. Places: private (their chat with the bot), group, group2, inline, poll.",
      "In a chat: any text is a message (a 🍕 adds a pizza, /hunger asks for the count); [button pizza:add] presses the bot's button.",
      "inline: the text is an inline query. poll: the option numbers chosen, like 0 or 0, 2.",
    ],
    run: "Run",
    runAgain: "Run again",
    noUpdates: "The scenario has no updates: write at least one line like “ana @ group: I love 🍕”.",
    tooMany: (count, max) => `The scenario has ${count} updates; this view takes at most ${max}.`,
    refused: (count) => (count === 1 ? "1 line is refused; fix it to run:" : `${count} lines are refused; fix them to run:`),
    summary: (name, updates) => `${name} · ${updates === 1 ? "1 update" : `${numbers.en.format(updates)} updates`}`,
  },
  status: {
    idle: "Not run yet.",
    loading: "Loading the compiler and grammY…",
    loadingBytes: (loaded, total) => `Loading the compiler: ${loaded} of ${total}`,
    running: (done, total) => `Running: ${done} of ${total} updates handled…`,
    done: (total) => `Done: ${total} updates through real grammY, each side on its own IndexedDB store.`,
    failed: (message) => `The run failed: ${message}`,
  },
  steps: {
    label: "Step through the run",
    first: "First",
    back: "Back",
    forward: "Forward",
    last: "Last",
    slider: "Updates shown",
    position: (k, total) => (k === 0 ? `Before the first update (of ${total})` : `After update ${k} of ${total}`),
  },
  lanes: {
    caption: "Storage calls per update",
    number: "#",
    update: "Update",
    noCalls: "no calls",
    waiting: "…",
    read: (found) => (found === false ? "read: empty" : "read"),
    write: (bytes) => `write ${numbers.en.format(bytes)} B`,
    delete: "delete",
    failed: (error) => `failed: ${error}`,
    callOn: (op, key) => `${op} of key ${key}`,
    soFar: (calls, bytes) => `${numbers.en.format(calls)} ${calls === 1 ? "call" : "calls"} · ${numbers.en.format(bytes)} B so far`,
    sideCalls: (title) => `${title}: calls`,
  },
  totals: {
    heading: "Totals",
    reads: "Reads",
    writes: "Writes",
    deletes: "Deletes",
    calls: "Storage calls",
    bytes: "Bytes written",
    difference: "Difference",
    sinceStart: (k, total) => (k === total ? `all ${total} updates` : `updates 1 to ${k} of ${total}`),
    unit: {
      reads: (n) => (n === 1 ? "read" : "reads"),
      writes: (n) => (n === 1 ? "write" : "writes"),
      deletes: (n) => (n === 1 ? "delete" : "deletes"),
    },
  },
  keys: {
    keyOf: (key) => `key ${key}`,
    noKey: "no key",
    noKeyDetail: "no session for this update; reading or assigning ctx.session throws",
    sessionsHeading: "Sessions in IndexedDB",
    sessionsAfter: (k) => (k === 0 ? "before the first update" : `after update ${k}`),
    sessionCount: (count) => (count === 1 ? "1 session" : `${count} sessions`),
    noSessions: "no sessions yet",
    deeperLevels: (levels) =>
      levels === null ? "… more levels" : `… ${levels.toLocaleString("en-US")} more ${levels === 1 ? "level" : "levels"}`,
    storeLabel: (store) => `object store “${store}”`,
    groupsHeading: "Which updates share a session",
    groupsOf: (title) => `${title}: updates by session key`,
    updatesUnder: (key) => `Updates with key ${key}`,
    updatesWithoutKey: "Updates without a key",
    updateCount: (count) => (count === 1 ? "1 update" : `${numbers.en.format(count)} updates`),
    noUpdatesYet: "no updates yet",
  },
  programs: { summary: "The code each side runs", of: (title) => `Program: ${title}` },
  describe: {
    people: { ana: "Ana", ben: "Ben", chloe: "Chloé" },
    place: { private: "in private", group: "in Pizza Lovers", group2: "in Night Owls" },
    message: (who, where, text) => `${who} ${where}: ${text}`,
    button: (who, where, data) => `${who} presses [${data}] ${where}`,
    inline: (who, query) => `${who}, inline query: “${query}”`,
    poll: (who, options) => (options === "" ? `${who} retracts the poll vote` : `${who} votes ${options} in the poll`),
  },
};

const es: ComparisonStrings = {
  n: (v) => numbers.es.format(v),
  views: { "strict-vs-lazy": "Sesiones estrictas contra perezosas", keys: "Tres claves de sesión" },
  sides: {
    strict: { title: "session() — estricta", detail: "lee en cada actualización que tiene clave" },
    lazy: { title: "lazySession()", detail: "lee solo cuando un manejador toca ctx.session" },
    chat: { title: "Por chat", detail: "ctx.chatId (la de grammY por defecto)" },
    user: { title: "Por usuario", detail: "ctx.from.id" },
    "user-chat": { title: "Por usuario y chat", detail: "ctx.from.id/ctx.chatId" },
  },
  editor: {
    heading: "Escenario",
    preset: "Escenario predefinido",
    ownScenario: "Tu propio escenario",
    textarea: "Escenario, una actualización por línea",
    help: "Cómo se escribe un escenario",
    helpLines: [
      "Una actualización por línea: persona @ lugar: lo que envía. Las líneas que empiezan por # son comentarios.",
      "Personas: ana, ben, chloe. Lugares: private (su chat con el bot), group, group2, inline, poll.",
      "En un chat, cualquier texto es un mensaje (una 🍕 suma una pizza, /hunger pide la cuenta); [button pizza:add] pulsa el botón del bot.",
      "inline: el texto es una consulta inline. poll: los números de las opciones elegidas, como 0 o 0, 2.",
    ],
    run: "Ejecutar",
    runAgain: "Ejecutar de nuevo",
    noUpdates: "El escenario no tiene ninguna actualización: escribe al menos una línea como «ana @ group: me encanta la 🍕».",
    tooMany: (count, max) => `El escenario tiene ${count} actualizaciones; aquí caben como mucho ${max}.`,
    refused: (count) =>
      count === 1 ? "Hay 1 línea rechazada; corrígela para ejecutar:" : `Hay ${count} líneas rechazadas; corrígelas para ejecutar:`,
    summary: (name, updates) => `${name} · ${updates === 1 ? "1 actualización" : `${numbers.es.format(updates)} actualizaciones`}`,
  },
  status: {
    idle: "Todavía no se ha ejecutado.",
    loading: "Cargando el compilador y grammY…",
    loadingBytes: (loaded, total) => `Cargando el compilador: ${loaded} de ${total}`,
    running: (done, total) => `Ejecutando: ${done} de ${total} actualizaciones procesadas…`,
    done: (total) => `Listo: ${total} actualizaciones por grammY de verdad, cada lado con su propio almacén de IndexedDB.`,
    failed: (message) => `La ejecución falló: ${message}`,
  },
  steps: {
    label: "Recorre la ejecución paso a paso",
    first: "Inicio",
    back: "Atrás",
    forward: "Adelante",
    last: "Final",
    slider: "Actualizaciones mostradas",
    position: (k, total) => (k === 0 ? `Antes de la primera actualización (de ${total})` : `Después de la actualización ${k} de ${total}`),
  },
  lanes: {
    caption: "Llamadas al almacenamiento por actualización",
    number: "#",
    update: "Actualización",
    noCalls: "ninguna llamada",
    waiting: "…",
    read: (found) => (found === false ? "read: vacío" : "read"),
    write: (bytes) => `write ${numbers.es.format(bytes)} B`,
    delete: "delete",
    failed: (error) => `falló: ${error}`,
    callOn: (op, key) => `${op} de la clave ${key}`,
    soFar: (calls, bytes) => `${numbers.es.format(calls)} ${calls === 1 ? "llamada" : "llamadas"} · ${numbers.es.format(bytes)} B hasta aquí`,
    sideCalls: (title) => `${title}: llamadas`,
  },
  totals: {
    heading: "Totales",
    reads: "Lecturas",
    writes: "Escrituras",
    deletes: "Borrados",
    calls: "Llamadas al almacenamiento",
    bytes: "Bytes escritos",
    difference: "Diferencia",
    sinceStart: (k, total) => (k === total ? `las ${total} actualizaciones` : `actualizaciones 1 a ${k} de ${total}`),
    unit: {
      reads: (n) => (n === 1 ? "lectura" : "lecturas"),
      writes: (n) => (n === 1 ? "escritura" : "escrituras"),
      deletes: (n) => (n === 1 ? "borrado" : "borrados"),
    },
  },
  keys: {
    keyOf: (key) => `clave ${key}`,
    noKey: "sin clave",
    noKeyDetail: "esta actualización no tiene sesión; leer o asignar ctx.session lanza un error",
    sessionsHeading: "Sesiones en IndexedDB",
    sessionsAfter: (k) => (k === 0 ? "antes de la primera actualización" : `después de la actualización ${k}`),
    sessionCount: (count) => (count === 1 ? "1 sesión" : `${count} sesiones`),
    noSessions: "todavía no hay sesiones",
    deeperLevels: (levels) =>
      levels === null ? "… más niveles" : `… ${levels.toLocaleString("es-ES")} ${levels === 1 ? "nivel más" : "niveles más"}`,
    storeLabel: (store) => `almacén de objetos «${store}»`,
    groupsHeading: "Qué actualizaciones comparten sesión",
    groupsOf: (title) => `${title}: actualizaciones por clave de sesión`,
    updatesUnder: (key) => `Actualizaciones con la clave ${key}`,
    updatesWithoutKey: "Actualizaciones sin clave",
    updateCount: (count) => (count === 1 ? "1 actualización" : `${numbers.es.format(count)} actualizaciones`),
    noUpdatesYet: "todavía ninguna actualización",
  },
  programs: { summary: "El código que ejecuta cada lado", of: (title) => `Programa: ${title}` },
  describe: {
    people: { ana: "Ana", ben: "Ben", chloe: "Chloé" },
    place: { private: "en privado", group: "en Pizza Lovers", group2: "en Night Owls" },
    message: (who, where, text) => `${who} ${where}: ${text}`,
    button: (who, where, data) => `${who} pulsa [${data}] ${where}`,
    inline: (who, query) => `${who}, consulta inline: «${query}»`,
    poll: (who, options) => (options === "" ? `${who} retira su voto de la encuesta` : `${who} vota ${options} en la encuesta`),
  },
};

/** The strings of `locale`. */
export function comparisonStrings(locale: Locale): ComparisonStrings {
  return STRINGS[locale];
}

const STRINGS: Record<Locale, ComparisonStrings> = { en, es };
