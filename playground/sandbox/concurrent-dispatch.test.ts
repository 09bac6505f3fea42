/**
 * Concurrent dispatch in the sandbox runtime: updates handed to the bot all at once still have every storage
 * call reported as the call of the update that made it, with grammY's default storage shared by all updates
 * and each fragment of a multi session on its own storage. API calls made while several updates are in
 * flight carry no update rather than a wrong one.
 */
import "fake-indexeddb/auto";
import type { Chat, Update, User } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import type { StorageOpEvent } from "../protocol";
import { createTextMessageUpdate } from "../telegram/updates";
import { startProgram, type ProgramHarness } from "./testing/sandbox-harness";

const ana: User = { id: 424242, is_bot: false, first_name: "Ana" };
const ben: User = { id: 515151, is_bot: false, first_name: "Ben" };
const group: Chat = { id: -100777, type: "supergroup", title: "Pizza" };
const chatOf = (user: User): Chat => ({ id: user.id, type: "private", first_name: user.first_name });

const running: ProgramHarness[] = [];
afterEach(async () => {
  for (const harness of running.splice(0)) await harness.stop();
});

let databases = 0;
async function start(source: string): Promise<ProgramHarness> {
  const harness = await startProgram(source, { database: `concurrent-dispatch-test-${++databases}` });
  running.push(harness);
  await harness.waitFor("ready");
  return harness;
}

const message = (from: User, chat: Chat, text: string, updateId: number): Update =>
  createTextMessageUpdate({ from, chat, text, updateId, messageId: updateId });

async function allAtOnce(harness: ProgramHarness, updates: Update[]): Promise<void> {
  harness.runtime.dispatchConcurrently(updates);
  for (const update of updates) await harness.waitFor("update-handled", (e) => e.updateId === update.update_id);
}

const storageCalls = (harness: ProgramHarness): StorageOpEvent[] => harness.eventsOf("storage");

describe("concurrent dispatch", () => {
  it("shares grammY's default MemorySessionStorage between updates and names each call's update", async () => {
    const harness = await start(`
      import { Bot, session } from "grammy";
      const bot = new Bot("");
      bot.use(session({ initial: () => ({ n: 0 }) }));
      bot.on("message", async (ctx) => { ctx.session.n++; });
    `);
    await allAtOnce(harness, [message(ana, chatOf(ana), "a", 1), message(ben, chatOf(ben), "b", 2)]);
    // One storage, announced once, although the session middleware is made for every update.
    expect(harness.eventsOf("storage-used")).toHaveLength(1);
    const calls = storageCalls(harness);
    expect(calls.map((c) => [c.updateId, c.op, c.key])).toEqual(
      expect.arrayContaining([
        [1, "read", String(ana.id)],
        [2, "read", String(ben.id)],
        [1, "write", String(ana.id)],
        [2, "write", String(ben.id)],
      ]),
    );
    // MemorySessionStorage answers at once: each call ends right after it starts, and the log says so.
    for (const c of calls) expect(c.endSeq).toBe(c.startSeq! + 1);
    // A later update finds what an earlier one wrote: the same MemorySessionStorage serves every update.
    await allAtOnce(harness, [message(ana, chatOf(ana), "again", 3)]);
    const read = storageCalls(harness).find((c) => c.updateId === 3 && c.op === "read");
    expect(read).toMatchObject({ found: true, value: { n: 1 } });
  });

  it("keeps each fragment of a multi session on its own storage, every call under its update", async () => {
    const harness = await start(`
      import { Bot, MemorySessionStorage, session } from "grammy";
      const bot = new Bot("");
      bot.use(session({
        type: "multi",
        chat: { initial: () => ({ n: 0 }), storage: new MemorySessionStorage() },
        user: { initial: () => ({ n: 0 }), getSessionKey: (ctx) => ctx.from?.id.toString() },
      }));
      bot.on("message", (ctx) => { ctx.session.chat.n++; ctx.session.user.n++; });
    `);
    await allAtOnce(harness, [message(ana, group, "a", 11), message(ben, group, "b", 12)]);
    expect(harness.eventsOf("storage-used").map((e) => [e.storage.storageIndex, e.storage.fragment])).toEqual([
      [0, "chat"],
      [1, "user"],
    ]);
    const keys = (updateId: number) =>
      storageCalls(harness)
        .filter((c) => c.updateId === updateId)
        .map((c) => `${c.storageIndex} ${c.op} ${c.key}`)
        .sort();
    expect(keys(11)).toEqual([`0 read ${group.id}`, `0 write ${group.id}`, `1 read ${ana.id}`, `1 write ${ana.id}`]);
    expect(keys(12)).toEqual([`0 read ${group.id}`, `0 write ${group.id}`, `1 read ${ben.id}`, `1 write ${ben.id}`]);
  });

  it("gives API calls made while several updates are in flight no update, and names it again when one is left", async () => {
    const harness = await start(`
      import { Bot } from "grammy";
      const bot = new Bot("");
      bot.on("message", async (ctx) => { await ctx.reply("hi " + ctx.msg.text); });
    `);
    await allAtOnce(harness, [message(ana, chatOf(ana), "a", 21), message(ben, chatOf(ben), "b", 22)]);
    const replies = harness.eventsOf("api-call").filter((e) => e.method === "sendMessage");
    expect(replies).toHaveLength(2);
    for (const reply of replies) expect(reply.updateId).toBeUndefined();
    await allAtOnce(harness, [message(ana, chatOf(ana), "c", 23)]);
    expect(harness.eventsOf("api-call").find((e) => e.payload.text === "hi c")?.updateId).toBe(23);
  });

  it("provides @grammyjs/runner's sequentialize: updates of one key take turns", async () => {
    const harness = await start(`
      import { Bot, session } from "grammy";
      import { sequentialize } from "@grammyjs/runner";
      const bot = new Bot("");
      const getSessionKey = (ctx) => ctx.chatId?.toString();
      bot.use(sequentialize(getSessionKey));
      bot.use(session({ initial: () => ({ n: 0 }), getSessionKey }));
      bot.on("message", (ctx) => { ctx.session.n++; });
    `);
    await allAtOnce(harness, [message(ana, group, "a", 31), message(ben, group, "b", 32)]);
    const order = [...storageCalls(harness)].sort((a, b) => a.startSeq! - b.startSeq!).map((c) => `${c.updateId} ${c.op}`);
    expect(order).toEqual(["31 read", "31 write", "32 read", "32 write"]);
    expect(storageCalls(harness).find((c) => c.updateId === 32 && c.op === "write")?.value).toEqual({ n: 2 });
  });
});
