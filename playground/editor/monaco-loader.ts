import { nextIdleStep } from "../composables/idle";

/** The Monaco API as the editor uses it. */
export type MonacoModule = typeof import("./monaco-setup");

let monacoPromise: Promise<MonacoModule> | undefined;
let typesPromise: Promise<void> | undefined;

/**
 * Loads Monaco once per tab, however many editors the page holds. A failed load (a network hiccup
 * on a chunk) is forgotten so that the next editor can try again.
 *
 * Evaluating all of Monaco at once blocked the main thread for over a second, so it comes in three chunks
 * imported one after another, the browser getting the main thread back between them: the core, the
 * editing features, then TypeScript. (Imported together, the later ones would evaluate the core with them,
 * in one task.) `onStep` is told each time a chunk has run.
 */
export function loadMonaco(onStep?: () => void): Promise<MonacoModule> {
  monacoPromise ??= (async () => {
    const core = await import("./monaco-setup");
    onStep?.();
    await nextIdleStep();
    await import("./monaco-setup-editing");
    onStep?.();
    await nextIdleStep();
    await import("./monaco-setup-language");
    onStep?.();
    return core;
  })().catch((error: unknown) => {
    monacoPromise = undefined;
    throw error;
  });
  return monacoPromise;
}

/** How many times `loadMonaco` calls its `onStep` (for progress). */
export const MONACO_STEPS = 3;

/**
 * Loads the offline declarations (grammy, @grammyjs/types, idb-keyval, the adapter package) and hands
 * them to Monaco's TypeScript service, once per tab: their own chunk, fetched alongside Monaco's and
 * installed after them, in a task of its own.
 */
export function loadEditorTypes(): Promise<void> {
  typesPromise ??= (async () => {
    // Fetched alongside Monaco; a module of strings with no imports, so it evaluates in a task of its own.
    const types = import("virtual:playground-types");
    types.catch(() => {}); // Reported below, where it is awaited; not as an unhandled rejection meanwhile.
    await loadMonaco();
    await nextIdleStep();
    const language = await import("./monaco-setup-language");
    language.installTypeFiles((await types).default);
  })().catch((error: unknown) => {
    typesPromise = undefined;
    throw error;
  });
  return typesPromise;
}
