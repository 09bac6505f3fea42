/**
 * `@session-lab/adapters-browser/observe`: watch the calls any grammY storage adapter receives.
 *
 * Nothing here is about IndexedDB: {@link observeStorage} wraps `MemorySessionStorage`, the result of
 * `enhanceStorage`, a server adapter or this package's `IndexedDBAdapter` alike, which is why it has
 * its own entry point. Importing it does not load idb-keyval.
 *
 * ```ts
 * import { observeStorage } from "@session-lab/adapters-browser/observe";
 *
 * const storage = observeStorage(new MemorySessionStorage(), (e) => console.log(e.op, e.key));
 * ```
 *
 * @module
 */
export { observeStorage, type StorageEvent, type StorageListener, type StorageOp } from "./observe-storage.js";
export { deeperLevels, depthOf, MAX_COPY_DEPTH, readDeeperLevels } from "./depth.js";
