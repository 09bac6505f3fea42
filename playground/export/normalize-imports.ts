/**
 * The playground accepts Deno's spellings of its modules (`https://deno.land/x/grammy/mod.ts`,
 * `npm:grammy@1`); an exported project names each by its package, so the same imports work in Node
 * with package.json and in Deno with deno.json's import map.
 */
import { resolveSpecifier } from "../compiler/resolver";
import { codeMask } from "./source-scan";

/** What {@link normalizeImports} did. */
export interface NormalizedImports {
  code: string;
  /** The modules the program imports, by their playground name (`grammy`, `grammy/types`, `@grammyjs/runner`…). */
  modules: Set<string>;
}

/** `code` with every import and re-export specifier the playground knows rewritten to its package name. */
export function normalizeImports(code: string): NormalizedImports {
  const mask = codeMask(code);
  const modules = new Set<string>();
  const edits: { start: number; end: number; text: string }[] = [];
  for (const match of code.matchAll(/\b(from\s*|import\s*)(["'])([^"'\n]+)\2/g)) {
    if (!mask[match.index]) continue;
    const specifier = match[3];
    const resolution = resolveSpecifier(specifier);
    if (!resolution.ok) continue;
    modules.add(resolution.module);
    if (resolution.module !== specifier) {
      const start = match.index + match[1].length + 1;
      edits.push({ start, end: start + specifier.length, text: resolution.module });
    }
  }
  let result = code;
  for (const edit of edits.reverse()) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return { code: result, modules };
}
