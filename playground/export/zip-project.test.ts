import { describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { exportProject } from "./export-project";
import { zipProject } from "./zip-project";
import { allExamples } from "./testing/examples";

describe("the project's zip", () => {
  it("unzips to the same files, inside one folder, byte for byte", () => {
    const multi = allExamples().find((example) => example.name === "multi" && example.locale === "es")!;
    const files = exportProject({ code: multi.code, example: "multi", locale: "es", runtime: "node", storage: "file" });
    const zip = zipProject(files, "session-lab-multi");
    const unzipped = unzipSync(zip);
    expect(Object.keys(unzipped).sort()).toEqual(Object.keys(files).map((path) => `session-lab-multi/${path}`).sort());
    for (const [path, text] of Object.entries(files)) {
      expect(strFromU8(unzipped[`session-lab-multi/${path}`])).toBe(text);
    }
    // Non-ASCII text (the Spanish comments, the emoji) survives as UTF-8.
    expect(strFromU8(unzipped["session-lab-multi/bot.ts"])).toContain("🍕");
  });

  it("gives the same bytes for the same project", () => {
    const files = { "a.txt": "one", "b/c.txt": "two" };
    expect(zipProject(files, "p")).toEqual(zipProject(files, "p"));
  });
});
