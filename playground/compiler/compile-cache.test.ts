import { beforeEach, describe, expect, it } from "vitest";
import { createCompileCache, MAX_CACHED_PROGRAMS } from "./compile-cache";

/** The part of the Web Storage API the cache uses, in memory. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const bundle = (n: number) => ({ code: `console.log(${n});`, map: `{"version":3,"n":${n}}` });

describe("the compile cache", () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
  });

  it("gives back what was compiled, for the very same source and file name only", () => {
    const cache = createCompileCache(storage, "/assets/compiler.worker-abc.js");
    cache.set("const a = 1;", "bot.ts", bundle(1));
    expect(cache.get("const a = 1;", "bot.ts")).toEqual(bundle(1));
    expect(cache.get("const a = 2;", "bot.ts")).toBeUndefined();
    expect(cache.get("const a = 1;", "bot.js")).toBeUndefined();
  });

  it("survives a new page (the same storage) and forgets everything when the compiler changes", () => {
    createCompileCache(storage, "v1").set("x", "bot.ts", bundle(1));
    expect(createCompileCache(storage, "v1").get("x", "bot.ts")).toEqual(bundle(1));
    const next = createCompileCache(storage, "v2");
    expect(next.get("x", "bot.ts")).toBeUndefined();
    next.set("y", "bot.ts", bundle(2));
    expect(createCompileCache(storage, "v1").get("x", "bot.ts")).toBeUndefined();
    expect(next.get("y", "bot.ts")).toEqual(bundle(2));
  });

  it(`keeps the ${MAX_CACHED_PROGRAMS} most recent programs`, () => {
    const cache = createCompileCache(storage, "v1");
    for (let n = 0; n <= MAX_CACHED_PROGRAMS; n++) cache.set(`program ${n}`, "bot.ts", bundle(n));
    expect(cache.get("program 0", "bot.ts")).toBeUndefined();
    expect(cache.get("program 1", "bot.ts")).toEqual(bundle(1));
    expect(cache.get(`program ${MAX_CACHED_PROGRAMS}`, "bot.ts")).toEqual(bundle(MAX_CACHED_PROGRAMS));
  });

  it("works without storage, and when storage refuses to write", () => {
    const none = createCompileCache(undefined, "v1");
    none.set("x", "bot.ts", bundle(1));
    expect(none.get("x", "bot.ts")).toBeUndefined();
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new DOMException("full", "QuotaExceededError");
    };
    const cache = createCompileCache(full, "v1");
    expect(() => cache.set("x", "bot.ts", bundle(1))).not.toThrow();
    expect(cache.get("x", "bot.ts")).toBeUndefined();
  });
});
