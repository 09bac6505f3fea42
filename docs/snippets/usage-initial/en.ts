import { Bot, Context, session, SessionFlavor } from "grammy";

interface SessionData {
  pizzaCount: number;
  toppings: string[];
}
type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

// Every call builds new objects, the nested array included,
// so no two chats ever hold the same object.
function createInitialSessionData(): SessionData {
  return { pizzaCount: 0, toppings: [] };
}
bot.use(session({ initial: createInitialSessionData }));
