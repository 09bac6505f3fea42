import { Bot, Context, session, SessionFlavor } from "grammy";

interface SessionData {
  pizzaCount: number;
}
// Without `initial`, a new chat's session is `undefined`: let the type say so.
type MyContext = Context & SessionFlavor<SessionData | undefined>;

const bot = new Bot<MyContext>("");
bot.use(session());

bot.hears(/🍕/, (ctx) => {
  // Create the data on first use; assigning it is what gets it saved.
  ctx.session ??= { pizzaCount: 0 };
  ctx.session.pizzaCount++;
});
