/**
 * Type-checks exported Node projects with the TypeScript compiler API, against the packages installed
 * here (the temp folder links this repository's node_modules), with each project's own tsconfig.json.
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const NODE_MODULES = fileURLToPath(new URL("../../../node_modules", import.meta.url));

/**
 * The type errors of each `bot.ts` in `projects` (name → files of an exported Node project), checked in
 * one program: every bot is written as `<name>.ts` beside one `package.json` (they share its `"type":
 * "module"`), with the options of the first project's tsconfig.json. An empty list per name means it checks.
 */
export function typeErrors(projects: Record<string, Record<string, string>>): Record<string, string[]> {
  const dir = mkdtempSync(join(tmpdir(), "session-lab-export-types-"));
  try {
    symlinkSync(NODE_MODULES, join(dir, "node_modules"), "dir");
    const first = Object.values(projects)[0];
    writeFileSync(join(dir, "package.json"), first["package.json"]);
    const { options, errors } = ts.convertCompilerOptionsFromJson(JSON.parse(first["tsconfig.json"]).compilerOptions, dir);
    if (errors.length > 0) throw new Error(ts.flattenDiagnosticMessageText(errors[0].messageText, "\n"));
    const files = Object.entries(projects).map(([name, project]) => {
      const path = join(dir, `${name}.ts`);
      writeFileSync(path, project["bot.ts"]);
      return [name, path] as const;
    });
    const program = ts.createProgram(
      files.map(([, path]) => path),
      { ...options, typeRoots: [join(dir, "node_modules/@types")] },
    );
    const result: Record<string, string[]> = {};
    for (const [name, path] of files) {
      const source = program.getSourceFile(path)!;
      result[name] = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => {
        const line = d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line + 1;
        return `${line}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      });
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
