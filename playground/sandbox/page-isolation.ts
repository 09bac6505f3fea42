/**
 * Keeps a program to its own page's data. Every sandbox shares the site's origin (its sessions live in
 * the site's IndexedDB), so without this a program could list, read or delete the databases of every
 * other playground and comparison view, or talk to other tabs of the site. Call before user code runs.
 *
 * The site's databases are all named "session-lab:…". A program may open its own (the one its
 * `IndexedDBAdapter` uses by default) and names under it ("<own>:…"); other "session-lab:" names are
 * refused, and `indexedDB.databases()` does not list them. Names outside "session-lab:" are the
 * program's to choose, and so are shared by every program that chooses them.
 */
import { replaceEverywhere } from "./network-lockdown";

/** The prefix of every database this site makes. */
export const SITE_DATABASE_PREFIX = "session-lab:";

/** Whether a program whose own database is `own` may open, or delete, database `name`. */
export function mayUseDatabase(name: string, own: string): boolean {
  return !name.startsWith(SITE_DATABASE_PREFIX) || name === own || name.startsWith(`${own}:`);
}

/** The message a program sees when it reaches for another page's database. */
export function otherPageMessage(name: string, own: string): string {
  return `The playground keeps each page's sessions apart: this program may not use the database ${JSON.stringify(name)}, which belongs to another page or example. Its own is ${JSON.stringify(own)}.`;
}

/**
 * Replaces `indexedDB` in `scope` with a factory that opens, deletes and lists only databases
 * {@link mayUseDatabase} allows, and takes `BroadcastChannel` away.
 */
export function isolatePage(scope: object, own: string): void {
  const real = (scope as { indexedDB?: IDBFactory }).indexedDB;
  if (real) {
    const openReal = real.open.bind(real);
    const deleteReal = real.deleteDatabase.bind(real);
    const listReal = typeof real.databases === "function" ? real.databases.bind(real) : undefined;
    const check = (name: unknown) => {
      const text = String(name);
      if (!mayUseDatabase(text, own)) throw new DOMException(otherPageMessage(text, own), "SecurityError");
    };
    const methods: PropertyDescriptorMap = {
      open: {
        value(name: string, version?: number) {
          check(name);
          return version === undefined ? openReal(name) : openReal(name, version);
        },
      },
      deleteDatabase: {
        value(name: string) {
          check(name);
          return deleteReal(name);
        },
      },
      cmp: { value: real.cmp.bind(real) },
    };
    if (listReal) {
      methods.databases = {
        async value() {
          return (await listReal()).filter((info) => info.name === undefined || mayUseDatabase(info.name, own));
        },
      };
    }
    // Shaped like the real factory (instanceof IDBFactory holds), but its prototype's methods refuse it.
    const scoped = Object.create(Object.getPrototypeOf(real) as object, methods) as IDBFactory;
    replaceEverywhere(scope, "indexedDB", { value: scoped, writable: false });
  }
  if ("BroadcastChannel" in scope) {
    const blocked = function BroadcastChannel() {
      throw new TypeError("The playground sandbox keeps programs apart from other pages: BroadcastChannel is not available");
    };
    replaceEverywhere(scope, "BroadcastChannel", { value: blocked, writable: false });
  }
}
