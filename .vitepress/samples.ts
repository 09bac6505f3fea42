import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";

/**
 * Code samples have one source: a TypeScript file per locale, `<folder>/<name>/<locale>.ts`, in
 * `playground/examples/` (whole programs, also loaded by the playground) or `docs/snippets/`
 * (fragments). The JavaScript and Deno tabs are derived from it here, so they can never drift.
 */
export const SAMPLE_ROOTS = {
  examples: "playground/examples",
  snippets: "docs/snippets",
} as const;
export type SampleKind = keyof typeof SAMPLE_ROOTS;
export const LOCALES = ["en", "es"] as const;
export const GENERATED_DIR = "docs/snippets/generated";

const BLANK = "/*__blank__*/";
const DENO_GRAMMY = "https://deno.land/x/grammy/mod.ts";

/** TypeScript → JavaScript that reads like hand-written code: comments, blank lines, 2-space indent, `require`. */
export function toJavaScript(source: string): string {
  const marked = source.replace(/^[ \t]*$/gm, BLANK);
  const { outputText } = ts.transpileModule(marked, {
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      removeComments: false,
      verbatimModuleSyntax: false,
    },
    reportDiagnostics: false,
  });
  const lines = outputText
    .replace(/^export \{\};\s*$/m, "")
    .split("\n")
    .map((line) => (line.trim() === BLANK ? "" : halveIndent(line.replaceAll(BLANK, ""))));
  return tidy(importsToRequire(lines.join("\n")));
}

/** The same program for Deno: grammY comes from deno.land/x. */
export function toDeno(source: string): string {
  return source.replace(/from "grammy(\/web)?"/g, `from "${DENO_GRAMMY}"`);
}

/** Only programs that import nothing but grammY also run on Deno. */
export function runsOnDeno(source: string): boolean {
  const specifiers = [...source.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
  return specifiers.every((s) => s === "grammy");
}

function halveIndent(line: string): string {
  const indent = /^ */.exec(line)![0].length;
  const rest = line.slice(indent);
  // The " * " lines of a block comment sit one column right of their "/**".
  const inBlockComment = rest.startsWith("*") && indent % 2 === 1;
  return " ".repeat(inBlockComment ? (indent - 1) / 2 + 1 : Math.floor(indent / 2)) + rest;
}

function importsToRequire(code: string): string {
  return code.replace(
    /^import \{([^}]*)\} from ("[^"]+");/gm,
    (_, names: string, from: string) => {
      const list = names.split(",").map((n) => n.trim().replace(/\s+as\s+/, ": ")).filter(Boolean);
      return `const { ${list.join(", ")} } = require(${from});`;
    },
  );
}

function tidy(code: string): string {
  return code.replace(/\n{3,}/g, "\n\n").replace(/^\n+/, "").trimEnd() + "\n";
}

/** One sample: where its TypeScript lives and its name. */
export interface SampleFile {
  kind: SampleKind;
  name: string;
  locale: (typeof LOCALES)[number];
  path: string;
}

/** Every sample source file in the repository. */
export function listSamples(root: string): SampleFile[] {
  const files: SampleFile[] = [];
  for (const kind of Object.keys(SAMPLE_ROOTS) as SampleKind[]) {
    const dir = join(root, SAMPLE_ROOTS[kind]);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (name === "generated") continue;
      for (const locale of LOCALES) {
        const path = join(dir, name, `${locale}.ts`);
        if (existsSync(path)) files.push({ kind, name, locale, path });
      }
    }
  }
  return files;
}

/** Writes the derived JavaScript and Deno files next to nothing the repository tracks. */
export function generateSamples(root: string): void {
  for (const sample of listSamples(root)) {
    const source = readFileSync(sample.path, "utf8");
    const out = join(root, GENERATED_DIR, sample.kind, sample.name);
    mkdirSync(out, { recursive: true });
    writeIfChanged(join(out, `${sample.locale}.js`), toJavaScript(source));
    if (runsOnDeno(source)) writeIfChanged(join(out, `${sample.locale}.deno.ts`), toDeno(source));
  }
}

function writeIfChanged(path: string, text: string): void {
  if (existsSync(path) && readFileSync(path, "utf8") === text) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

const SAMPLE_LINE = /^@\[sample\]\((examples|snippets)\/([\w-]+)\)[ \t]*$/gm;

/**
 * Expands `@[sample](examples/pizza)` on a line of its own into a code group of VitePress snippet
 * imports: TypeScript, JavaScript and (when it runs there) Deno, in the page's locale.
 */
export function expandSampleLines(markdown: string, locale: string, root: string): string {
  return markdown.replace(SAMPLE_LINE, (_, kind: SampleKind, name: string) => {
    const ts = join(root, SAMPLE_ROOTS[kind], name, `${locale}.ts`);
    if (!existsSync(ts)) throw new Error(`Sample ${kind}/${name} has no ${locale}.ts (${ts})`);
    const source = readFileSync(ts, "utf8");
    const docs = join(root, "docs");
    const gen = join(GENERATED_DIR, kind, name);
    const tabs = [
      `<<< @/${relative(docs, ts)} [TypeScript]`,
      `<<< @/${relative(docs, join(root, gen, `${locale}.js`))} [JavaScript]`,
    ];
    if (runsOnDeno(source)) tabs.push(`<<< @/${relative(docs, join(root, gen, `${locale}.deno.ts`))} [Deno]`);
    return ["::: code-group", ...tabs, ":::"].join("\n");
  });
}
