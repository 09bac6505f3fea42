import type { HeroStrings } from "../../.vitepress/theme/hero/types";

/** The home page's traffic strip, besides the recorded run (its replies come from this language's example file). */
export const hero: HeroStrings = {
  caption: "Grabado del ejemplo de la pizza con grammY real: con cada mensaje de Ana, el middleware de sesión lee la sesión de su chat antes de los manejadores y la vuelve a escribir después.",
  chat: "Chat",
  traffic: "Tráfico de almacenamiento",
  bot: "Bot",
  update: (id) => `Actualización ${id}`,
  notFound: "no encontrado",
  storage: { memory: "memoria", indexeddb: "IndexedDB", custom: "almacenamiento propio" },
  sends: (from, text) => `${from} envía ${text}.`,
  read: (key, found) => `Lee la clave ${key}: ${found}.`,
  write: (key, value) => `Escribe la clave ${key}: ${value}.`,
  remove: (key) => `Borra la clave ${key}.`,
  reply: (text) => `El bot responde «${text}».`,
  replay: "Repetir",
};
