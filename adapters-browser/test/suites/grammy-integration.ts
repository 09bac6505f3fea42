import {
  Bot,
  Context,
  enhanceStorage,
  lazySession,
  session,
  type Enhance,
  type LazySessionFlavor,
  type SessionFlavor,
} from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { afterEach, describe, expect, it, vi } from "vitest";
import { IndexedDBAdapter } from "../../src/index.js";
import { observeStorage, type StorageEvent, type StorageOp } from "../../src/observe.js";
import { freshDatabase, makeAdapter, useAdapters } from "./fixtures.js";

interface PizzaSession {
  pizzas: string[];
}

const botInfo: UserFromGetMe = {
  id: 42,
  is_bot: true,
  first_name: "Pizza bot",
  username: "pizza_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: true,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

let updateId = 0;

/** A text message in the group chat -100 (a command gets its bot_command entity, as Telegram sends it). */
function groupMessage(text: string, from = 1): Update {
  const id = ++updateId;
  const command = /^\/\w+/.exec(text);
  return {
    update_id: id,
    message: {
      message_id: id,
      date: 1_700_000_000,
      chat: { id: -100, type: "group", title: "Pizza club" },
      from: { id: from, is_bot: false, first_name: `User ${from}` },
      text,
      ...(command && { entities: [{ type: "bot_command" as const, offset: 0, length: command[0].length }] }),
    },
  };
}

/** The 10-update group chat of the design notes: 2 messages add a pizza, 2 commands read the count. */
const groupChat = [
  "hello everyone",
  "pizza margherita",
  "who is coming?",
  "me",
  "/count",
  "pizza funghi",
  "nice",
  "see you at 8",
  "/count",
  "bye",
];

/** A bot that needs no network: botInfo is given, and sendMessage is answered locally. */
function offlineBot<C extends Context>() {
  const bot = new Bot<C>("42:offline-test-token", { botInfo });
  const replies: string[] = [];
  bot.api.config.use((_prev, method, payload) => {
    if (method !== "sendMessage") throw new Error(`unexpected Bot API call ${method}`);
    const { chat_id, text } = payload as { chat_id: number; text: string };
    replies.push(text);
    const result = { message_id: 1000 + replies.length, date: 1_700_000_000, chat: { id: chat_id, type: "group", title: "Pizza club" }, text };
    return Promise.resolve({ ok: true as const, result: result as never });
  });
  return { bot, replies };
}

function counter() {
  const events: StorageEvent[] = [];
  const count = (op: StorageOp) => events.filter((e) => e.op === op).length;
  return {
    events,
    listener: (e: StorageEvent) => void events.push(e),
    counts: () => ({ reads: count("read"), writes: count("write"), deletes: count("delete") }),
  };
}

async function run(bot: { handleUpdate(update: Update): Promise<void> }, texts: string[]) {
  for (const text of texts) await bot.handleUpdate(groupMessage(text));
}

/** Real grammY middleware over IndexedDBAdapter, counting storage calls through observeStorage. */
export function grammyIntegration(environment: string): void {
  describe(`grammY sessions on IndexedDBAdapter (${environment})`, () => {
    useAdapters();
    afterEach(() => vi.useRealTimers());

    it("strict session(): 10 reads and 5 writes for the 10-update group chat", async () => {
      type C = Context & SessionFlavor<PizzaSession>;
      const adapter = makeAdapter<PizzaSession>();
      const { events, listener, counts } = counter();
      const { bot, replies } = offlineBot<C>();
      bot.use(session({ initial: (): PizzaSession => ({ pizzas: [] }), storage: observeStorage(adapter, listener) }));
      bot.command("count", (ctx) => ctx.reply(`${ctx.session.pizzas.length} pizzas`));
      bot.hears(/^pizza (.+)/, (ctx) => void ctx.session.pizzas.push(ctx.match[1]));
      await run(bot, groupChat);
      // Every update reads; the first contact writes initial() back though untouched, plus 4 touched updates.
      expect(counts()).toEqual({ reads: 10, writes: 5, deletes: 0 });
      expect(events.filter((e) => e.op === "read").map((e) => e.found)).toEqual([false, ...Array(9).fill(true)]);
      expect(events.every((e) => e.key === "-100")).toBe(true);
      expect(replies).toEqual(["1 pizzas", "2 pizzas"]);
      expect(await adapter.read("-100")).toEqual({ pizzas: ["margherita", "funghi"] });
    });

    it("lazySession(): 4 reads and 4 writes for the same chat", async () => {
      type C = Context & LazySessionFlavor<PizzaSession>;
      const adapter = makeAdapter<PizzaSession>();
      const { listener, counts } = counter();
      const { bot, replies } = offlineBot<C>();
      bot.use(lazySession({ initial: (): PizzaSession => ({ pizzas: [] }), storage: observeStorage(adapter, listener) }));
      bot.command("count", async (ctx) => ctx.reply(`${(await ctx.session).pizzas.length} pizzas`));
      bot.hears(/^pizza (.+)/, async (ctx) => void (await ctx.session).pizzas.push(ctx.match[1]));
      await run(bot, groupChat);
      expect(counts()).toEqual({ reads: 4, writes: 4, deletes: 0 });
      expect(replies).toEqual(["1 pizzas", "2 pizzas"]);
      expect(await adapter.read("-100")).toEqual({ pizzas: ["margherita", "funghi"] });
    });

    it("deletes the session set to null, and writes nothing when a handler throws", async () => {
      type C = Context & SessionFlavor<PizzaSession | null>;
      const adapter = makeAdapter<PizzaSession>();
      const { listener, counts } = counter();
      const { bot } = offlineBot<C>();
      bot.use(session({ initial: () => ({ pizzas: [] }), storage: observeStorage(adapter as IndexedDBAdapter<PizzaSession | null>, listener) }));
      bot.hears(/^pizza (.+)/, (ctx) => void ctx.session!.pizzas.push(ctx.match[1]));
      bot.command("reset", (ctx) => void (ctx.session = null));
      bot.command("crash", (ctx) => {
        ctx.session!.pizzas.push("lost");
        throw new Error("handler failed");
      });
      await run(bot, ["pizza diavola"]);
      await expect(bot.handleUpdate(groupMessage("/crash"))).rejects.toThrow("handler failed");
      expect(await adapter.read("-100")).toEqual({ pizzas: ["diavola"] }); // "lost" was never written
      await run(bot, ["/reset"]);
      expect(await adapter.has("-100")).toBe(false);
      expect(counts()).toEqual({ reads: 3, writes: 1, deletes: 1 });
    });

    it("makes no storage call for updates without a chat, where ctx.session throws", async () => {
      type C = Context & SessionFlavor<PizzaSession>;
      const adapter = makeAdapter<PizzaSession>();
      const { listener, counts } = counter();
      const { bot } = offlineBot<C>();
      bot.use(session({ initial: () => ({ pizzas: [] }), storage: observeStorage(adapter, listener) }));
      let thrown: unknown;
      bot.on("inline_query", (ctx) => {
        try {
          void ctx.session;
        } catch (error) {
          thrown = error;
        }
      });
      await bot.handleUpdate({
        update_id: ++updateId,
        inline_query: { id: "q", from: { id: 1, is_bot: false, first_name: "U" }, query: "pizza", offset: "" },
      });
      expect(counts()).toEqual({ reads: 0, writes: 0, deletes: 0 });
      expect(String(thrown)).toMatch(/session key is undefined/);
    });

    it("multi sessions: two adapters in one database, each read on every update", async () => {
      interface UserSession {
        orders: number;
      }
      type C = Context & SessionFlavor<{ chat: PizzaSession; user: UserSession }>;
      const database = freshDatabase("multi");
      const chatAdapter = makeAdapter<PizzaSession>({ database, store: "chats" });
      const userAdapter = makeAdapter<UserSession>({ database, store: "users" });
      const chat = counter();
      const user = counter();
      const { bot, replies } = offlineBot<C>();
      bot.use(
        session({
          type: "multi",
          chat: { storage: observeStorage(chatAdapter, chat.listener), initial: () => ({ pizzas: [] }) },
          user: {
            storage: observeStorage(userAdapter, user.listener),
            initial: () => ({ orders: 0 }),
            getSessionKey: (ctx) => ctx.from?.id.toString(),
          },
        }),
      );
      bot.hears(/^pizza (.+)/, (ctx) => {
        ctx.session.chat.pizzas.push(ctx.match[1]);
        ctx.session.user.orders++;
      });
      bot.command("count", (ctx) => ctx.reply(`${ctx.session.chat.pizzas.length} pizzas`));
      for (const [text, from] of [["hi", 1], ["pizza funghi", 2], ["pizza margherita", 1], ["/count", 2]] as const) {
        await bot.handleUpdate(groupMessage(text, from));
      }
      // chat: first contact + 3 touched; user: first contact of user 1, of user 2 (touched), user 1 touched.
      expect(chat.counts()).toEqual({ reads: 4, writes: 4, deletes: 0 });
      expect(user.counts()).toEqual({ reads: 4, writes: 3, deletes: 0 });
      expect(user.events.filter((e) => e.op === "read").map((e) => e.key)).toEqual(["1", "2", "1", "2"]);
      expect(replies).toEqual(["2 pizzas"]);
      expect(await chatAdapter.read("-100")).toEqual({ pizzas: ["funghi", "margherita"] });
      expect(await userAdapter.read("1")).toEqual({ orders: 1 });
      expect(await userAdapter.read("2")).toEqual({ orders: 1 });
      expect(await userAdapter.read("-100")).toBeUndefined(); // stores do not mix
    });

    it("enhanceStorage with millisecondsToLive: refreshes on write, expires on read (fake clock)", async () => {
      vi.useFakeTimers({ toFake: ["Date"] }); // only the clock: IndexedDB keeps its real scheduling
      const t0 = new Date("2024-01-01T00:00:00Z").getTime();
      vi.setSystemTime(t0);
      type C = Context & SessionFlavor<PizzaSession>;
      const adapter = makeAdapter<Enhance<PizzaSession>>();
      const inner = counter();
      const outer = counter();
      const { bot, replies } = offlineBot<C>();
      const enhanced = enhanceStorage<PizzaSession>({ storage: observeStorage(adapter, inner.listener), millisecondsToLive: 60_000 });
      bot.use(session({ initial: () => ({ pizzas: [] }), storage: observeStorage(enhanced, outer.listener) }));
      bot.command("count", (ctx) => ctx.reply(`${ctx.session.pizzas.length} pizzas`));
      bot.hears(/^pizza (.+)/, (ctx) => void ctx.session.pizzas.push(ctx.match[1]));

      await run(bot, ["pizza a"]);
      expect(await adapter.read("-100")).toEqual({ __d: { pizzas: ["a"] }, e: t0 + 60_000 });
      vi.setSystemTime(t0 + 30_000);
      await run(bot, ["pizza b"]); // within the TTL: read, and the write refreshes the expiry
      expect(await adapter.read("-100")).toEqual({ __d: { pizzas: ["a", "b"] }, e: t0 + 90_000 });
      vi.setSystemTime(t0 + 91_000);
      await run(bot, ["/count"]); // expired: deleted on read, started afresh
      expect(replies).toEqual(["0 pizzas"]);
      expect(await adapter.read("-100")).toEqual({ __d: { pizzas: [] }, e: t0 + 151_000 });
      expect(inner.counts()).toEqual({ reads: 3, writes: 3, deletes: 1 });
      expect(outer.counts()).toEqual({ reads: 3, writes: 3, deletes: 0 });
      expect(outer.events.filter((e) => e.op === "read").map((e) => e.found)).toEqual([false, true, false]);
    });

    it("enhanceStorage migrations upgrade old sessions once, and Dates they add survive IndexedDB", async () => {
      interface V2 {
        pizzas: string[];
        since: Date;
      }
      type C = Context & SessionFlavor<V2>;
      const adapter = makeAdapter<unknown>();
      await adapter.write("-100", { pizzaCount: 2 }); // written by an old version of the bot, before enhanceStorage
      const toV1 = vi.fn((old: { pizzaCount: number }) => ({ pizzas: Array<string>(old.pizzaCount).fill("unknown") }));
      const toV2 = vi.fn((v1: { pizzas: string[] }) => ({ ...v1, since: new Date("2024-01-01T00:00:00Z") }));
      const { listener, counts } = counter();
      const { bot, replies } = offlineBot<C>();
      const storage = enhanceStorage<V2>({
        storage: observeStorage(adapter as IndexedDBAdapter<Enhance<V2>>, listener),
        migrations: { 1: toV1, 2: toV2 },
      });
      bot.use(session({ initial: () => ({ pizzas: [], since: new Date() }), storage }));
      bot.command("count", (ctx) => ctx.reply(`${ctx.session.pizzas.length} pizzas since ${ctx.session.since.getUTCFullYear()}`));
      await run(bot, ["/count", "/count"]);
      expect(replies).toEqual(["2 pizzas since 2024", "2 pizzas since 2024"]);
      expect([toV1.mock.calls.length, toV2.mock.calls.length]).toEqual([1, 1]);
      const stored = (await adapter.read("-100")) as Enhance<V2>;
      expect(stored).toEqual({ v: 2, __d: { pizzas: ["unknown", "unknown"], since: new Date("2024-01-01T00:00:00Z") } });
      expect(stored.__d!.since).toBeInstanceOf(Date);
      expect(counts()).toEqual({ reads: 2, writes: 2, deletes: 0 });
    });
  });
}
