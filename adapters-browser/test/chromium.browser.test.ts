// The shared suites once more, in headless Chromium on its real IndexedDB (vitest.browser.config.ts).
import { describe, expect, it } from "vitest";
import { adapterContract } from "./suites/adapter-contract.js";
import { faultCases } from "./suites/fault-cases.js";
import { grammyIntegration } from "./suites/grammy-integration.js";
import { modelProperties } from "./suites/model-properties.js";
import { observerCases } from "./suites/observer-cases.js";
import { valueSemantics } from "./suites/value-semantics.js";

describe("environment", () => {
  it("is Chromium with its own IndexedDB, not a polyfill", () => {
    expect(navigator.userAgent).toMatch(/Chrome\//);
    expect(indexedDB).toBeInstanceOf(IDBFactory);
    expect(IDBFactory.prototype.open.toString()).toContain("[native code]");
    expect(IDBObjectStore.prototype.put.toString()).toContain("[native code]");
  });
});

adapterContract("Chromium");
faultCases("Chromium");
valueSemantics("Chromium");
modelProperties("Chromium", 60);
observerCases("Chromium");
grammyIntegration("Chromium");
