/**
 * A stepping stone between a docs page and the comparison views, for the same reason as
 * `../components/playground-loader.ts`: VitePress preloads every chunk the theme imports dynamically,
 * so only this small module is preloaded on every page, and a view is fetched when a reader opens it.
 */
import type { CompareViewName } from "./strings/embed";

/** Fetches the component of `view`. */
export function loadCompareView(view: CompareViewName) {
  switch (view) {
    case "strict-vs-lazy":
      return import("./StrictLazyView.vue");
    case "keys":
      return import("./KeysView.vue");
    case "concurrency":
      return import("./ConcurrencyView.vue");
  }
}
