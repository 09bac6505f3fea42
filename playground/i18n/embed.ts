/**
 * The few strings the docs-page placeholder shows before the playground loads. Kept apart from the full
 * string tables so the placeholder, which every docs page carries, stays a few hundred bytes.
 */
import type { Locale } from "./locale";

export const EMBED_STRINGS = {
  en: {
    title: "Try it in the playground",
    hint: "Runs real grammY in your browser, on simulated Telegram updates. Nothing loads until you open it.",
    open: "Open playground",
    loading: "Loading the playground…",
    failed: "The playground could not load. Reload the page to try again.",
    openFull: "Open in the full playground",
    modes: "Playground mode",
    modeCode: "Your bot",
    modeCompare: "Strict vs lazy",
    about: "About the playground",
  },
  es: {
    title: "Pruébalo en el playground",
    hint: "Ejecuta grammY de verdad en tu navegador, con actualizaciones de Telegram simuladas. No se carga nada hasta que lo abras.",
    open: "Abrir el playground",
    loading: "Cargando el playground…",
    failed: "No se pudo cargar el playground. Recarga la página para volver a intentarlo.",
    openFull: "Abrir en el playground completo",
    modes: "Modo del playground",
    modeCode: "Tu bot",
    modeCompare: "Estricta contra perezosa",
    about: "Acerca del playground",
  },
} as const satisfies Record<Locale, object>;

/** The placeholder's strings in one language. */
export type EmbedStrings = (typeof EMBED_STRINGS)["en"] | (typeof EMBED_STRINGS)["es"];
