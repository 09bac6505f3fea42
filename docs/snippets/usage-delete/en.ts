import { Bot, Context, session, SessionFlavor } from "grammy";

interface SessionData {
  pizzaCount: number;
}
type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");
bot.use(session({ initial: (): SessionData => ({ pizzaCount: 0 }) }));

// Annotated as `MyContext`: the narrowed type `bot.command` would infer
// only accepts `SessionData` on assignment, not `null`.
bot.command("reset", async (ctx: MyContext) => {
  // `null` or `undefined`: after the handlers, grammY deletes this chat's entry.
  ctx.session = null;
  await ctx.reply("Forgotten! Your next pizza starts a new count.");
});
