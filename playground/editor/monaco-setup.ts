/**
 * Monaco's editor core, set up: the first of the chunks that `loadMonaco()` evaluates one task at a time
 * (see monaco-loader.ts). Only ever imported dynamically, so neither VitePress's server render nor a page
 * without a playground evaluates it.
 *
 * Not the `monaco-editor` barrel: that registers ~80 languages, the CSS/HTML/JSON services and the
 * LSP client. The playground edits TypeScript only, so it takes the editor core here, and TypeScript's
 * tokenizer and language service and the editing features in the chunks that follow.
 */
import * as monaco from "monaco-editor/editor";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TypeScriptWorker from "monaco-editor/languages/features/typescript/ts.worker?worker";

// Vite turns the `?worker` imports into worker chunks of their own; Monaco asks for one by label.
globalThis.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    return label === "typescript" || label === "javascript"
      ? new TypeScriptWorker({ name: label })
      : new EditorWorker({ name: label });
  },
};

/** The Monaco API (editor core). An editor made before the other setup chunks have run lacks their features. */
export { monaco };
