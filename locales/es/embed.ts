import type { EmbedStrings } from "../../playground/i18n/embed";

/** The few strings the docs-page placeholder shows before the playground loads. */
export const embed: EmbedStrings = {
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
};
