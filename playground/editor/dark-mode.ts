import type { editor as MonacoEditor } from "monaco-editor/editor";

/** The dark theme: Monaco's own, with comments readable against its background. */
const DARK_THEME = "session-lab-dark";

/**
 * Defines the editor's dark theme. Monaco's `vs-dark` draws comments in #608b4e on #1e1e1e, 4.2:1,
 * under WCAG's 4.5:1; #6a9955 (VS Code's own dark comment colour) is 5.0:1. Every other token of
 * `vs-dark` and of the light `vs` already passes.
 */
export function defineEditorThemes(editorApi: Pick<typeof MonacoEditor, "defineTheme">): void {
  editorApi.defineTheme(DARK_THEME, {
    base: "vs-dark",
    inherit: true,
    rules: [{ token: "comment", foreground: "6a9955" }],
    colors: {},
  });
}

/** The editor's theme for VitePress's light and dark appearance (see `defineEditorThemes`). */
export function monacoTheme(dark: boolean): "vs" | typeof DARK_THEME {
  return dark ? DARK_THEME : "vs";
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
