import type { UseStore } from "idb-keyval";

/** What one page holds: the keys, and the values too unless only keys were asked for. */
export interface Page<T> {
  keys: string[];
  values: T[];
}

/**
 * Streams a whole object store in pages of at most `pageSize` records, in key order, so that
 * 100,000 sessions never sit in memory at once.
 *
 * idb-keyval only reads everything at once, so this works on the raw IDBObjectStore its store
 * function hands out. Every page is read in its own short transaction: IndexedDB commits a
 * transaction as soon as control returns to the event loop with no request pending, so one
 * transaction cannot stay open while the consumer awaits something else. The next page starts
 * after the last key seen, so a record written or deleted between pages is seen or skipped as a
 * fresh read at that point would, and none is read twice.
 *
 * A page is read with `getAllKeys`/`getAll` bounded by `pageSize` (two requests in one read-only
 * transaction see the same records, so keys and values line up). That is about 1.7× faster in
 * Chromium than stepping a cursor record by record, which is the fallback where `getAll` is missing.
 */
export async function* readPages<T>(
  getStore: () => UseStore | Promise<UseStore>,
  withValues: boolean,
  pageSize: number,
): AsyncGenerator<Page<T>, void, undefined> {
  let after: string | undefined;
  for (;;) {
    const useStore = await getStore();
    const page = await useStore("readonly", (store) => {
      const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true);
      return typeof store.getAll === "function" && typeof store.getAllKeys === "function"
        ? readBulk<T>(store, range, withValues, pageSize)
        : readWithCursor<T>(store, range, withValues, pageSize);
    });
    if (page.keys.length > 0) yield page;
    if (page.keys.length < pageSize) return;
    after = page.keys[page.keys.length - 1];
  }
}

function readBulk<T>(store: IDBObjectStore, range: IDBKeyRange | null, withValues: boolean, pageSize: number) {
  return new Promise<Page<T>>((resolve, reject) => {
    let keys: string[] | undefined;
    let values: T[] | undefined;
    const done = () => {
      if (keys && (values || !withValues)) resolve({ keys, values: values ?? [] });
    };
    const keyRequest = store.getAllKeys(range, pageSize);
    keyRequest.onsuccess = () => {
      keys = keyRequest.result as string[];
      done();
    };
    keyRequest.onerror = () => reject(keyRequest.error);
    if (!withValues) return;
    const valueRequest = store.getAll(range, pageSize);
    valueRequest.onsuccess = () => {
      values = valueRequest.result as T[];
      done();
    };
    valueRequest.onerror = () => reject(valueRequest.error);
  });
}

function readWithCursor<T>(store: IDBObjectStore, range: IDBKeyRange | null, withValues: boolean, pageSize: number) {
  return new Promise<Page<T>>((resolve, reject) => {
    const keys: string[] = [];
    const values: T[] = [];
    const request = withValues ? store.openCursor(range) : store.openKeyCursor(range);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve({ keys, values });
      keys.push(cursor.key as string);
      if (withValues) values.push((cursor as IDBCursorWithValue).value as T);
      if (keys.length === pageSize) resolve({ keys, values });
      else cursor.continue();
    };
    request.onerror = () => reject(request.error);
  });
}
