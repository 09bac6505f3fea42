import type { CompareEmbedStrings } from "../../playground/compare/strings/embed";

/** What the docs-page card of each comparison view says before the view loads. */
export const compareEmbed: CompareEmbedStrings = {
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
  },
  loading: "Cargando…",
  failed: "No se pudo cargar esta vista. Recarga la página para volver a intentarlo.",
};
