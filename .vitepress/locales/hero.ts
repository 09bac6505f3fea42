/**
 * The home page's traffic strip, in both languages. The bot's own replies are not here: they come from
 * the recorded run of each locale's example file (`.vitepress/theme/hero/pizza-traffic.json`).
 */
import type { Locale } from "../../playground/i18n/locale";

/** Everything the strip says besides the recorded run. */
export interface HeroStrings {
  /** The figure's visible caption, which is also its accessible name. */
  caption: string;
  chat: string;
  traffic: string;
  /** The label of the bot's bubbles (the playground's chat says the same). */
  bot: string;
  update: (id: number) => string;
  notFound: string;
  /** Where the sessions lived in the recorded run. */
  storage: Record<"memory" | "indexeddb" | "custom", string>;
  /** One sentence per update for screen readers, built from the recorded facts. */
  sends: (from: string, text: string) => string;
  read: (key: string, found: string) => string;
  write: (key: string, value: string) => string;
  remove: (key: string) => string;
  reply: (text: string) => string;
  replay: string;
}

/** English. */
export const heroEn: HeroStrings = {
  caption: "Recorded from the pizza example on real grammY: for each of Ana's messages, the session middleware reads her chat's session before the handlers and writes it back after them.",
  chat: "Chat",
  traffic: "Storage traffic",
  bot: "Bot",
  update: (id) => `Update ${id}`,
  notFound: "not found",
  storage: { memory: "memory", indexeddb: "IndexedDB", custom: "custom storage" },
  sends: (from, text) => `${from} sends ${text}.`,
  read: (key, found) => `Read key ${key}: ${found}.`,
  write: (key, value) => `Write key ${key}: ${value}.`,
  remove: (key) => `Delete key ${key}.`,
  reply: (text) => `The bot replies “${text}”.`,
  replay: "Replay",
};

/** Español. */
export const heroEs: HeroStrings = {
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

/** The hero's strings by language. */
export const HERO_STRINGS: Readonly<Record<Locale, HeroStrings>> = { en: heroEn, es: heroEs };
