import { run, sequentialize } from "@grammyjs/runner";
import { Bot, Context, session, SessionFlavor } from "grammy";

interface SessionData {
  pizzaCount: number;
}
type MyContext = Context & SessionFlavor<SessionData>;

// One key function for both middlewares: per user.
function getSessionKey(ctx: Context): string | undefined {
  return ctx.from?.id.toString();
}

const bot = new Bot<MyContext>("");

// First: updates with the same key wait for each other; all others run in parallel.
bot.use(sequentialize(getSessionKey));
// Then: the session, with the same key function.
bot.use(session({ initial: (): SessionData => ({ pizzaCount: 0 }), getSessionKey }));

bot.hears(/🍕/, (ctx) => {
  ctx.session.pizzaCount++;
});

// The runner fetches updates and handles them concurrently.
run(bot);
