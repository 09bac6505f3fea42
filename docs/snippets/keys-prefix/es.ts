import { Bot, Context, session, SessionFlavor } from "grammy";

interface SessionData {
  pizzaCount: number;
}
type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

bot.use(
  session({
    initial: (): SessionData => ({ pizzaCount: 0 }),
    // El chat 424242 se guarda bajo "pizza-bot:424242".
    // Las actualizaciones sin clave siguen sin ella: entonces no se añade nada.
    prefix: "pizza-bot:",
  }),
);
