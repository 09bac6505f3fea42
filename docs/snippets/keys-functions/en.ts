import { Bot, Context, session, SessionFlavor } from "grammy";

// Per chat, the default: everyone in a group shares one session,
// and each private chat has its own.
function perChat(ctx: Context): string | undefined {
  return ctx.chatId?.toString();
}

// Per user: one session follows a person into every chat,
// groups and their private chat with the bot alike.
function perUser(ctx: Context): string | undefined {
  return ctx.from?.id.toString();
}

// Per user and chat: each person has a separate session in each chat.
function perUserAndChat(ctx: Context): string | undefined {
  return ctx.from === undefined || ctx.chatId === undefined
    ? undefined
    : `${ctx.from.id}/${ctx.chatId}`;
}

type MyContext = Context & SessionFlavor<{ pizzaCount: number }>;

const bot = new Bot<MyContext>("");
// Pick one of them; leaving the option out means `perChat`.
bot.use(session({ initial: () => ({ pizzaCount: 0 }), getSessionKey: perUser }));
