/** The Monaco API as the editor uses it, and the hook that feeds it declaration files. */
export type MonacoModule = typeof import("./monaco-setup");

let monacoPromise: Promise<MonacoModule> | undefined;
let typesPromise: Promise<void> | undefined;

/**
 * Loads Monaco once per tab, however many editors the page holds. A failed load (a network hiccup
 * on a chunk) is forgotten so that the next editor can try again.
 */
export function loadMonaco(): Promise<MonacoModule> {
  monacoPromise ??= import("./monaco-setup").catch((error: unknown) => {
    monacoPromise = undefined;
    throw error;
  });
  return monacoPromise;
}

/**
 * Loads the offline declarations (grammy, @grammyjs/types, idb-keyval, the adapter package) and hands
 * them to Monaco's TypeScript service, once per tab. They are their own chunk, fetched in parallel
 * with Monaco.
 */
export function loadEditorTypes(): Promise<void> {
  typesPromise ??= Promise.all([loadMonaco(), import("virtual:playground-types")])
    .then(([setup, types]) => setup.installTypeFiles(types.default))
    .catch((error: unknown) => {
      typesPromise = undefined;
      throw error;
    });
  return typesPromise;
}
