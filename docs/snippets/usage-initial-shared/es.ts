import { Bot, Context, session, SessionFlavor } from "grammy";

interface SessionData {
  pizzaCount: number;
}
type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

// ✗ MAL — no copies esto. Aquí hay UN SOLO objeto…
const initialData: SessionData = { pizzaCount: 0 };
// ✗ …e `initial` entrega ese mismo objeto a cada chat nuevo.
bot.use(session({ initial: () => initialData }));

bot.hears(/🍕/, (ctx) => {
  // ✗ En un chat nuevo, esto modifica el propio `initialData`, para todos los que vengan después.
  ctx.session.pizzaCount++;
});
