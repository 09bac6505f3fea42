/**
 * TypeScript in Monaco: its tokenizer, its language service and the features that show what the service
 * knows (suggestions, hovers, quick fixes…). The last setup chunk, evaluated in a task of its own (see
 * monaco-loader.ts), before any editor is created.
 */
import "monaco-editor/languages/definitions/typescript/register";
import { typescriptDefaults, type CompilerOptions } from "monaco-editor/languages/features/typescript/register";
import "monaco-editor/features/suggest/register";
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
import "monaco-editor/features/snippet/register";
import "monaco-editor/features/hover/register";
import "monaco-editor/features/parameterHints/register";
import "monaco-editor/features/gotoError/register";
import "monaco-editor/features/codeAction/register";
import "monaco-editor/features/rename/register";
import "monaco-editor/features/format/register";
import "monaco-editor/features/gotoSymbol/register";
import { EDITOR_COMPILER_OPTIONS } from "./compiler-options";

typescriptDefaults.setCompilerOptions(EDITOR_COMPILER_OPTIONS as unknown as CompilerOptions);

/** Adds the declaration files (URI → text) to the TypeScript service; adding the same text twice is a no-op. */
export function installTypeFiles(files: Record<string, string>): void {
  for (const [uri, content] of Object.entries(files)) typescriptDefaults.addExtraLib(content, uri);
}
