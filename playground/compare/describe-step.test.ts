import { describe, expect, it } from "vitest";
import { parseScenario } from "../scenario";
import { describeStep } from "./describe-step";
import { comparisonStrings } from "./strings/comparison";

const text = "ana @ group: I love 🍕\nben @ private: [button pizza:add]\nchloe @ inline: pizza places\nben @ poll: 0, 2\nana @ poll:";

function described(locale: "en" | "es"): string[] {
  const parsed = parseScenario(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.steps.map((step) => describeStep(step, comparisonStrings(locale)));
}

describe("describeStep", () => {
  it("says who sent what where, in English", () => {
    expect(described("en")).toEqual([
      "Ana in Pizza Lovers: I love 🍕",
      "Ben presses [pizza:add] in private",
      "Chloé, inline query: “pizza places”",
      "Ben votes 0, 2 in the poll",
      "Ana retracts the poll vote",
    ]);
  });

  it("says it in Spanish too", () => {
    expect(described("es")).toEqual([
      "Ana en Pizza Lovers: I love 🍕",
      "Ben pulsa [pizza:add] en privado",
      "Chloé, consulta inline: «pizza places»",
      "Ben vota 0, 2 en la encuesta",
      "Ana retira su voto de la encuesta",
    ]);
  });
});
