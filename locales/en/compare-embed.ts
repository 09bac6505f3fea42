import type { CompareEmbedStrings } from "../../playground/compare/strings/embed";

/** What the docs-page card of each comparison view says before the view loads. */
export const compareEmbed: CompareEmbedStrings = {
  views: {
    "strict-vs-lazy": {
      title: "See it happen: strict vs lazy",
      hint: "Runs the same updates through session() and lazySession() with real grammY and IndexedDB in your browser, and counts every storage call.",
      open: "Run the comparison",
    },
    keys: {
      title: "See it happen: three session keys",
      hint: "Runs the same updates under a per-chat, a per-user and a per-user-and-chat key, and shows the sessions each one stores.",
      open: "Run the comparison",
    },
    concurrency: {
      title: "See it happen: a lost update",
      hint: "Runs two updates that share a session one after another, then at the same time, then at the same time with sequentialize, on real grammY and IndexedDB.",
      open: "Run all three",
    },
  },
  loading: "Loading…",
  failed: "This view could not load. Reload the page to try again.",
};
