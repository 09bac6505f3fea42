import { Bot, Context, MemorySessionStorage, session, SessionFlavor } from "grammy";

interface SessionData {
  pizzaCount: number;
}
type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

// Keep a reference to the storage adapter: the handler below writes under a key
// other than the current update's. Any adapter works the same way.
const storage = new MemorySessionStorage<SessionData>();
bot.use(session({ initial: (): SessionData => ({ pizzaCount: 0 }), storage }));

// Telegram posts this service message in the OLD group,
// so `ctx.session` still holds the old group's data.
bot.on("message:migrate_to_chat_id", async (ctx) => {
  // Build the key the way `getSessionKey` would (add your `prefix` if you set one).
  const newKey = ctx.msg.migrate_to_chat_id.toString();
  await storage.write(newKey, ctx.session);
  // grammY deletes the old key once the handlers are done.
  ctx.session = null;
});
