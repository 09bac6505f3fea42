import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  IndexedDBUnavailableError,
  InvalidKeyError,
  StorageAdapterError,
  StorageQuotaError,
  UnstorableValueError,
} from "../src/errors.js";

// A minifier renames classes ("X", "oe"); a subclass with another name stands in for that here.
describe("error names survive renamed classes", () => {
  it("names each error class literally", () => {
    class A extends StorageAdapterError {}
    class B extends UnstorableValueError {}
    class C extends StorageQuotaError {}
    class D extends IndexedDBUnavailableError {}
    class E extends InvalidKeyError {}
    expect(new A("m", { operation: "read" }).name).toBe("StorageAdapterError");
    expect(new B("m", { operation: "write" }).name).toBe("UnstorableValueError");
    expect(new C("m", { operation: "write" }).name).toBe("StorageQuotaError");
    expect(new D("m", { reason: "blocked" }).name).toBe("IndexedDBUnavailableError");
    expect(new E(1, "read").name).toBe("InvalidKeyError");
    expect(String(new D("timed out", { reason: "blocked" }))).toBe("IndexedDBUnavailableError: timed out");
  });

  it("takes no name from the class at run time", () => {
    const source = readFileSync(new URL("../src/errors.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/new\.target\.name|constructor\.name/);
  });
});
