/**
 * Programs this browser has compiled before, kept in localStorage: running one of them again (the example a
 * reader opens, the start link of the home page on a second visit) needs neither the compiler's 14 MB download
 * nor its slow first build. Entries are keyed by the compiler's build, so a new compiler never reuses what an
 * old one produced.
 */

/** What a successful compile produced. */
export interface CachedBundle {
  code: string;
  map: string;
}

/** A compile cache; every method is safe when storage is unavailable (private mode, quota, blocked). */
export interface CompileCache {
  get(source: string, filename: string): CachedBundle | undefined;
  set(source: string, filename: string, bundle: CachedBundle): void;
}

const PREFIX = "session-lab:compiled:";
/** The most programs kept: the examples a reader opens plus their recent edits, a few kB each. */
export const MAX_CACHED_PROGRAMS = 8;

interface Entry extends CachedBundle {
  source: string;
}

/** A short, stable hash of a string (cyrb53), to key entries; the full source is compared on read. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * A cache in `storage` for the compiler build `version` (anything that changes when the compiler does: its
 * worker's hashed URL). Entries of other versions are dropped on the first write.
 */
export function createCompileCache(storage: Storage | undefined, version: string): CompileCache {
  const scope = `${PREFIX}${hash(version)}:`;
  const indexKey = `${scope}index`;
  const keyOf = (source: string, filename: string) => `${scope}${hash(`${filename}\n${source}`)}`;

  function readIndex(): string[] {
    try {
      const value = JSON.parse(storage?.getItem(indexKey) ?? "[]");
      return Array.isArray(value) ? value.filter((k): k is string => typeof k === "string") : [];
    } catch {
      return [];
    }
  }

  return {
    get(source, filename) {
      try {
        const raw = storage?.getItem(keyOf(source, filename));
        if (!raw) return undefined;
        const entry = JSON.parse(raw) as Entry;
        // The hash picks the entry; only the very same source may use it.
        return entry.source === source ? { code: entry.code, map: entry.map } : undefined;
      } catch {
        return undefined;
      }
    },
    set(source, filename, bundle) {
      if (!storage) return;
      const key = keyOf(source, filename);
      try {
        // Older compilers' entries go first: they can never be read again.
        for (let i = storage.length - 1; i >= 0; i--) {
          const stale = storage.key(i);
          if (stale?.startsWith(PREFIX) && !stale.startsWith(scope)) storage.removeItem(stale);
        }
        const index = [...readIndex().filter((k) => k !== key), key];
        while (index.length > MAX_CACHED_PROGRAMS) storage.removeItem(index.shift()!);
        storage.setItem(key, JSON.stringify({ source, code: bundle.code, map: bundle.map } satisfies Entry));
        storage.setItem(indexKey, JSON.stringify(index));
      } catch {
        // Full or blocked storage: the program simply compiles again next time.
      }
    },
  };
}
