import { describe, expect, it } from "vitest";
import { COMPARISONS } from "../scenario";
import { DeadlineError } from "../scenario/deadline";
import { mayUseDatabase } from "../sandbox/page-isolation";
import { describeRunFailure } from "./run-failure";
import { sideDatabase } from "./run-sides";
import { comparisonStrings } from "./strings/comparison";
import { describeDeadline } from "./strings/deadlines";

describe("a run that ran out of time", () => {
  it("says what did not answer, after how long, and how to try again, in both languages", () => {
    const error = new DeadlineError("update", 20_000, 3);
    expect(describeRunFailure(error, "en", comparisonStrings("en"))).toBe(
      "update 3 was not handled on every side within 20 s. Press “Run again” to try again.",
    );
    expect(describeRunFailure(error, "es", comparisonStrings("es"))).toBe(
      "la actualización 3 no se procesó en todos los lados en 20 s. Pulsa «Ejecutar de nuevo» para intentarlo otra vez.",
    );
    expect(describeDeadline(new DeadlineError("database", 2500), "es", "Ejecutar de nuevo")).toContain("en 2,5 s.");
    expect(describeDeadline(new DeadlineError("update", 20_000, 2), "en", "Run again")).toBe(
      "update 2 was not handled on every side within 20 s. Press “Run again” to try again.",
    );
  });

  it("passes any other error's own words on", () => {
    expect(describeRunFailure(new Error("IndexedDBUnavailableError: denied"), "es", comparisonStrings("es"))).toBe(
      "IndexedDBUnavailableError: denied",
    );
  });
});

describe("each side's database", () => {
  it("is one per side, under the view's name, so the sandbox lets the side's program open it", () => {
    const database = "session-lab:compare:/sessions/keys:keys";
    const names = COMPARISONS.keys.map((side) => sideDatabase(database, side));
    expect(new Set(names).size).toBe(COMPARISONS.keys.length);
    for (const name of names) expect(mayUseDatabase(name, name)).toBe(true);
    expect(names[0]).toBe(`${database}:chat`);
  });
});
