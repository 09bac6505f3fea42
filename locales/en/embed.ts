import type { EmbedStrings } from "../../playground/i18n/embed";

/** The few strings the docs-page placeholder shows before the playground loads. */
export const embed: EmbedStrings = {
  title: "Try it in the playground",
  hint: "Runs real grammY in your browser, on simulated Telegram updates. Nothing loads until you open it.",
  open: "Open playground",
  loading: "Loading the playground…",
  failed: "The playground could not load. Reload the page to try again.",
  openFull: "Open in the full playground",
  modes: "Playground mode",
  modeCode: "Your bot",
  modeCompare: "Strict vs lazy",
  about: "About the playground",
};
