/**
 * Which storage calls have started and not returned, per update. The storage observer reports a call
 * only when it returns, so a call that never returns (an adapter whose promise never settles) would
 * leave no trace; this wrapper notes each call as it starts, so a waiting update can say what it awaits.
 */
import type { StorageAdapter } from "grammy";
import type { WaitingStorageCall } from "../protocol";

/** The calls in flight, by the update that made them. */
export class PendingStorageCalls {
  private readonly byUpdate = new Map<number, WaitingStorageCall[]>();

  /** The oldest call update `updateId` made that has not returned, if any. */
  oldest(updateId: number): WaitingStorageCall | undefined {
    return this.byUpdate.get(updateId)?.[0];
  }

  /**
   * `storage` (storage number `storageIndex`, as update `updateId` sees it), with each read, write, delete
   * and `has` noted while it runs. It behaves exactly like `storage`.
   */
  wrap<T>(storage: StorageAdapter<T>, storageIndex: number, updateId: number | undefined): StorageAdapter<T> {
    const track = <R>(op: WaitingStorageCall["op"], key: string, call: () => Promise<R> | R): Promise<R> | R => {
      if (updateId === undefined) return call();
      const entry: WaitingStorageCall = { op, key, storageIndex };
      this.add(updateId, entry);
      let result: Promise<R> | R;
      try {
        result = call();
      } catch (error) {
        this.remove(updateId, entry);
        throw error;
      }
      if (!(result instanceof Promise)) {
        this.remove(updateId, entry);
        return result;
      }
      return result.finally(() => this.remove(updateId, entry));
    };
    const wrapped: StorageAdapter<T> = {
      read: (key) => track("read", key, () => storage.read(key)),
      write: (key, value) => track("write", key, () => storage.write(key, value)),
      delete: (key) => track("delete", key, () => storage.delete(key)),
    };
    const has = storage.has?.bind(storage);
    if (has) wrapped.has = (key) => track("has", key, () => has(key));
    if (storage.readAllKeys) wrapped.readAllKeys = storage.readAllKeys.bind(storage);
    if (storage.readAllValues) wrapped.readAllValues = storage.readAllValues.bind(storage);
    if (storage.readAllEntries) wrapped.readAllEntries = storage.readAllEntries.bind(storage);
    return wrapped;
  }

  private add(updateId: number, entry: WaitingStorageCall): void {
    const list = this.byUpdate.get(updateId);
    if (list) list.push(entry);
    else this.byUpdate.set(updateId, [entry]);
  }

  private remove(updateId: number, entry: WaitingStorageCall): void {
    const list = this.byUpdate.get(updateId);
    if (!list) return;
    const at = list.indexOf(entry);
    if (at !== -1) list.splice(at, 1);
    if (list.length === 0) this.byUpdate.delete(updateId);
  }
}
