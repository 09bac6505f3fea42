import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import type { Plugin } from "vite";

/** The id the simulator and the update validator import the lists from. */
export const BOT_API_SCHEMA_ID = "virtual:bot-api-schema";
const RESOLVED_ID = "\0" + BOT_API_SCHEMA_ID;

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * What a Bot API method answers, read from its declared return type: `true`, one `Message`, an
 * array, a `Message` or `true` (the edit methods: `true` for inline messages), or any other object.
 */
export type MethodReturn = "true" | "message" | "array" | "message-or-true" | "other";

/** One method as the simulator needs to know it. */
export interface MethodShape {
  returns: MethodReturn;
  /** For `message`: the fields its Message must have beyond every message's own, e.g. `["photo"]`. */
  content?: string[];
}

/** Everything the plugin reads from `@grammyjs/types`. */
export interface BotApiSchema {
  /** Every method of the `ApiMethods` type, by name. */
  methods: Record<string, MethodShape>;
  /** Every key of the `Update` interface but `update_id`, in declaration order. */
  updateKinds: string[];
  /** The kinds Telegram sends without being asked for them (the rest must be named in `allowed_updates`). */
  defaultUpdateKinds: string[];
}

/** Fields every Message has; what a kind of message adds is what is required beyond these. */
const MESSAGE_BASE = new Set(["message_id", "date", "chat"]);

/**
 * Serves `virtual:bot-api-schema` from the installed `@grammyjs/types` (the one grammY uses), so a
 * grammY release that adds a method or an update kind needs no edit here. Register it for the page and
 * for workers (`vite.plugins` and `vite.worker.plugins`), and in every vitest config whose tests load
 * the simulator or the update validator.
 */
export function botApiSchemaPlugin(root = REPO_ROOT): Plugin {
  let source: string | undefined;
  return {
    name: "session-lab:bot-api-schema",
    resolveId(id) {
      return id === BOT_API_SCHEMA_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      // One TypeScript program per build (about a second), shared by the page and the workers' bundles.
      source ??= schemaModuleSource(readBotApiSchema(root));
      return source;
    },
  };
}

/** The JavaScript of the virtual module. */
export function schemaModuleSource(schema: BotApiSchema): string {
  return [
    `export const BOT_API_METHODS = ${JSON.stringify(schema.methods)};`,
    `export const UPDATE_KINDS = ${JSON.stringify(schema.updateKinds)};`,
    `export const DEFAULT_UPDATE_KINDS = ${JSON.stringify(schema.defaultUpdateKinds)};`,
    "",
  ].join("\n");
}

/**
 * Reads the method list and the update kinds with the TypeScript compiler, from the declarations of
 * the `@grammyjs/types` that grammY resolves. Fails loudly if either is missing: a simulator that knew
 * no methods would answer every call with 404.
 */
export function readBotApiSchema(root = REPO_ROOT): BotApiSchema {
  const dir = findPackage(findPackage(root, "grammy"), "@grammyjs/types");
  const methodsFile = join(dir, "methods.d.ts");
  const updateFile = join(dir, "update.d.ts");
  const program = ts.createProgram([methodsFile, updateFile], { lib: ["lib.es2022.d.ts"], types: [], skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();

  const apiMethods = declaredType(program, checker, methodsFile, "ApiMethods");
  const methods: Record<string, MethodShape> = {};
  for (const symbol of checker.getPropertiesOfType(apiMethods)) {
    const signature = checker.getTypeOfSymbol(symbol).getCallSignatures()[0];
    if (signature) methods[symbol.name] = shapeOf(checker, checker.getReturnTypeOfSignature(signature));
  }

  const update = declaredType(program, checker, updateFile, "Update");
  const kinds = checker.getPropertiesOfType(update).filter((s) => s.name !== "update_id");
  // Telegram's documentation of each opt-in kind says the bot "must explicitly specify" it in allowed_updates.
  const optIn = (s: ts.Symbol) => /explicitly specify/.test(ts.displayPartsToString(s.getDocumentationComment(checker)));
  const schema = {
    methods,
    updateKinds: kinds.map((s) => s.name),
    defaultUpdateKinds: kinds.filter((s) => !optIn(s)).map((s) => s.name),
  };
  if (Object.keys(schema.methods).length < 100 || schema.updateKinds.length < 10) {
    throw new Error(`bot-api-schema: ${dir} declares only ${Object.keys(methods).length} methods and ${kinds.length} update kinds`);
  }
  return schema;
}

function declaredType(program: ts.Program, checker: ts.TypeChecker, file: string, name: string): ts.Type {
  const source = program.getSourceFile(file);
  let found: ts.Type | undefined;
  if (source) {
    ts.forEachChild(source, (node) => {
      if ((ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node)) && node.name.text === name) {
        found = checker.getTypeAtLocation(node.name);
      }
    });
  }
  if (!found) throw new Error(`bot-api-schema: ${file} does not declare ${name}`);
  return found;
}

function shapeOf(checker: ts.TypeChecker, type: ts.Type): MethodShape {
  const parts = type.isUnion() ? type.types : [type];
  const isTrue = (t: ts.Type) => (t.flags & ts.TypeFlags.BooleanLiteral) !== 0 && checker.typeToString(t) === "true";
  const required = (t: ts.Type) => checker.getPropertiesOfType(t).filter((s) => (s.flags & ts.SymbolFlags.Optional) === 0).map((s) => s.name);
  const isMessage = (t: ts.Type) => ["message_id", "chat", "date"].every((k) => required(t).includes(k));
  if (parts.every(isTrue)) return { returns: "true" };
  if (parts.length === 1 && checker.isArrayType(type)) return { returns: "array" };
  if (parts.every(isMessage)) {
    const content = [...new Set(parts.flatMap((t) => required(t).filter((k) => !MESSAGE_BASE.has(k))))];
    return content.length > 0 ? { returns: "message", content } : { returns: "message" };
  }
  if (parts.every((t) => isTrue(t) || isMessage(t))) return { returns: "message-or-true" };
  return { returns: "other" };
}

/** Finds `node_modules/<name>` the way Node does: from `from` up to the file system root. */
function findPackage(from: string, name: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dirname(dir) === dir) throw new Error(`bot-api-schema: package "${name}" not found from ${from}`);
  }
}
