import { run, sequentialize } from "@grammyjs/runner";
import { Bot, Context, session, SessionFlavor } from "grammy";

interface SessionData {
  pizzaCount: number;
}
type MyContext = Context & SessionFlavor<SessionData>;

// Una sola función de clave para los dos middlewares: por usuario.
function getSessionKey(ctx: Context): string | undefined {
  return ctx.from?.id.toString();
}

const bot = new Bot<MyContext>("");

// Primero: las actualizaciones con la misma clave se esperan unas a otras; las demás van en paralelo.
bot.use(sequentialize(getSessionKey));
// Después: la sesión, con la misma función de clave.
bot.use(session({ initial: (): SessionData => ({ pizzaCount: 0 }), getSessionKey }));

bot.hears(/🍕/, (ctx) => {
  ctx.session.pizzaCount++;
});

// El runner obtiene las actualizaciones y las procesa de forma concurrente.
run(bot);
