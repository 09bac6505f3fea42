import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatScenarioError } from "./errors";
import { formatScenario, PERSON_NAMES, type Step } from "./format";
import { parseScenario, type ScenarioError } from "./parse";

function steps(text: string): Step[] {
  const result = parseScenario(text);
  if (!result.ok) throw new Error(`expected a valid scenario: ${JSON.stringify(result.errors)}`);
  return result.steps;
}

function errors(text: string): ScenarioError[] {
  const result = parseScenario(text);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.steps)}`);
  return result.errors;
}

describe("parseScenario: valid lines", () => {
  it("reads every kind of step, skipping comments and blank lines, keeping line numbers", () => {
    const text = [
      "# comments and blank lines are ignored",
      "",
      "ana @ group: I love 🍕",
      "ben @ group: /hunger",
      "   ",
      "ana @ private: hello",
      "chloe @ inline: pizza places",
      "ben @ poll: 0",
      "ana @ group: [button pizza:add]",
      "  # an indented comment",
      "chloe @ group2: hi",
    ].join("\n");
    expect(steps(text)).toEqual([
      { line: 3, person: "ana", place: "group", kind: "message", text: "I love 🍕" },
      { line: 4, person: "ben", place: "group", kind: "message", text: "/hunger" },
      { line: 6, person: "ana", place: "private", kind: "message", text: "hello" },
      { line: 7, person: "chloe", place: "inline", kind: "inline", query: "pizza places" },
      { line: 8, person: "ben", place: "poll", kind: "poll", options: [0] },
      { line: 9, person: "ana", place: "group", kind: "button", data: "pizza:add" },
      { line: 11, person: "chloe", place: "group2", kind: "message", text: "hi" },
    ]);
  });

  it("ignores case in names and spaces around the separators, and keeps '#', '@' and ':' in the text", () => {
    expect(steps("  Ana@GROUP:see #pizza @ 12:30 ")).toEqual([
      { line: 1, person: "ana", place: "group", kind: "message", text: "see #pizza @ 12:30" },
    ]);
  });

  it("accepts Windows line endings", () => {
    expect(steps("ana @ group: a\r\nben @ group: b").map((s) => s.line)).toEqual([1, 2]);
  });

  it("reads an empty inline query, several poll options, and an empty vote (retracted)", () => {
    expect(steps("ana @ inline:\nben @ poll: 0, 2 11\nchloe @ poll:")).toEqual([
      { line: 1, person: "ana", place: "inline", kind: "inline", query: "" },
      { line: 2, person: "ben", place: "poll", kind: "poll", options: [0, 2, 11] },
      { line: 3, person: "chloe", place: "poll", kind: "poll", options: [] },
    ]);
  });

  it("reads button data with spaces and brackets, and text that only looks like a button", () => {
    expect(steps("ana @ group: [Button  a b]c ]\nana @ group: [buttons x]")).toEqual([
      { line: 1, person: "ana", place: "group", kind: "button", data: "a b]c" },
      { line: 2, person: "ana", place: "group", kind: "message", text: "[buttons x]" },
    ]);
  });

  it("gives an empty scenario no steps", () => {
    expect(parseScenario("# nothing yet\n\n")).toEqual({ ok: true, steps: [] });
  });

  it("reads back what formatScenario writes", () => {
    const person = fc.constantFrom(...PERSON_NAMES);
    const chatPlace = fc.constantFrom("private" as const, "group" as const, "group2" as const);
    // Content as the parser returns it: one line, without surrounding spaces.
    const line = (max: number) => fc.string({ unit: "grapheme", minLength: 1, maxLength: max }).map((s) => s.replace(/[\r\n]/g, " ").trim());
    const step: fc.Arbitrary<Omit<Step, "line">> = fc.oneof(
      fc.record({ person, place: chatPlace, kind: fc.constant("message" as const), text: line(60) }).filter(
        (s) => s.text !== "" && !/^\[button(\s|\])/i.test(s.text),
      ),
      fc.record({ person, place: chatPlace, kind: fc.constant("button" as const), data: line(30) }).filter(
        (s) => s.data !== "" && !s.data.endsWith("]") && new TextEncoder().encode(s.data).length <= 64,
      ),
      fc.record({ person, place: fc.constant("inline" as const), kind: fc.constant("inline" as const), query: fc.oneof(fc.constant(""), line(40)) }).filter(
        (s) => !/^\[button(\s|\])/i.test(s.query),
      ),
      fc.record({
        person,
        place: fc.constant("poll" as const),
        kind: fc.constant("poll" as const),
        options: fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { maxLength: 4 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 8 }), (generated) => {
        const numbered = generated.map((s, i) => ({ ...s, line: i + 1 }) as Step);
        expect(parseScenario(formatScenario(numbered))).toEqual({ ok: true, steps: numbered });
      }),
    );
  });
});

describe("parseScenario: refused lines", () => {
  const cases: [string, ScenarioError["code"], string, string][] = [
    ["ana: hello", "missing-at", 'Line 2: expected "person @ place: text", like "ana @ group: I love 🍕", but there is no "@"', "Línea 2: se esperaba «persona @ lugar: texto», como «ana @ group: I love 🍕», pero falta la «@»"],
    ["ana @ group hello", "missing-colon", 'Line 2: expected a ":" after the place, like "ana @ group: I love 🍕"', "Línea 2: falta «:» después del lugar; escríbelo como «ana @ group: I love 🍕»"],
    ["@ group: hi", "missing-person", 'Line 2: no person before "@" — use ana, ben or chloe', "Línea 2: no hay nadie antes de «@»; usa ana, ben o chloe"],
    ["dave @ group: hi", "unknown-person", 'Line 2: unknown person "dave" — use ana, ben or chloe', "Línea 2: no conozco a la persona «dave»; usa ana, ben o chloe"],
    ["ana @ : hi", "missing-place", 'Line 2: no place between "@" and ":" — use private, group, group2, inline or poll', "Línea 2: no hay lugar entre «@» y «:»; usa private, group, group2, inline o poll"],
    ["ana @ kitchen: hi", "unknown-place", 'Line 2: unknown place "kitchen" — use private, group, group2, inline or poll', "Línea 2: no conozco el lugar «kitchen»; usa private, group, group2, inline o poll"],
    ["ana @ group:   ", "empty-message", 'Line 2: the message is empty — write some text after ":", or "[button data]" to press a button', "Línea 2: el mensaje está vacío; escribe algo de texto después de «:», o «[button datos]» para pulsar un botón"],
    [`ana @ group: ${"x".repeat(4097)}`, "message-too-long", "Line 2: the message has 4097 characters; Telegram allows at most 4096", "Línea 2: el mensaje tiene 4097 caracteres; Telegram admite como máximo 4096"],
    ["ana @ group: [button]", "empty-button", 'Line 2: the button has no callback data — write it like "[button pizza:add]"', "Línea 2: el botón no tiene datos de callback; escríbelo como «[button pizza:add]»"],
    [`ana @ group: [button ${"é".repeat(33)}]`, "button-data-too-long", "Line 2: the button's callback data has 66 bytes; Telegram allows 1 to 64", "Línea 2: los datos de callback del botón ocupan 66 bytes; Telegram admite de 1 a 64"],
    ["ana @ inline: [button x]", "button-outside-chat", 'Line 2: buttons are pressed in a chat, not at "inline" — use private, group or group2', "Línea 2: los botones se pulsan en un chat, no en «inline»; usa private, group o group2"],
    [`ana @ inline: ${"q".repeat(257)}`, "inline-query-too-long", "Line 2: the inline query has 257 characters; Telegram allows at most 256", "Línea 2: la consulta inline tiene 257 caracteres; Telegram admite como máximo 256"],
    ["ana @ poll: 12", "bad-poll-option", 'Line 2: "12" is not a poll option — write option numbers from 0 to 11, like "0" or "0, 2", or nothing to retract the vote', "Línea 2: «12» no es una opción de la encuesta; escribe números de opción del 0 al 11, como «0» o «0, 2», o nada para retirar el voto"],
    ["ana @ poll: yes", "bad-poll-option", 'Line 2: "yes" is not a poll option — write option numbers from 0 to 11, like "0" or "0, 2", or nothing to retract the vote', "Línea 2: «yes» no es una opción de la encuesta; escribe números de opción del 0 al 11, como «0» o «0, 2», o nada para retirar el voto"],
    ["ana @ poll: 1, 1", "duplicate-poll-option", "Line 2: option 1 is chosen twice — name each option once", "Línea 2: eliges la opción 1 dos veces; nombra cada opción una sola vez"],
  ];

  it.each(cases)("refuses %j as %s, in English and Spanish", (line, code, english, spanish) => {
    const [error, ...rest] = errors(`ana @ group: fine\n${line}\nben @ group: fine too`);
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ line: 2, code });
    expect(formatScenarioError(error, "en")).toBe(english);
    expect(formatScenarioError(error, "es")).toBe(spanish);
  });

  it("reports every bad line, in order, and no steps", () => {
    const result = parseScenario(["dave @ group: hi", "ana @ group: ok", "", "ana @ moon: hi", "ben @ poll: 3, x"].join("\n"));
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 1, code: "unknown-person", name: "dave" },
        { line: 4, code: "unknown-place", place: "moon" },
        { line: 5, code: "bad-poll-option", option: "x" },
      ],
    });
  });
});
