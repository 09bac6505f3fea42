import { beforeEach, describe, expect, it } from "vitest";
import { loadSavedCode, saveCode } from "./saved-code";
import { forgetSharedEdits, loadSharedEdits, saveSharedEdits } from "./shared-copy";

/** A Map-backed localStorage: the unit tests run in Node, where there is none. */
class MemoryStorage {
  private items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  get length(): number {
    return this.items.size;
  }
}

describe("edits of shared code", () => {
  beforeEach(() => {
    (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  });

  it("are kept apart from the reader's own draft of the example", () => {
    saveCode("pizza", "en", "// my draft", "// original");
    saveSharedEdits("pizza", "en", "// from the link", "// from the link, edited");
    expect(loadSavedCode("pizza", "en")).toBe("// my draft");
    expect(loadSharedEdits("pizza", "en", "// from the link")).toBe("// from the link, edited");
  });

  it("come back only for the same link's code", () => {
    saveSharedEdits("pizza", "en", "// link A", "// link A, edited");
    expect(loadSharedEdits("pizza", "en", "// link B")).toBeUndefined();
    expect(loadSharedEdits("lazy", "en", "// link A")).toBeUndefined();
  });

  it("are forgotten when the code is back to the link's, or on reset", () => {
    saveSharedEdits("pizza", "en", "// link", "// link, edited");
    saveSharedEdits("pizza", "en", "// link", "// link");
    expect(loadSharedEdits("pizza", "en", "// link")).toBeUndefined();
    saveSharedEdits("pizza", "en", "// link", "// edited again");
    forgetSharedEdits("pizza", "en");
    expect(loadSharedEdits("pizza", "en", "// link")).toBeUndefined();
  });
});
