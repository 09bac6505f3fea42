import { Bot, Context, session, SessionFlavor } from "grammy";

interface SessionData {
  pizzaCount: number;
  toppings: string[];
}
type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

// Cada llamada crea objetos nuevos, también el array anidado,
// así que dos chats nunca comparten el mismo objeto.
function createInitialSessionData(): SessionData {
  return { pizzaCount: 0, toppings: [] };
}
bot.use(session({ initial: createInitialSessionData }));
