import { Bot, Context, MemorySessionStorage, session, SessionFlavor } from "grammy";

interface SessionData {
  pizzaCount: number;
}
type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

// Guarda una referencia al adaptador de almacenamiento: el manejador de abajo escribe
// bajo una clave distinta de la de la actualización actual. Cualquier adaptador sirve igual.
const storage = new MemorySessionStorage<SessionData>();
bot.use(session({ initial: (): SessionData => ({ pizzaCount: 0 }), storage }));

// Telegram publica este mensaje de servicio en el grupo ANTIGUO,
// así que `ctx.session` todavía contiene los datos del grupo antiguo.
bot.on("message:migrate_to_chat_id", async (ctx) => {
  // Construye la clave igual que `getSessionKey` (añade tu `prefix` si usas uno).
  const newKey = ctx.msg.migrate_to_chat_id.toString();
  await storage.write(newKey, ctx.session);
  // grammY borra la clave antigua cuando terminan los manejadores.
  ctx.session = null;
});
