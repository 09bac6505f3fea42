import { Bot, Context, session, SessionFlavor } from "grammy";

interface SessionData {
  pizzaCount: number;
}
type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

bot.use(
  session({
    initial: (): SessionData => ({ pizzaCount: 0 }),
    // Chat 424242 is stored under "pizza-bot:424242".
    // Updates without a key stay without one: nothing is prefixed then.
    prefix: "pizza-bot:",
  }),
);
