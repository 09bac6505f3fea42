/**
 * Gives the exported program its token from the environment. In the playground `new Bot("")` is
 * enough (the sandbox supplies a token); on a server the bot needs the reader's token, and a token
 * belongs in the environment, never in code that may be shared or committed.
 */
import { codeMask, findConstructions } from "./source-scan";
import type { ExportRuntime } from "./strings";

/** The environment variable the exported bot reads its token from. */
export const TOKEN_VARIABLE = "BOT_TOKEN";
/** The optional environment variable naming another Bot API root (a local Bot API server). */
export const API_ROOT_VARIABLE = "BOT_API_ROOT";

/** The words the lines added to the program need, in the page's language. */
export interface TokenWords {
  tokenComment: string[];
  tokenMissing: string;
  apiRootComment: string;
}

/** A name for a new top-level variable that the program does not use yet (`token`, else `botToken`…). */
export function freeName(code: string, wanted: string): string {
  const capitalised = wanted[0].toUpperCase() + wanted.slice(1);
  for (const name of [wanted, `bot${capitalised}`, `exported${capitalised}`]) {
    if (!new RegExp(`\\b${name}\\b`).test(code)) return name;
  }
  let n = 2;
  while (new RegExp(`\\b${wanted}${n}\\b`).test(code)) n++;
  return `${wanted}${n}`;
}

/** What {@link rewriteToken} did. */
export interface TokenRewrite {
  code: string;
  /** How many `new Bot("")` were given the token. */
  replaced: number;
}

/**
 * `code` with lines that read the token (and the optional API root) after its imports, and every
 * `new Bot("")`, `new Bot('')` or `new Bot(\`\`)` (type arguments and options allowed) given them.
 * A `new Bot` with a token written in it is left alone: that is the reader's decision.
 */
export function rewriteToken(
  code: string,
  runtime: ExportRuntime,
  words: TokenWords,
  names: { token: string; apiRoot: string },
): TokenRewrite {
  const mask = codeMask(code);
  const edits: { start: number; end: number; text: string }[] = [];
  for (const { open, end } of findConstructions(code, "Bot")) {
    const args = code.slice(open + 1, end - 1);
    const empty = /^\s*(""|''|``)\s*(,|$)/.exec(args);
    if (empty === null) continue;
    const rest = args.slice(empty[0].length).trim();
    const options = withApiRoot(rest === "" ? "{}" : rest, names.apiRoot);
    edits.push({ start: open + 1, end: end - 1, text: `${names.token}, ${options}` });
  }
  if (edits.length === 0) return { code, replaced: 0 };

  const at = afterImports(code, mask);
  const lines = preamble(runtime, words, names);
  // After the imports it follows a blank line; a program without imports starts with it.
  edits.push({ start: at, end: at, text: at === 0 ? `${lines.trimStart()}\n\n` : lines });
  let result = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return { code: result, replaced: edits.length - 1 };
}

/**
 * The options argument with `client: { apiRoot }` added, when it is an object literal that sets no
 * `client` of its own; otherwise as written (the program's own client options win).
 */
function withApiRoot(options: string, apiRoot: string): string {
  const literal = options.replace(/,\s*$/, "");
  if (!literal.startsWith("{") || !literal.endsWith("}")) return options;
  const mask = codeMask(literal);
  let depth = 0;
  let topLevel = "";
  for (let k = 0; k < literal.length; k++) {
    const c = literal[k];
    if (mask[k] && "{[(".includes(c)) depth++;
    else if (mask[k] && "}])".includes(c)) depth--;
    else if (depth === 1 && mask[k]) topLevel += c;
  }
  if (/\bclient\b/.test(topLevel) || /\.\.\./.test(topLevel)) return options;
  const inner = literal.slice(1, -1).trim();
  const client = `client: { ${apiRoot === "apiRoot" ? apiRoot : `apiRoot: ${apiRoot}`} }`;
  return inner === "" ? `{ ${client} }` : `{ ${client}, ${inner} }`;
}

/** The offset just after the program's last top-level import statement (0 without imports). */
function afterImports(code: string, mask: boolean[]): number {
  let at = 0;
  for (const match of code.matchAll(/^import\b[^;'"]*?(?:from\s*)?["'][^"'\n]+["'];?[ \t]*$/gm)) {
    if (mask[match.index]) at = match.index + match[0].length;
  }
  return at;
}

/** The lines that read the token and the optional API root, for `runtime`. */
function preamble(runtime: ExportRuntime, words: TokenWords, names: { token: string; apiRoot: string }): string {
  const read = (variable: string) =>
    runtime === "node" ? `process.env.${variable}` : `Deno.env.get(${JSON.stringify(variable)})`;
  const exit = runtime === "node" ? "process.exit(1);" : "Deno.exit(1);";
  return [
    "",
    "",
    ...words.tokenComment.map((line) => `// ${line}`),
    `const ${names.token} = ${read(TOKEN_VARIABLE)} ?? "";`,
    `if (${names.token} === "") {`,
    `  console.error(${JSON.stringify(words.tokenMissing)});`,
    `  ${exit}`,
    "}",
    `// ${words.apiRootComment}`,
    `const ${names.apiRoot} = ${read(API_ROOT_VARIABLE)};`,
  ].join("\n");
}
