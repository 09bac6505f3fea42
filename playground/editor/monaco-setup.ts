/**
 * Everything that touches Monaco at module load. Only ever imported through `loadMonaco()` (a dynamic
 * import), so neither VitePress's server render nor a page without a playground evaluates it.
 *
 * Not the `monaco-editor` barrel: that registers ~80 languages, the CSS/HTML/JSON services and the
 * LSP client. The playground edits TypeScript only, so it takes the editor core, TypeScript's
 * tokenizer and TypeScript's language service.
 */
import * as monaco from "monaco-editor/editor";
import "monaco-editor/languages/definitions/typescript/register";
import { typescriptDefaults, type CompilerOptions } from "monaco-editor/languages/features/typescript/register";
// The editing features a playground user expects. TypeScript's language service (through Monaco's
// internal/common/workers.js) pulls in every editor contribution by itself; monacoTrimPlugin()
// cuts that, and then this list is what the editor has.
import "monaco-editor/editor/browser/coreCommands";
import "monaco-editor/features/codicon/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/contextmenu/register";
import "monaco-editor/features/cursorUndo/register";
import "monaco-editor/features/linesOperations/register";
import "monaco-editor/features/wordOperations/register";
import "monaco-editor/features/multicursor/register";
import "monaco-editor/features/indentation/register";
import "monaco-editor/features/comment/register";
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/folding/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/wordHighlighter/register";
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
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TypeScriptWorker from "monaco-editor/languages/features/typescript/ts.worker?worker";
import { EDITOR_COMPILER_OPTIONS } from "./compiler-options";

// Vite turns the `?worker` imports into worker chunks of their own; Monaco asks for one by label.
globalThis.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    return label === "typescript" || label === "javascript"
      ? new TypeScriptWorker({ name: label })
      : new EditorWorker({ name: label });
  },
};

typescriptDefaults.setCompilerOptions(EDITOR_COMPILER_OPTIONS as unknown as CompilerOptions);

/** Adds the declaration files (URI → text) to the TypeScript service; adding the same text twice is a no-op. */
export function installTypeFiles(files: Record<string, string>): void {
  for (const [uri, content] of Object.entries(files)) typescriptDefaults.addExtraLib(content, uri);
}

/** The Monaco API (editor core) with the above set up: workers, TypeScript options, features. */
export { monaco };
