import { IDBFactory as FakeFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { isolatePage, mayUseDatabase } from "./page-isolation";

const OWN = "session-lab:/playground:pizza";

function opened(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe("page isolation", () => {
  it("lets a program use its own database, names under it and names of its own choosing, not other pages' ones", () => {
    expect(mayUseDatabase(OWN, OWN)).toBe(true);
    expect(mayUseDatabase(`${OWN}:extra`, OWN)).toBe(true);
    expect(mayUseDatabase("my-bot", OWN)).toBe(true);
    expect(mayUseDatabase("session-lab:/sessions/lazy:lazy", OWN)).toBe(false);
    expect(mayUseDatabase("session-lab:/playground:pizza-memory", OWN)).toBe(false);
    expect(mayUseDatabase("session-lab:compare:/sessions/keys:keys", OWN)).toBe(false);
  });

  it("gives the scope a factory that opens, deletes and lists only what the program may use, and no BroadcastChannel", async () => {
    const real = new FakeFactory();
    for (const name of [OWN, "session-lab:/sessions/lazy:lazy", "my-bot"]) (await opened(real, name)).close();
    const scope = { indexedDB: real as IDBFactory, BroadcastChannel: class {} };
    isolatePage(scope, OWN);

    const factory = scope.indexedDB;
    expect(factory).not.toBe(real);
    expect(factory).toBeInstanceOf(FakeFactory);
    const names = (await factory.databases()).map((d) => d.name).sort();
    expect(names).toEqual(["my-bot", OWN]);
    (await opened(factory, OWN)).close();
    expect(() => factory.open("session-lab:/sessions/lazy:lazy")).toThrow(/keeps each page's sessions apart.*"session-lab:\/sessions\/lazy:lazy"/);
    expect(() => factory.deleteDatabase("session-lab:/sessions/lazy:lazy")).toThrow(/SecurityError|apart/);
    // The real factory still has it, and the replacement cannot be undone.
    expect((await real.databases()).map((d) => d.name)).toContain("session-lab:/sessions/lazy:lazy");
    expect(() => Object.defineProperty(scope, "indexedDB", { value: real })).toThrow(TypeError);
    expect(() => new scope.BroadcastChannel()).toThrow(/other pages: BroadcastChannel is not available/);
  });
});
