/** The shape of live mode's words (`locales/<lang>/live.ts`). */

/** What a problem says: what happened, and what to do about it. */
export interface ProblemText {
  title: string;
  action: string;
}

/** Live mode's words in one language. */
export interface LiveStrings {
  /** The panel's accessible name. */
  region: string;
  /** The switch's legend. */
  mode: string;
  simulated: string;
  live: string;
  /** Beside the switch in simulated mode. */
  simulatedHint: string;
  tokenLabel: string;
  tokenPlaceholder: string;
  /** A token is kept for this tab; `masked` is `123456:•••`. */
  tokenKept: (masked: string) => string;
  /** The button that shows or hides the token and server fields once the bot is live. */
  settings: string;
  forgetToken: string;
  apiRootLabel: string;
  /** Under the API root field: what it is for. */
  apiRootHint: string;
  /** The notice: where the token stays. */
  noticeToken: string;
  /** The notice: what live mode does. */
  noticeWhat: string;
  /** The notice: code from others runs with the reader's token. */
  noticeTrust: string;
  /** The bot is live; `name` is `@username` or its first name. */
  connected: (name: string) => string;
  /** The status line while a live bot polls and nothing is wrong. */
  statusRunning: string;
  /** Link text to the bot in Telegram. */
  openInTelegram: string;
  /** Shown in the chat panel in live mode, instead of the simulated people and message box. */
  chatHint: string;
  problems: {
    noToken: ProblemText;
    badRootInvalid: ProblemText;
    badRootScheme: ProblemText;
    unauthorized: ProblemText;
    notFound: ProblemText;
    conflictWebhook: ProblemText;
    conflictPoller: ProblemText;
    /** `seconds` as the page formats it, or undefined when Telegram gave none. */
    flood: (seconds: string | undefined) => ProblemText;
    /** `root` is the API root that did not answer. */
    unreachable: (root: string) => ProblemText;
  };
}
