import type { LiveStrings } from "../../playground/live/strings";

/** Live mode on /playground: the reader's own bot on the real Bot API. */
export const live: LiveStrings = {
  region: "Telegram: simulated or your own bot",
  mode: "Telegram",
  simulated: "Simulated",
  live: "Live (your bot)",
  simulatedHint: "A simulated Telegram in this page; nothing is sent anywhere.",
  tokenLabel: "Bot token",
  tokenPlaceholder: "Paste the token from @BotFather",
  tokenKept: (masked) => `Token kept for this tab: ${masked}`,
  settings: "Token and server",
  forgetToken: "Forget token",
  apiRootLabel: "Bot API server",
  apiRootHint: "Telegram's own unless you run a local Bot API server.",
  noticeToken:
    "Your token stays in this browser tab only (sessionStorage). It is never put in share links, saved drafts or logs, and it is shown masked.",
  noticeWhat:
    "Press Run: your program runs here and long-polls Telegram with your token. Messages people send your bot from any Telegram app show in the chat panel, every session read and write in the storage traffic, and the sessions stay in this browser's IndexedDB. Stop, leaving the page or switching back to Simulated ends the polling. Like on a server, bot.start() removes the bot's webhook if it has one.",
  noticeTrust: "Run only code you trust: with your token, a program can do anything your bot can.",
  connected: (name) => `${name} is live: write to it from any Telegram app.`,
  statusRunning: "Running: write to your bot from any Telegram app.",
  openInTelegram: "Open in Telegram",
  chatHint: "Live mode: messages come from Telegram. Write to your bot from any Telegram app; what people send and what it answers shows here.",
  problems: {
    noToken: { title: "Live mode needs your bot's token.", action: "Paste the token @BotFather gave you into Bot token, then press Run." },
    badRootInvalid: {
      title: "The Bot API server is not a valid address.",
      action: "Write a full address such as https://api.telegram.org or http://127.0.0.1:8081, without ? or #, or clear the field for Telegram's own.",
    },
    badRootScheme: {
      title: "The Bot API server must be an http or https address.",
      action: "Write it as https://… (or http://… for a server on your own computer), or clear the field for Telegram's own.",
    },
    unauthorized: {
      title: "Telegram refused the token (401 Unauthorized).",
      action: "The token is wrong or was revoked. Check it with @BotFather (/mybots → your bot → API Token), paste it again and press Run.",
    },
    notFound: {
      title: "The Bot API server did not recognise the request (404 Not Found).",
      action: "The token is probably incomplete (it looks like 123456789:AA…, with the colon), or the Bot API server field points to something that is not a Bot API server.",
    },
    conflictWebhook: {
      title: "A webhook was set for your bot while it was polling (409 Conflict).",
      action:
        "Telegram delivers updates either to a webhook or by polling, not both. Something set one (most likely a server that runs this bot with a webhook): stop it, or remove the webhook with deleteWebhook, then press Run (bot.start() removes a webhook when it starts).",
    },
    conflictPoller: {
      title: "Another program is polling this bot (409 Conflict).",
      action:
        "Telegram lets only one program at a time fetch a bot's updates. Stop the other one (a server, a terminal, another tab with this playground), then press Run.",
    },
    flood: (seconds) => ({
      title: "Telegram asks the bot to slow down (429 Too Many Requests).",
      action:
        seconds === undefined
          ? "grammY waits and tries again by itself; nothing to do unless it keeps happening."
          : `grammY waits ${seconds} s, as Telegram asked, and tries again by itself; nothing to do unless it keeps happening.`,
    }),
    unreachable: (root) => ({
      title: `The Bot API server at ${root} does not answer.`,
      action:
        "Check that you are online and that the address is right. A local Bot API server must be running and allow requests from this page (CORS); grammY keeps trying meanwhile.",
    }),
  },
};
