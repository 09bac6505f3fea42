/**
 * What the docs-page card of each comparison view says before the view loads. Kept apart from the
 * views' own strings so every docs page carries only these few lines.
 */
import type { Locale } from "../../i18n/locale";

/** The comparison views a page can embed with `<SessionCompare view="…" />`. */
export type CompareViewName = "strict-vs-lazy" | "keys" | "concurrency";

/** Every view name, for checking a page's `view` attribute. */
export const COMPARE_VIEW_NAMES: readonly CompareViewName[] = ["strict-vs-lazy", "keys", "concurrency"];

interface CardStrings {
  title: string;
  hint: string;
  open: string;
}

/** The card of each view, and the shared loading/failure notes, in both languages. */
export const COMPARE_EMBED_STRINGS = {
  en: {
    views: {
      "strict-vs-lazy": {
        title: "See it happen: strict vs lazy",
        hint: "Runs the same updates through session() and lazySession() with real grammY and IndexedDB in your browser, and counts every storage call.",
        open: "Run the comparison",
      },
      keys: {
        title: "See it happen: three session keys",
        hint: "Runs the same updates under a per-chat, a per-user and a per-user-and-chat key, and shows the sessions each one stores.",
        open: "Run the comparison",
      },
      concurrency: {
        title: "See it happen: a lost update",
        hint: "Runs two updates that share a session one after another, then at the same time, then at the same time with sequentialize, on real grammY and IndexedDB.",
        open: "Run all three",
      },
    } satisfies Record<CompareViewName, CardStrings>,
    loading: "Loading…",
    failed: "This view could not load. Reload the page to try again.",
  },
  es: {
    views: {
      "strict-vs-lazy": {
        title: "Míralo en acción: estricta contra perezosa",
        hint: "Pasa las mismas actualizaciones por session() y por lazySession() con grammY e IndexedDB de verdad en tu navegador, y cuenta cada llamada al almacenamiento.",
        open: "Ejecutar la comparación",
      },
      keys: {
        title: "Míralo en acción: tres claves de sesión",
        hint: "Pasa las mismas actualizaciones con una clave por chat, otra por usuario y otra por usuario y chat, y muestra las sesiones que guarda cada una.",
        open: "Ejecutar la comparación",
      },
      concurrency: {
        title: "Míralo en acción: una actualización perdida",
        hint: "Procesa dos actualizaciones que comparten sesión: una detrás de otra, a la vez y a la vez con sequentialize, con grammY e IndexedDB de verdad.",
        open: "Ejecutar las tres",
      },
    } satisfies Record<CompareViewName, CardStrings>,
    loading: "Cargando…",
    failed: "No se pudo cargar esta vista. Recarga la página para volver a intentarlo.",
  },
} as const satisfies Record<Locale, object>;
