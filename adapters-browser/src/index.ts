export { IndexedDBAdapter, type IndexedDBAdapterOptions } from "./indexeddb-adapter.js";
export { observeStorage, type StorageEvent, type StorageListener, type StorageOp } from "./observe-storage.js";
export {
  IndexedDBUnavailableError,
  InvalidKeyError,
  StorageAdapterError,
  StorageQuotaError,
  UnstorableValueError,
  type StorageOperation,
  type UnavailableReason,
} from "./errors.js";
export { deeperLevels, depthOf, MAX_COPY_DEPTH, readDeeperLevels } from "./depth.js";
