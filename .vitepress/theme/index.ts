import DefaultTheme from "vitepress/theme";
import type { Theme } from "vitepress";

export default {
  extends: DefaultTheme,
} satisfies Theme;
