/**
 * The truth the playground's end-to-end tests compare against: a program run through real grammY in
 * Node, with a storage adapter that counts what grammY asks of it. Nothing here comes from the sandbox
 * runtime the browser uses (only the compiler, which both need to turn TypeScript into a bundle), so a
 * bug in the sandbox cannot hide itself by also being in the expected numbers.
 */
import * as esbuild from "esbuild";
import { IDBFactory } from "fake-indexeddb";
import * as grammy from "grammy";
import type { BotConfig, Context, StorageAdapter } from "grammy";
import type { Message, Update, UserFromGetMe } from "grammy/types";
import * as idbKeyval from "idb-keyval";
import * as adapters from "../../adapters-browser/src/index";
import { bundleProgram } from "../../playground/compiler/bundle";
import { MODULE_REGISTRY } from "../../playground/protocol";

/** What grammY asked of storage while handling the updates, and what the bot answered. */
export interface GrammyTraffic {
  read: number;
  write: number;
  delete: number;
  /** `"read 424242"`, `"write 424242"`… in call order. */
  calls: string[];
  /** Texts of sendMessage calls, in order. */
  replies: string[];
}

const BOT_INFO: UserFromGetMe = {
  id: 7_350_123_456,
  is_bot: true,
  first_name: "Oracle",
  username: "oracle_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

type SessionOptions = Record<string, unknown> & { type?: unknown; storage?: StorageAdapter<unknown> };

/**
 * Compiles `source` (a playground program), runs it on real grammY, hands it `updates` one after the
 * other as long polling would, and reports every storage call grammY made. IndexedDB is a fresh
 * in-memory one (fake-indexeddb) per call, like a new browser profile.
 */
export async function runWithGrammy(source: string, updates: Update[]): Promise<GrammyTraffic> {
  const compiled = await bundleProgram(esbuild, source, "bot.ts");
  if (!compiled.ok) throw new Error(`The program does not compile: ${compiled.diagnostics.map((d) => d.message).join("; ")}`);

  const calls: string[] = [];
  const replies: string[] = [];
  const bots: grammy.Bot[] = [];
  let nextMessageId = 10_000;

  const counted = <T>(storage: StorageAdapter<T>): StorageAdapter<T> => ({
    read: (key) => (calls.push(`read ${key}`), storage.read(key)),
    write: (key, value) => (calls.push(`write ${key}`), storage.write(key, value)),
    delete: (key) => (calls.push(`delete ${key}`), storage.delete(key)),
  });
  const countOptions = (options: SessionOptions | undefined): SessionOptions => {
    const given = options ?? {};
    const wrap = (o: SessionOptions): SessionOptions => ({ ...o, storage: counted<unknown>(o.storage ?? new grammy.MemorySessionStorage<unknown>()) });
    if (given.type !== "multi") return wrap(given);
    return Object.fromEntries(Object.entries(given).map(([k, v]) => [k, k === "type" ? v : wrap((v ?? {}) as SessionOptions)]));
  };

  class Bot<C extends Context = Context> extends grammy.Bot<C> {
    constructor(token: string, config?: BotConfig<C>) {
      super(token || "7350123456:oracle", { ...config, botInfo: config?.botInfo ?? BOT_INFO });
      this.api.config.use(async (_prev, method, payload) => {
        const body = (payload ?? {}) as Record<string, unknown>;
        if (method !== "sendMessage") return { ok: true, result: true } as never;
        replies.push(String(body.text));
        const chatId = Number(body.chat_id);
        const message = { message_id: ++nextMessageId, date: 0, chat: { id: chatId, type: "private", first_name: "?" }, text: String(body.text) } as Message;
        return { ok: true, result: message } as never;
      });
      bots.push(this as unknown as grammy.Bot);
    }
    // The program calls bot.start(); here the test feeds the updates itself, one at a time like polling does.
    override start(): Promise<void> {
      return Promise.resolve();
    }
  }

  const offline = {
    ...grammy,
    Bot,
    session: (options?: SessionOptions) => grammy.session(countOptions(options) as never),
    lazySession: (options?: SessionOptions) => grammy.lazySession(countOptions(options) as never),
  };
  const globals = globalThis as Record<string, unknown>;
  const previousIndexedDB = globals.indexedDB;
  globals.indexedDB = new IDBFactory();
  globals[MODULE_REGISTRY] = {
    grammy: offline,
    "grammy/web": offline,
    "grammy/types": {},
    "@session-lab/adapters-browser": adapters,
    "idb-keyval": idbKeyval,
  };
  try {
    new Function(compiled.code)();
    const bot = bots[0];
    if (!bot) throw new Error("The program created no Bot.");
    for (const update of updates) {
      try {
        await bot.handleUpdate(update);
      } catch (error) {
        // Long polling hands middleware errors to bot.catch's handler; do the same.
        if (error instanceof grammy.BotError) await (bot as unknown as { errorHandler: (e: unknown) => unknown }).errorHandler(error);
        else throw error;
      }
    }
  } finally {
    delete globals[MODULE_REGISTRY];
    globals.indexedDB = previousIndexedDB;
  }
  const count = (op: string) => calls.filter((c) => c.startsWith(`${op} `)).length;
  return { read: count("read"), write: count("write"), delete: count("delete"), calls, replies };
}
