import type { HeroStrings } from "../../.vitepress/theme/hero/types";

/** The home page's traffic strip, besides the recorded run (its replies come from this language's example file). */
export const hero: HeroStrings = {
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
