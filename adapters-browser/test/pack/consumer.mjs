// Runs inside the empty project the pack-install test creates, after the packed tarball was
// installed there: plain Node, no Vite, no source condition, so only the published dist/ is used.
import "fake-indexeddb/auto";
import { Bot, MemorySessionStorage, session } from "grammy";
import * as root from "@session-lab/adapters-browser";
import { IndexedDBAdapter, UnstorableValueError } from "@session-lab/adapters-browser";
import { observeStorage } from "@session-lab/adapters-browser/observe";
import { copyValue } from "@session-lab/adapters-browser/values";

const botInfo = {
  id: 42,
  is_bot: true,
  first_name: "Pack bot",
  username: "pack_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
};
const bot = new Bot("0:pack-install", { botInfo });
const ops = [];
const storage = observeStorage(new IndexedDBAdapter({ database: "pack-install" }), (event) => ops.push(event.op));
bot.use(session({ initial: () => ({ pizzas: [] }), storage }));
bot.hears(/^pizza (.+)/, (ctx) => {
  ctx.session.pizzas.push(ctx.match[1]);
});

const chat = { id: -100, type: "group", title: "Pack" };
const from = { id: 7, is_bot: false, first_name: "Ana" };
const texts = ["pizza margherita", "hello", "pizza funghi"];
for (const [i, text] of texts.entries()) {
  await bot.handleUpdate({ update_id: i + 1, message: { message_id: i + 1, date: 1, chat, from, text } });
}

// A second adapter on the same database reads what the bot wrote, as a reload of the page would.
const reopened = new IndexedDBAdapter({ database: "pack-install" });
const stored = await reopened.read(String(chat.id));
let refused = "";
try {
  await reopened.write("fn", { greet() {} });
} catch (error) {
  refused = error instanceof UnstorableValueError ? error.name : `other: ${String(error)}`;
}
await reopened.close();

// observeStorage is not about IndexedDB: it wraps grammY's own memory storage just as well.
const memoryOps = [];
const memory = observeStorage(new MemorySessionStorage(), (event) => memoryOps.push(event.op));
memory.write("k", { n: 1 });
memory.read("k");

console.log(
  JSON.stringify({
    stored,
    ops,
    memoryOps,
    refused,
    sameObserveAtRoot: root.observeStorage === observeStorage,
    copied: copyValue({ greet() {}, n: 1 }),
  }),
);
