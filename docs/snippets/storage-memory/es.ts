import { Bot, Context, MemorySessionStorage, session, SessionFlavor } from "grammy";

interface SessionData {
  pizzaCount: number;
}

type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

// Una hora, contada desde la última escritura de cada sesión.
const ONE_HOUR = 60 * 60 * 1000;

bot.use(
  session({
    initial: (): SessionData => ({ pizzaCount: 0 }),
    storage: new MemorySessionStorage<SessionData>(ONE_HOUR),
  }),
);
