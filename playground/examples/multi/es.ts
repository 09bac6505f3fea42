import { Bot, Context, session, SessionFlavor } from "grammy";
import { IndexedDBAdapter } from "@session-lab/adapters-browser";

// Acompaña a cada persona en todos los chats.
interface UserData {
  favourite: string;
}

// Compartido por todos los miembros de un chat.
interface ChatData {
  pizzaCount: number;
}

// Una propiedad por fragmento.
interface SessionData {
  // Opcional: este fragmento no tiene `initial`, así que está vacío hasta /favourite.
  user?: UserData;
  chat: ChatData;
}

type MyContext = Context & SessionFlavor<SessionData>;

const bot = new Bot<MyContext>("");

bot.use(
  session({
    type: "multi",
    user: {
      // Se guarda por usuario, en IndexedDB, así que sobrevive a un reinicio.
      getSessionKey: (ctx) => ctx.from?.id.toString(),
      // En un chat privado el id del usuario coincide con el del chat: el prefijo separa las claves.
      prefix: "user:",
      storage: new IndexedDBAdapter(),
    },
    chat: {
      // Clave por defecto (el id del chat) y almacenamiento por defecto (memoria).
      initial: () => ({ pizzaCount: 0 }),
    },
  }),
);

/**
 * Poner toda la sesión a `null` borra todos los fragmentos. En una actualización en la que un fragmento
 * no tiene clave lanza un error y no borra nada; por eso los comandos de abajo ignoran los canales.
 */
function forgetEverything(ctx: MyContext): void {
  ctx.session = null;
}

bot.hears(/🍕/, (ctx) => {
  ctx.session.chat.pizzaCount++;
});

// Las publicaciones de canal no tienen remitente, así que `user` no tiene clave ahí:
// los comandos que lo usan solo escuchan en los chats donde escribe la gente.
const people = bot.chatType(["private", "group", "supergroup"]);

people.command("favourite", async (ctx) => {
  const topping = ctx.match.trim();
  if (topping === "") {
    await ctx.reply("Dime tu ingrediente, por ejemplo: /favourite champiñones");
    return;
  }
  ctx.session.user = { favourite: topping };
  await ctx.reply(`Apuntado: ${topping}, en todos los chats que compartimos.`);
});

people.command("hunger", async (ctx) => {
  const favourite = ctx.session.user?.favourite ?? "ninguno todavía";
  await ctx.reply(`Pizzas comidas en este chat: ${ctx.session.chat.pizzaCount}. Tu favorito: ${favourite}.`);
});

people.command("forget", async (ctx) => {
  // Borra solo este fragmento; el contador del chat se queda.
  ctx.session.user = undefined;
  await ctx.reply("Tu favorito ya no está.");
});

people.command("reset", async (ctx) => {
  forgetEverything(ctx);
  await ctx.reply("Todo olvidado: el contador y tu favorito.");
});

bot.start();
