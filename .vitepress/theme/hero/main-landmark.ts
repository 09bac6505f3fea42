import { useData } from "vitepress";
import { onMounted, watch } from "vue";

/**
 * VitePress's home layout has no `main` element (its doc layout does), so a screen reader finds no main
 * landmark on the home page. This marks the content area (`#VPContent`, where "Skip to content" lands)
 * as the main landmark while a home-layout page is shown, and unmarks it on other pages, where the
 * layout brings its own `main` and a second one would be wrong.
 */
export function useHomeMainLandmark(): void {
  const { frontmatter } = useData();
  const apply = () => {
    const content = document.getElementById("VPContent");
    if (!content) return;
    if (frontmatter.value.layout === "home") content.setAttribute("role", "main");
    else if (content.getAttribute("role") === "main") content.removeAttribute("role");
  };
  onMounted(() => {
    apply();
    watch(() => frontmatter.value.layout, apply, { flush: "post" });
  });
}
