import { run, sequentialize } from "@grammyjs/runner";
import { Bot, Context, session, SessionFlavor } from "grammy";

interface SessionData {
  user?: { favourite: string };
  chat: { pizzaCount: number };
}
type MyContext = Context & SessionFlavor<SessionData>;

/** The keys of both fragments, as the session below computes them. */
function fragmentKeys(ctx: Context): string[] {
  const keys: string[] = [];
  if (ctx.chatId !== undefined) keys.push(ctx.chatId.toString());
  if (ctx.from !== undefined) keys.push(`user:${ctx.from.id}`);
  return keys;
}

const bot = new Bot<MyContext>("");

// Updates that share any fragment key wait for each other.
bot.use(sequentialize(fragmentKeys));
bot.use(
  session({
    type: "multi",
    user: { getSessionKey: (ctx) => ctx.from?.id.toString(), prefix: "user:" },
    chat: { initial: () => ({ pizzaCount: 0 }) },
  }),
);

bot.hears(/🍕/, (ctx) => {
  ctx.session.chat.pizzaCount++;
});

run(bot);
