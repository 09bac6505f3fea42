import { Bot, Context, session, SessionFlavor, StorageAdapter } from "grammy";

// Sesiones en Web Storage (`localStorage` o `sessionStorage`), disponible en navegadores y en Deno.
// Web Storage solo guarda cadenas, así que los valores viajan como JSON. Otros scripts pueden
// usar la misma área: por eso todas nuestras claves empiezan por `prefix`.
class WebStorageAdapter<T> implements StorageAdapter<T> {
  constructor(
    private readonly area: Storage = localStorage,
    private readonly prefix = "session:",
  ) {}

  read(key: string): T | undefined {
    const json = this.area.getItem(this.prefix + key);
    // grammY espera `undefined` para «no hay nada»; `null` contaría como un valor guardado.
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
    // Primero se recogen: si alguien borra mientras recorremos, los índices se desplazarían.
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
