import { Bot, Context, session, SessionFlavor } from "grammy";

// Por chat, lo predeterminado: todos los miembros de un grupo comparten una sesión,
// y cada chat privado tiene la suya.
function perChat(ctx: Context): string | undefined {
  return ctx.chatId?.toString();
}

// Por usuario: una misma sesión acompaña a la persona en todos los chats,
// tanto en grupos como en su chat privado con el bot.
function perUser(ctx: Context): string | undefined {
  return ctx.from?.id.toString();
}

// Por usuario y chat: cada persona tiene una sesión distinta en cada chat.
function perUserAndChat(ctx: Context): string | undefined {
  return ctx.from === undefined || ctx.chatId === undefined
    ? undefined
    : `${ctx.from.id}/${ctx.chatId}`;
}

type MyContext = Context & SessionFlavor<{ pizzaCount: number }>;

const bot = new Bot<MyContext>("");
// Elige una; si omites la opción, se usa `perChat`.
bot.use(session({ initial: () => ({ pizzaCount: 0 }), getSessionKey: perUser }));
