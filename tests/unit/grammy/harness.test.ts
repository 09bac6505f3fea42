import { Context } from "grammy";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import {
  ALICE,
  BOT_INFO,
  CHANNEL,
  CHANNEL_BOT,
  createOfflineBot,
  GROUP_ANONYMOUS_BOT,
  PIZZA_GROUP,
  privateChatOf,
  recordingStorage,
  SUPERGROUP,
  UpdateFactory,
  webhookServer,
} from "./harness/index.ts";

/** What grammY's own context derives from an update: the inputs of every session key function. */
function derive(update: Update) {
  const ctx = new Context(update, createOfflineBot().bot.api, BOT_INFO);
  return { chatId: ctx.chatId, fromId: ctx.from?.id };
}

describe("test harness", () => {
  it("update factories give grammY the chat and sender Telegram would", () => {
    const u = new UpdateFactory();
    expect(derive(u.message(ALICE, "hi"))).toEqual({ chatId: ALICE.id, fromId: ALICE.id });
    expect(derive(u.message(ALICE, "hi", PIZZA_GROUP))).toEqual({ chatId: PIZZA_GROUP.id, fromId: ALICE.id });
    expect(derive(u.callbackQuery(ALICE, "x", PIZZA_GROUP))).toEqual({ chatId: PIZZA_GROUP.id, fromId: ALICE.id });
    expect(derive(u.channelPost(CHANNEL, "news"))).toEqual({ chatId: CHANNEL.id, fromId: undefined });
    expect(derive(u.inlineQuery(ALICE, "q"))).toEqual({ chatId: undefined, fromId: ALICE.id });
    expect(derive(u.inlineCallbackQuery(ALICE, "x"))).toEqual({ chatId: undefined, fromId: ALICE.id });
    expect(derive(u.pollAnswer(ALICE, [0]))).toEqual({ chatId: undefined, fromId: undefined });
    expect(derive(u.poll("Pineapple?", ["yes", "no"]))).toEqual({ chatId: undefined, fromId: undefined });
    expect(derive(u.chosenInlineResult(ALICE, "q"))).toEqual({ chatId: undefined, fromId: ALICE.id });
    expect(derive(u.shippingQuery(ALICE))).toEqual({ chatId: undefined, fromId: ALICE.id });
    expect(derive(u.preCheckoutQuery(ALICE))).toEqual({ chatId: undefined, fromId: ALICE.id });
    expect(derive(u.editedMessage(ALICE, "hi!", PIZZA_GROUP))).toEqual({ chatId: PIZZA_GROUP.id, fromId: ALICE.id });
    expect(derive(u.botAdded(ALICE, PIZZA_GROUP))).toEqual({ chatId: PIZZA_GROUP.id, fromId: ALICE.id });
    expect(derive(u.migrateToChat(ALICE, PIZZA_GROUP, -1002222333444))).toEqual({ chatId: PIZZA_GROUP.id, fromId: ALICE.id });
    expect(derive(u.anonymousAdminMessage(SUPERGROUP, "hi"))).toEqual({ chatId: SUPERGROUP.id, fromId: GROUP_ANONYMOUS_BOT.id });
    expect(derive(u.messageAsChannel(CHANNEL, SUPERGROUP, "hi"))).toEqual({ chatId: SUPERGROUP.id, fromId: CHANNEL_BOT.id });
    expect(derive(u.gameQuery(ALICE, "pizza_run", PIZZA_GROUP))).toEqual({ chatId: PIZZA_GROUP.id, fromId: ALICE.id });
    expect(derive(u.reaction(ALICE, SUPERGROUP, 7, "👍"))).toEqual({ chatId: SUPERGROUP.id, fromId: ALICE.id });
  });

  it("commands carry a bot_command entity, so bot.command matches them, with and without @botname", async () => {
    const { bot } = createOfflineBot();
    const matched: string[] = [];
    bot.command("hunger", (ctx) => void matched.push(ctx.msg.text));
    const u = new UpdateFactory();
    await bot.handleUpdate(u.command(ALICE, "hunger"));
    await bot.handleUpdate(u.command(ALICE, "hunger", PIZZA_GROUP, { mention: true }));
    await bot.handleUpdate(u.message(ALICE, "/hunger but no entity"));
    expect(matched).toEqual(["/hunger", "/hunger@session_lab_bot"]);
  });

  it("ctx.reply is answered offline with a Message that has a fresh message_id in the right chat", async () => {
    const { bot, apiCalls } = createOfflineBot();
    const replies: { id: number; chat: number; text?: string }[] = [];
    bot.on("message", async (ctx) => {
      const sent = await ctx.reply("pong");
      replies.push({ id: sent.message_id, chat: sent.chat.id, text: sent.text });
    });
    const u = new UpdateFactory();
    await bot.handleUpdate(u.message(ALICE, "ping"));
    await bot.handleUpdate(u.message(ALICE, "ping"));
    expect(replies).toEqual([
      { id: 1001, chat: privateChatOf(ALICE).id, text: "pong" },
      { id: 1002, chat: ALICE.id, text: "pong" },
    ]);
    expect(apiCalls.map((c) => c.method)).toEqual(["sendMessage", "sendMessage"]);
  });

  it("methods the offline bot does not answer fail like unknown Bot API methods instead of reaching the network", async () => {
    const { bot } = createOfflineBot();
    await expect(bot.api.getChat(PIZZA_GROUP.id)).rejects.toMatchObject({ error_code: 404 });
  });

  it("poll() feeds updates through bot.start() and returns once all were handled", async () => {
    const { bot, poll, apiCalls } = createOfflineBot();
    const seen: number[] = [];
    bot.on("message", (ctx) => void seen.push(ctx.update.update_id));
    const u = new UpdateFactory();
    const updates = [u.message(ALICE, "a"), u.message(ALICE, "b")];
    await poll(updates);
    expect(seen).toEqual(updates.map((x) => x.update_id));
    expect(bot.isRunning()).toBe(false);
    expect(apiCalls.at(-1)).toMatchObject({ method: "getUpdates", payload: { offset: updates[1].update_id + 1, limit: 1 } });
  });

  it("the recording storage logs calls when they are made and reads' values when they settle", async () => {
    const inner = new Map<string, number>([["k", 1]]);
    const storage = recordingStorage<number>({ read: (k) => inner.get(k), write: (k, v) => void inner.set(k, v), delete: (k) => void inner.delete(k) }, { delayMs: 2 });
    const pending = storage.read("k");
    const written = storage.write("k", 2);
    expect(storage.calls).toEqual([{ op: "read", key: "k" }, { op: "write", key: "k", value: 2 }]);
    expect(await pending).toBe(1);
    await written;
    expect(inner.get("k")).toBe(2);
    expect(storage.calls[0]).toEqual({ op: "read", key: "k", value: 1 });
  });

  it("runConcurrently() feeds updates through @grammyjs/runner's run(), which starts the next update before the previous one finished", async () => {
    const { bot, runConcurrently } = createOfflineBot();
    const events: string[] = [];
    bot.on("message", async (ctx) => {
      events.push(`start ${ctx.msg.text}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push(`end ${ctx.msg.text}`);
    });
    const u = new UpdateFactory();

    await runConcurrently([u.message(ALICE, "a"), u.message(ALICE, "b")]);

    expect(events).toEqual(["start a", "start b", "end a", "end b"]);
    expect(bot.isRunning()).toBe(false);
  });

  it("the webhook server answers 200 for a handled update and passes the update through webhookCallback", async () => {
    const { bot } = createOfflineBot();
    const seen: number[] = [];
    bot.on("message", (ctx) => void seen.push(ctx.update.update_id));
    const update = new UpdateFactory().message(ALICE, "hi");

    expect(await webhookServer(bot).post(update)).toBe(200);
    expect(seen).toEqual([update.update_id]);
  });
});
