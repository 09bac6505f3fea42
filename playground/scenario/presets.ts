/**
 * Ready-made scenarios for the comparison views. Every language sends the same updates (same people,
 * places, commands, pizzas and buttons); only the words are the language's (`locales/<lang>/presets.ts`),
 * so the counts a view shows do not depend on the page's language.
 */
import { PRESET_STRINGS } from "../../locales";
import { LOCALES } from "../i18n/locale";
import type { Localized } from "./format";
import type { KeyStrategy, ProgramComparison } from "./programs";

/** Which view a preset is made for. */
export type PresetView = ProgramComparison | "concurrency";

/** One ready-made scenario. */
export interface ScenarioPreset {
  id: string;
  /** The views it suits, the one it was made for first. */
  views: readonly PresetView[];
  title: Localized;
  description: Localized;
  /** The scenario in the format of `format.ts`. */
  text: Localized;
  /** For the concurrency view: the session key under which the updates collide. */
  key?: KeyStrategy;
}

/** The presets, by id. */
export type PresetId = "busy-group" | "private-chat" | "inline-mix" | "lost-update";

/** One preset's words in one language (`locales/<lang>/presets.ts`). */
export interface PresetWords {
  title: string;
  description: string;
  /** The scenario's first line, a `#` comment. */
  comment: string;
  /** The lines people write in words, in the order they are sent (see {@link Line}). */
  lines: string[];
}

/** Every preset's words in one language. */
export type PresetStrings = Record<PresetId, PresetWords>;

/**
 * An update as `[person, place, content]`. Content that reads the same in every language (a command,
 * a lone 🍕, a button press, a poll answer) is written here; without it, the line takes the next of the
 * language's `lines`, so every language sends the same updates and only the words differ.
 */
type Line = readonly [person: string, place: string, content?: string];

/** A preset's title, description and scenario text in every language. */
function words(id: PresetId, lines: readonly Line[]): Pick<ScenarioPreset, "title" | "description" | "text"> {
  const pick = (field: (words: PresetWords) => string) => Object.fromEntries(LOCALES.map((locale) => [locale, field(PRESET_STRINGS[locale][id])])) as Localized;
  return {
    title: pick((w) => w.title),
    description: pick((w) => w.description),
    text: pick((w) => {
      const said = [...w.lines];
      const text = [`# ${w.comment}`, ...lines.map(([person, place, content]) => `${person} @ ${place}: ${content ?? said.shift() ?? ""}`)];
      if (said.length > 0) throw new Error(`preset ${id}: ${said.length} line(s) of words left over`);
      return text.join("\n");
    }),
  };
}

/** A group where most messages are chatter: strict sessions read every one of them, lazy ones only what the handlers touch. */
const busyGroup: ScenarioPreset = {
  id: "busy-group",
  views: ["strict-vs-lazy", "keys"],
  ...words("busy-group", [
    ["ana", "group"],
    ["ben", "group"],
    ["chloe", "group"],
    ["ana", "group"],
    ["ben", "group", "/hunger"],
    ["chloe", "group"],
    ["ana", "group"],
    ["ben", "group", "/hunger"],
    ["chloe", "group"],
    ["ana", "group"],
  ]),
};

/** A private chat where every update touches the session: lazy sessions have nothing to skip. */
const privateChat: ScenarioPreset = {
  id: "private-chat",
  views: ["strict-vs-lazy"],
  ...words("private-chat", [
    ["ana", "private", "🍕"],
    ["ana", "private"],
    ["ana", "private", "/hunger"],
    ["ana", "private", "[button pizza:add]"],
    ["ana", "private", "🍕🍕"],
    ["ana", "private", "/hunger"],
  ]),
};

/** Chat updates mixed with inline queries and poll answers, which have no chat and so no default session key. */
const inlineMix: ScenarioPreset = {
  id: "inline-mix",
  views: ["strict-vs-lazy", "keys"],
  ...words("inline-mix", [
    ["ana", "group"],
    ["chloe", "inline"],
    ["ben", "group"],
    ["ben", "group", "/hunger"],
    ["ben", "poll", "0"],
    ["chloe", "private"],
    ["ana", "inline", "margherita"],
    ["chloe", "poll", "1"],
    ["ana", "group", "[button pizza:add]"],
    ["chloe", "group"],
    ["chloe", "private", "/hunger"],
  ]),
};

/** One person adding pizzas in two chats at the same moment, under a key both updates share. */
const lostUpdate: ScenarioPreset = {
  id: "lost-update",
  views: ["concurrency"],
  key: "user",
  ...words("lost-update", [
    ["ana", "private", "🍕"],
    ["ana", "group", "🍕"],
  ]),
};

/** Every preset, in the order a picker shows them. */
export const PRESETS: readonly ScenarioPreset[] = [busyGroup, privateChat, inlineMix, lostUpdate];

/** The presets that suit `view`, in picker order. */
export function presetsFor(view: PresetView): ScenarioPreset[] {
  return PRESETS.filter((p) => p.views.includes(view));
}

/** The preset with `id`, if there is one. */
export function presetById(id: string): ScenarioPreset | undefined {
  return PRESETS.find((p) => p.id === id);
}
