/** Monaco's built-in themes for VitePress's light and dark appearance. */
export function monacoTheme(dark: boolean): "vs" | "vs-dark" {
  return dark ? "vs-dark" : "vs";
}

/**
 * Calls `onChange` now and whenever the `dark` class on `<html>` flips: that class is how VitePress
 * switches appearance, and watching it (rather than VitePress's `useData().isDark`) keeps the
 * editor usable outside a VitePress app. Returns the function that stops watching.
 */
export function watchDarkClass(root: HTMLElement, onChange: (dark: boolean) => void): () => void {
  let dark = root.classList.contains("dark");
  onChange(dark);
  const observer = new MutationObserver(() => {
    const now = root.classList.contains("dark");
    if (now !== dark) onChange((dark = now));
  });
  observer.observe(root, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}
