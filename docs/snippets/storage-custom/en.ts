import { Bot, Context, session, SessionFlavor, StorageAdapter } from "grammy";

// Sessions in Web Storage (`localStorage` or `sessionStorage`), which browsers and Deno provide.
// Web Storage holds strings only, so values travel as JSON. Other scripts may use
// the same area, so every key of ours starts with `prefix`.
class WebStorageAdapter<T> implements StorageAdapter<T> {
  constructor(
    private readonly area: Storage = localStorage,
    private readonly prefix = "session:",
  ) {}

  read(key: string): T | undefined {
    const json = this.area.getItem(this.prefix + key);
    // grammY wants `undefined` for "nothing stored"; `null` would count as a stored value.
    return json === null ? undefined : (JSON.parse(json) as T);
  }

  write(key: string, value: T): void {
    this.area.setItem(this.prefix + key, JSON.stringify(value));
  }

  delete(key: string): void {
    this.area.removeItem(this.prefix + key);
  }

  has(key: string): boolean {
    return this.area.getItem(this.prefix + key) !== null;
  }

  *readAllKeys(): Generator<string> {
    // Collect first: if a caller deletes while we walk, the indices would shift under us.
    const keys: string[] = [];
    for (let i = 0; i < this.area.length; i++) {
      const stored = this.area.key(i);
      if (stored?.startsWith(this.prefix)) keys.push(stored.slice(this.prefix.length));
    }
    yield* keys;
  }

  *readAllValues(): Generator<T> {
    for (const [, value] of this.readAllEntries()) yield value;
  }

  *readAllEntries(): Generator<[key: string, value: T]> {
    for (const key of this.readAllKeys()) {
      const value = this.read(key);
      if (value !== undefined) yield [key, value];
    }
  }
}

interface SessionData {
  pizzaCount: number;
}

type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

bot.use(
  session({
    initial: (): SessionData => ({ pizzaCount: 0 }),
    storage: new WebStorageAdapter<SessionData>(),
  }),
);
