/**
 * The home page's traffic strip is a recording, and it must stay true: this runs the pizza example of
 * each locale through the playground's sandbox runtime on real grammY and compares the result with the
 * committed data file. When the example or grammY changes what happens, this fails; rerun it with `-u`
 * (`npx vitest run tests/unit/hero -u`) to record the new truth, and look at the home page.
 */
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { HERO_MESSAGES, recordHeroTraffic } from "./record-hero-traffic";

const DATA_FILE = "../../../.vitepress/theme/hero/pizza-traffic.json";

describe("the home page's traffic strip", () => {
  it("is what real grammY does with the pizza example, in both languages", async () => {
    const data = { en: await recordHeroTraffic("en"), es: await recordHeroTraffic("es") };

    // What the strip is for: first contact reads nothing and writes the counted pizza; the next update
    // finds it, and the bot answers from it in the page's language.
    for (const [locale, reply] of [["en", "Your hunger level is 1!"], ["es", "¡Tu nivel de hambre es 1!"]] as const) {
      const [first, second] = data[locale].updates;
      expect(data[locale].updates.map((u) => u.text)).toEqual([...HERO_MESSAGES]);
      expect(first.events).toEqual([
        { kind: "read", key: "424242", found: false },
        { kind: "write", key: "424242", value: { pizzaCount: 1 } },
      ]);
      expect(second.events.map((e) => e.kind)).toEqual(["read", "reply", "write"]);
      expect(second.events).toContainEqual({ kind: "reply", text: reply });
    }

    await expect(`${JSON.stringify(data, null, 2)}\n`).toMatchFileSnapshot(DATA_FILE);
  }, 60_000);
});
