import DefaultTheme from "vitepress/theme";
import type { Theme } from "vitepress";
import { defineAsyncComponent, h } from "vue";
import PlaygroundEmbed from "../../playground/components/PlaygroundEmbed.vue";
import CompareEmbed from "../../playground/compare/CompareEmbed.vue";
import "./custom.css";

// The home page's hero picture. Async, so guide pages never download it; the home page's HTML already
// holds it (rendered at build time), and it hydrates in place.
const HeroTraffic = defineAsyncComponent(() => import("./components/HeroTraffic.vue"));

export default {
  extends: DefaultTheme,
  // The default layout, with the home hero's image slot showing session traffic instead of a picture.
  Layout: () => h(DefaultTheme.Layout, null, { "home-hero-image": () => h(HeroTraffic) }),
  enhanceApp({ app }) {
    // `<Playground example="pizza" />` in any page. Only a placeholder ships with the page; the playground
    // itself is a separate chunk that loads when the reader opens it (or at once with `full`).
    app.component("Playground", PlaygroundEmbed);
    // `<SessionCompare view="strict-vs-lazy" />`: the comparison views, loaded the same way.
    app.component("SessionCompare", CompareEmbed);
  },
} satisfies Theme;
