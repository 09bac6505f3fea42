import DefaultTheme from "vitepress/theme";
import type { Theme } from "vitepress";
import Playground from "../../playground/components/Playground.vue";
import SessionCompare from "../../playground/compare/SessionCompare.vue";
import SiteLayout from "./components/SiteLayout.vue";
import "./custom.css";

export default {
  extends: DefaultTheme,
  // The default layout; on the home page, the hero shows session traffic (see SiteLayout.vue).
  Layout: SiteLayout,
  enhanceApp({ app }) {
    // `<Playground example="pizza" />` in any page. Only a placeholder ships with the page; the playground
    // itself is a separate chunk that loads when the reader opens it (or at once with `full`).
    app.component("Playground", Playground);
    // `<SessionCompare view="strict-vs-lazy" />`: the comparison views, loaded the same way.
    app.component("SessionCompare", SessionCompare);
  },
} satisfies Theme;
