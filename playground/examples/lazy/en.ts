import { Bot, Context, lazySession, LazySessionFlavor } from "grammy";

// The same data as the strict pizza counter.
interface SessionData {
  pizzaCount: number;
}

// With lazy sessions, `ctx.session` may be a promise of the data.
type MyContext = Context & LazySessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

function initial(): SessionData {
  return { pizzaCount: 0 };
}
bot.use(lazySession({ initial }));

bot.command("hunger", async (ctx) => {
  // Touching `ctx.session` starts the read; awaiting it gives the data.
  const session = await ctx.session;
  await ctx.reply(`Your hunger level is ${session.pizzaCount}!`);
});

bot.command("diet", async (ctx) => {
  // Assigned before anything read it: grammY skips the read and only writes.
  ctx.session = { pizzaCount: 0 };
  await ctx.reply("Back to zero. No storage read was needed for that.");
});

bot.hears(/🍕/, async (ctx) => {
  const session = await ctx.session;
  session.pizzaCount++;
});

// Every other message leaves `ctx.session` alone: no read, no write.

bot.start();
