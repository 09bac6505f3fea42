import type { GUIDE_PAGES } from "../../.vitepress/pages";
import type { SiteStrings } from "../types";
import { themeLabels } from "./labels";

/** Títulos de la barra lateral de la guía, por slug. */
const titles: Record<(typeof GUIDE_PAGES)[number], string> = {
  "sessions/": "Por qué un bot necesita almacenamiento",
  "sessions/usage": "Cómo usar las sesiones",
  "sessions/keys": "Claves de sesión",
  "sessions/storage": "Dónde guardar las sesiones",
  "sessions/lazy": "Sesiones perezosas",
  "sessions/multi": "Sesiones múltiples",
  "sessions/enhance": "Caducidad y migraciones",
};

/** Español: la misma guía bajo /es/. */
export const site: SiteStrings = {
  label: "Español",
  lang: "es",
  title: "Session Lab",
  description: "Aprende sesiones y almacenamiento de datos en grammY, el framework de bots de Telegram, viéndolos funcionar.",
  themeConfig: {
    nav: [
      { text: "Guía", link: "/es/sessions/" },
      { text: "Playground", link: "/es/playground" },
    ],
    sidebar: [
      {
        text: "Sesiones en grammY",
        items: Object.entries(titles).map(([slug, text]) => ({ text, link: `/es/${slug}` })),
      },
    ],
    outline: { level: [2, 3], label: "En esta página" },
    editLink: {
      pattern: "https://github.com/session-lab/session-lab/edit/main/docs/:path",
      text: "Sugerir un cambio en esta página",
    },
    docFooter: { prev: "Página anterior", next: "Página siguiente" },
    darkModeSwitchLabel: "Apariencia",
    lightModeSwitchTitle: "Cambiar a tema claro",
    darkModeSwitchTitle: "Cambiar a tema oscuro",
    sidebarMenuLabel: "Menú",
    returnToTopLabel: "Volver arriba",
    langMenuLabel: "Cambiar idioma",
    labels: themeLabels,
    skipToContentLabel: "Saltar al contenido",
    lastUpdated: { text: "Última actualización" },
    notFound: {
      title: "PÁGINA NO ENCONTRADA",
      quote: "Esta clave no tiene sesión: la página que buscas no está guardada aquí.",
      linkLabel: "ir a la página de inicio",
      linkText: "Llévame al inicio",
      code: "404",
    },
  },
};
