import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { reloadHydrated, useBrowser, type WatchedPage } from "./browser";
import { anaSays, editorText, expectTotals, loggedCalls, runProgram, say, SPANISH as W, typeAtEnd, typeAtTop, waitReady } from "./playground-helpers";
import { runWithGrammy } from "./playground-oracle";

const { open } = useBrowser({ viewport: { width: 1400, height: 1000 }, locale: "es-ES" });
const source = (name: string) => readFileSync(new URL(`../../playground/examples/${name}/es.ts`, import.meta.url), "utf8");

const opened: WatchedPage[] = [];
afterEach(() => {
  for (const { externalRequests } of opened.splice(0)) expect(externalRequests).toEqual([]);
});

describe("el playground en español", () => {
  it("cuenta dos pizzas, responde a /hunger con 2 y muestra las mismas llamadas que hace grammY", async () => {
    const texts = ["🍕", "🍕", "/hunger"];
    const expected = await runWithGrammy(source("pizza"), anaSays(texts));
    expect(expected.replies).toEqual(["¡Tu nivel de hambre es 2!"]);

    const watched = await open("/es/playground/?example=pizza");
    opened.push(watched);
    const { page, errors } = watched;
    await waitReady(page);
    // The Spanish example, in the Spanish UI.
    await expect(editorText(page)).resolves.toContain("Lo que cada chat recuerda");
    await expect(page.getByRole("combobox", { name: W.from, exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("combobox", { name: W.chat, exact: true }).isVisible()).resolves.toBe(true);

    await runProgram(page, W);
    for (const text of texts) await say(page, W, text);
    await page.getByRole("log", { name: W.chatRegion }).getByText("¡Tu nivel de hambre es 2!").waitFor();
    await expectTotals(page, { read: expected.read, write: expected.write, delete: expected.delete });
    expect(await loggedCalls(page, W)).toEqual(expected.calls);
    const log = page.getByRole("listbox", { name: W.traffic });
    await expect(log.getByText(/^read 424242/).first().isVisible()).resolves.toBe(true);
    await expect(log.getByText(/^Actualización 3 · Ana en chat privado: \/hunger/).isVisible()).resolves.toBe(true);

    await page.getByRole("button", { name: W.stop, exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Detenido." }).waitFor();
    expect(errors).toEqual([]);
  });

  it("guarda tu código, lo restaura y lo comparte sin ejecutarlo", async () => {
    const watched = await open("/es/playground/?example=pizza");
    opened.push(watched);
    const { page } = watched;
    await waitReady(page);
    await typeAtTop(page, "// mi versión\n");
    await page.getByRole("button", { name: W.share, exact: true }).click();
    const link = await page.getByRole("textbox", { name: W.share, exact: true }).inputValue();
    expect(link).toMatch(/\/es\/playground\/?\?example=pizza#code=/);

    await reloadHydrated(page);
    await waitReady(page);
    await expect(editorText(page)).resolves.toContain("// mi versión");
    await page.getByRole("button", { name: W.reset, exact: true }).click();
    await expect.poll(() => editorText(page)).not.toContain("// mi versión");

    const friend = await open(link.replace(/^https?:\/\/[^/]+/, ""));
    opened.push(friend);
    await waitReady(friend.page);
    await expect(editorText(friend.page)).resolves.toContain("// mi versión");
    await friend.page.getByRole("status").filter({ hasText: "Código cargado desde un enlace compartido" }).waitFor();
    await expect(friend.page.locator(".sl-playground").getAttribute("data-run-number")).resolves.toBe("0");
  });

  it("nombra la actualización que detuvo un bucle infinito", async () => {
    const watched = await open("/es/playground/?example=pizza");
    opened.push(watched);
    const { page } = watched;
    await waitReady(page);
    await typeAtEnd(page, 'bot.hears("bucle", () => { while (true) {} });');
    await runProgram(page, W);
    await say(page, W, "bucle");
    await page.getByRole("alert").filter({ hasText: /Detenido: actualización 1 \(Ana en chat privado: bucle\)/ }).waitFor({ timeout: 15_000 });
  });
});
