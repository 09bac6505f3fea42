/**
 * `@session-lab/adapters-browser`: a grammY session storage adapter on the browser's IndexedDB.
 *
 * ```ts
 * import { IndexedDBAdapter } from "@session-lab/adapters-browser";
 *
 * bot.use(session({ initial: () => ({ pizzas: [] }), storage: new IndexedDBAdapter() }));
 * ```
 *
 * `observeStorage` and the copy-depth helpers live in `@session-lab/adapters-browser/observe`; they are
 * exported here too, so code that imports everything from the package root keeps working.
 *
 * @module
 */
export { IndexedDBAdapter, type IndexedDBAdapterOptions } from "./indexeddb-adapter.js";
export {
  IndexedDBUnavailableError,
  InvalidKeyError,
  StorageAdapterError,
  StorageQuotaError,
  UnstorableValueError,
  type StorageOperation,
  type UnavailableReason,
} from "./errors.js";
export {
  deeperLevels,
  depthOf,
  MAX_COPY_DEPTH,
  observeStorage,
  readDeeperLevels,
  type StorageEvent,
  type StorageListener,
  type StorageOp,
} from "./observe.js";
