import { useData } from "vitepress";
import { onMounted, watch } from "vue";

/** Whether VitePress renders the page with its doc layout, the only one with a `main` element. */
function hasDocLayout(layout: unknown, isNotFound: boolean | undefined): boolean {
  return !isNotFound && (layout === undefined || layout === "doc");
}

/**
 * VitePress's home and page layouts (the home page, the full playground) and its 404 page have no `main`
 * element (its doc layout does), so a screen reader finds no main landmark there. This marks the
 * content area (`#VPContent`, where "Skip to content" lands) as the main landmark on those pages, and
 * unmarks it on doc pages, where the layout brings its own `main` and a second one would be wrong.
 */
export function useMainLandmark(): void {
  const { frontmatter, page } = useData();
  const apply = () => {
    const content = document.getElementById("VPContent");
    if (!content) return;
    if (!hasDocLayout(frontmatter.value.layout, page.value.isNotFound)) content.setAttribute("role", "main");
    else if (content.getAttribute("role") === "main") content.removeAttribute("role");
  };
  onMounted(() => {
    apply();
    watch([() => frontmatter.value.layout, () => page.value.isNotFound], apply, { flush: "post" });
  });
}
