/**
 * The shape of the home page's traffic strip data (`pizza-traffic.json`): what real grammY did when the
 * pizza example got Ana's messages. The file is written by a unit test that runs the example through
 * the playground's sandbox runtime in Node (`tests/unit/hero/`), and that test fails if the file drifts.
 */

/** One thing that happened while grammY handled an update, in the order it happened. */
export type HeroEvent =
  | { kind: "read"; key: string; found: boolean; value?: unknown }
  | { kind: "write"; key: string; value: unknown }
  | { kind: "delete"; key: string }
  /** The bot sent a message (`ctx.reply`). */
  | { kind: "reply"; text: string };
import type { Locale } from "../../../playground/i18n/locale";

/** One update the bot got: who wrote what, and what followed. */
export interface HeroUpdate {
  updateId: number;
  from: string;
  text: string;
  events: HeroEvent[];
}

/** The recorded run of one locale's example file. */
export interface HeroRun {
  /** The example the hero's primary action opens (`playground/examples/<example>/<locale>.ts`). */
  example: string;
  /** Where the sessions lived, as the sandbox reported it (absent if it reported nothing). */
  storage?: "memory" | "indexeddb" | "custom";
  updates: HeroUpdate[];
}

/** The data file: one run per site locale. */
export type HeroTraffic = Record<Locale, HeroRun>;

/** The strip's words besides the recorded run, in one language (`locales/<lang>/hero.ts`). */
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
