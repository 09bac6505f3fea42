/**
 * Try live mode (or any grammY bot) offline: starts the Bot API emulator, prints its API root and
 * token, turns each line typed here into a text message from Ana in her private chat, and prints
 * what the bot sends back.
 *
 *   npx vite-node scripts/bot-api-emulator.ts [--port N]
 *
 * Typed lines: any text is a message ("/start" is a command); `:tap DATA` taps the inline button
 * with callback data DATA under the bot's last message; `:quit` (or Ctrl+D) stops.
 */
import { createInterface } from "node:readline";
import { startBotApiEmulator, type SentMessage } from "../tests/bot-api/emulator";

function portFromArgs(args: string[]): number {
  const index = args.indexOf("--port");
  if (index === -1) return 0;
  const port = Number(args[index + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--port needs a port number (0–65535), got ${args[index + 1] ?? "nothing"}`);
    process.exit(2);
  }
  return port;
}

function describeSent(sent: SentMessage): string {
  const lines = [`bot → ${sent.text}`];
  const markup = sent.params.reply_markup as { inline_keyboard?: { text: string; callback_data?: string; url?: string }[][] } | undefined;
  for (const row of markup?.inline_keyboard ?? []) {
    lines.push(`      ${row.map((b) => `[${b.text}${b.callback_data ? ` :tap ${b.callback_data}` : b.url ? ` ${b.url}` : ""}]`).join(" ")}`);
  }
  return lines.join("\n");
}

const emulator = await startBotApiEmulator({ port: portFromArgs(process.argv.slice(2)) });
console.log(`Bot API emulator listening.
  API root: ${emulator.url}
  Token:    ${emulator.token}
In the playground's live mode, set the API root and paste the token. In your own code:
  new Bot("${emulator.token}", { client: { apiRoot: "${emulator.url}" } })
Type a message as Ana (id 424242), ":tap DATA" to tap a button, ":quit" to stop.`);

emulator.onSent((sent) => console.log(describeSent(sent)));

const input = createInterface({ input: process.stdin });
input.on("line", (line) => {
  const text = line.trim();
  if (text === "") return;
  if (text === ":quit") return input.close();
  // Asked before queuing: a queued update answers the held poll at once, and then none is held.
  const polling = emulator.activePollers() > 0;
  try {
    if (text.startsWith(":tap ")) emulator.pressButton(text.slice(5).trim());
    else emulator.userSays(text);
    if (!polling) console.log("(queued: no bot is polling right now; it gets this when it does)");
  } catch (error) {
    console.log((error as Error).message);
  }
});
input.on("close", () => {
  void emulator.close().then(() => process.exit(0));
});
