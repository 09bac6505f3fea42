import { Bot, Context, session, SessionFlavor } from "grammy";

interface SessionData {
  updatesSeen: number;
}
type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");
bot.use(session({ initial: (): SessionData => ({ updatesSeen: 0 }) }));

// This middleware runs for every update, also for those without a session key.
bot.use(async (ctx, next) => {
  // With the default key, "has a chat id" means exactly "has a session".
  if (ctx.chatId !== undefined) ctx.session.updatesSeen++;
  await next();
});

// Inline queries belong to no chat: this handler must not touch `ctx.session`.
bot.on("inline_query", async (ctx) => {
  await ctx.answerInlineQuery([]);
});
