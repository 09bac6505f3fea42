import type { GUIDE_PAGES } from "../../.vitepress/pages";
import type { SiteStrings } from "../types";
import { themeLabels } from "./labels";

/** Sidebar titles of the guide, by slug. */
const titles: Record<(typeof GUIDE_PAGES)[number], string> = {
  "sessions/": "Why bots need storage",
  "sessions/usage": "Using sessions",
  "sessions/keys": "Session keys",
  "sessions/storage": "Storing session data",
  "sessions/lazy": "Lazy sessions",
  "sessions/multi": "Multi sessions",
  "sessions/enhance": "Timeouts and migrations",
};

/** English: the site's root locale. */
export const site: SiteStrings = {
  label: "English",
  lang: "en-US",
  title: "Session Lab",
  description: "Learn sessions and data storage in grammY, the Telegram bot framework, by watching them work.",
  themeConfig: {
    nav: [
      { text: "Guide", link: "/sessions/" },
      { text: "Playground", link: "/playground" },
    ],
    sidebar: [
      {
        text: "Sessions in grammY",
        items: Object.entries(titles).map(([slug, text]) => ({ text, link: `/${slug}` })),
      },
    ],
    outline: { level: [2, 3], label: "On this page" },
    editLink: {
      pattern: "https://github.com/session-lab/session-lab/edit/main/docs/:path",
      text: "Suggest a change to this page",
    },
    docFooter: { prev: "Previous page", next: "Next page" },
    darkModeSwitchLabel: "Appearance",
    lightModeSwitchTitle: "Switch to light theme",
    darkModeSwitchTitle: "Switch to dark theme",
    sidebarMenuLabel: "Menu",
    returnToTopLabel: "Return to top",
    langMenuLabel: "Change language",
    labels: themeLabels,
    skipToContentLabel: "Skip to content",
    lastUpdated: { text: "Last updated" },
    notFound: {
      title: "PAGE NOT FOUND",
      quote: "This key has no session: the page you asked for is not stored here.",
      linkLabel: "go to the home page",
      linkText: "Take me home",
      code: "404",
    },
  },
};
