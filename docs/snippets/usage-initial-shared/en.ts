import { Bot, Context, session, SessionFlavor } from "grammy";

interface SessionData {
  pizzaCount: number;
}
type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

// ✗ WRONG — do not copy this. There is only ONE object here…
const initialData: SessionData = { pizzaCount: 0 };
// ✗ …and `initial` hands that same object to every new chat.
bot.use(session({ initial: () => initialData }));

bot.hears(/🍕/, (ctx) => {
  // ✗ On a new chat this changes `initialData` itself, for everyone after it.
  ctx.session.pizzaCount++;
});
