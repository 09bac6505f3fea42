import { describe, expect, it } from "vitest";
import { exportProject, planExport } from "./export-project";
import { SERVER_STORAGES } from "./strings";
import { allExamples, DENO_RUNNER_PROGRAM } from "./testing/examples";
import { typeErrors } from "./testing/typecheck";

describe("every exported example type-checks against the installed grammY and adapters", () => {
  it("in both languages, with every server storage", () => {
    const projects: Record<string, Record<string, string>> = {};
    for (const example of allExamples()) {
      const request = { code: example.code, example: example.name, locale: example.locale, runtime: "node" } as const;
      const storages = planExport({ ...request, storage: "memory" }).usesBrowserStorage ? SERVER_STORAGES : (["memory"] as const);
      for (const storage of storages) {
        projects[`${example.name}-${example.locale}-${storage}`] = exportProject({ ...request, storage });
      }
    }
    const errors = typeErrors(projects);
    expect(Object.keys(errors).length).toBe(Object.keys(projects).length);
    expect(Object.entries(errors).filter(([, list]) => list.length > 0)).toEqual([]);
  });

  it("a program written with Deno's grammY URLs and the runner type-checks once exported", () => {
    const project = exportProject({ code: DENO_RUNNER_PROGRAM, example: "runner", locale: "es", runtime: "node", storage: "file" });
    expect(typeErrors({ runner: project }).runner).toEqual([]);
  });

  it("and the check can fail: a program with a type error is reported", () => {
    const code = 'import { Bot } from "grammy";\nconst bot = new Bot("");\nconst n: number = bot.token;\n';
    const project = exportProject({ code, example: "broken", locale: "en", runtime: "node", storage: "memory" });
    expect(typeErrors({ broken: project }).broken).toEqual([expect.stringContaining("not assignable to type 'number'")]);
  });
});
