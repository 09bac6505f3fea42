import { describe, expect, it } from "vitest";
import { validateUpdate } from "../telegram/update-validator";
import { LOCALES } from "../i18n/locale";
import type { Step } from "./format";
import { parseScenario } from "./parse";
import { presetById, PRESETS, presetsFor } from "./presets";
import { stepsToUpdates } from "./to-updates";

function stepsOf(text: string): Step[] {
  const result = parseScenario(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.steps;
}

/** What a step does to the pizza counter, whatever language its chatter is in. */
function effect(step: Step): string {
  const who = `${step.person}@${step.place}`;
  switch (step.kind) {
    case "message":
      return `${who} ${step.text.startsWith("/") ? step.text : /🍕/.test(step.text) ? "pizza" : "chatter"}`;
    case "button":
      return `${who} button ${step.data}`;
    case "inline":
      return `${who} inline`;
    case "poll":
      return `${who} poll ${step.options.join(",")}`;
  }
}

describe("presets", () => {
  it("have distinct ids, titles and descriptions in both languages", () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const preset of PRESETS) {
      for (const locale of LOCALES) {
        expect(preset.title[locale].length).toBeGreaterThan(3);
        expect(preset.description[locale].length).toBeGreaterThan(20);
      }
      expect(preset.title.es).not.toBe(preset.title.en);
      expect(preset.description.es).not.toBe(preset.description.en);
      expect(presetById(preset.id)).toBe(preset);
    }
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))("%s parses cleanly in both languages, into valid updates", (_id, preset) => {
    for (const locale of LOCALES) {
      expect(parseScenario(preset.text[locale]).ok).toBe(true);
      for (const update of stepsToUpdates(stepsOf(preset.text[locale]))) expect(validateUpdate(update).ok).toBe(true);
    }
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))("%s sends the same updates in English and Spanish", (_id, preset) => {
    expect(stepsOf(preset.text.es).map(effect)).toEqual(stepsOf(preset.text.en).map(effect));
  });

  it("include the documented busy group: ten group updates, two pizzas, two /hunger, chatter first", () => {
    const effects = stepsOf(presetById("busy-group")!.text.en).map(effect);
    expect(effects).toHaveLength(10);
    expect(effects.every((e) => e.includes("@group "))).toBe(true);
    expect(effects.filter((e) => e.endsWith(" pizza"))).toHaveLength(2);
    expect(effects.filter((e) => e.endsWith(" /hunger"))).toHaveLength(2);
    // A first contact that only chats still costs strict sessions a write of initial().
    expect(effects[0]).toMatch(/ chatter$/);
  });

  it("offer, for each view, something to compare", () => {
    expect(presetsFor("strict-vs-lazy").map((p) => p.id)).toEqual(["busy-group", "private-chat", "inline-mix"]);
    expect(presetsFor("keys").map((p) => p.id)).toEqual(["busy-group", "inline-mix"]);
    expect(presetsFor("concurrency").map((p) => p.id)).toEqual(["lost-update"]);
    const mix = stepsOf(presetById("inline-mix")!.text.en).map((s) => s.kind);
    expect(mix).toEqual(expect.arrayContaining(["inline", "poll", "message", "button"]));
  });
});
