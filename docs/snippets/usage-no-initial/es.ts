import { Bot, Context, session, SessionFlavor } from "grammy";

interface SessionData {
  pizzaCount: number;
}
// Sin `initial`, la sesión de un chat nuevo es `undefined`: que el tipo lo diga.
type MyContext = Context & SessionFlavor<SessionData | undefined>;

const bot = new Bot<MyContext>("");
bot.use(session());

bot.hears(/🍕/, (ctx) => {
  // Crea los datos la primera vez; asignarlos es lo que hace que se guarden.
  ctx.session ??= { pizzaCount: 0 };
  ctx.session.pizzaCount++;
});
