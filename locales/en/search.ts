import type { SearchStrings } from "../types";

/**
 * The search box. These are VitePress's own English strings, written out so a new language's translator
 * sees every string the box shows; the site's config hands VitePress only the other languages' strings.
 */
export const search: SearchStrings = {
  button: { buttonText: "Search", buttonAriaLabel: "Search" },
  modal: {
    displayDetails: "Display detailed list",
    resetButtonTitle: "Reset search",
    backButtonTitle: "Close search",
    noResultsText: "No results for",
    footer: {
      selectText: "to select",
      selectKeyAriaLabel: "enter",
      navigateText: "to navigate",
      navigateUpKeyAriaLabel: "up arrow",
      navigateDownKeyAriaLabel: "down arrow",
      closeText: "to close",
      closeKeyAriaLabel: "escape",
    },
  },
};
