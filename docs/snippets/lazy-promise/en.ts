import { Bot, Context, lazySession, LazySessionFlavor } from "grammy";

interface SessionData {
  pizzaCount: number;
}

type MyContext = Context & LazySessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");
bot.use(lazySession({ initial: (): SessionData => ({ pizzaCount: 0 }) }));

/** Fetches a chat's count from the service an older bot used (a made-up address). */
async function importCount(chatId: number): Promise<SessionData> {
  const response = await fetch(`https://old-pizza-bot.example/chats/${chatId}`);
  const { count } = (await response.json()) as { count: number };
  return { pizzaCount: count };
}

bot.command("import", async (ctx) => {
  const imported = importCount(ctx.chat.id);
  // The handler still awaits its reply below: should the import fail meanwhile,
  // this keeps the rejection from going unhandled. grammY still sees the error.
  imported.catch(() => {});
  // No `await`: grammY awaits the promise after the handlers, then writes the result.
  // The old value is never read, because nothing touched it before this assignment.
  ctx.session = imported;
  await ctx.reply("Importing your count…");
});

bot.command("diet", async (ctx) => {
  // To derive the new value from the old one, let the read finish first.
  const session = await ctx.session;
  ctx.session = { ...session, pizzaCount: 0 };
});
