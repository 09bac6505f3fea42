import { describe, expect, it } from "vitest";
import { UPDATE_KINDS, validateUpdate } from "./update-validator";
import { validatorMessages } from "./validator-messages";

const alice = { id: 111, is_bot: false, first_name: "Alice" };
const privateChat = { id: 111, type: "private", first_name: "Alice" };
const good = { update_id: 1, message: { message_id: 1, date: 1700000000, chat: privateChat, from: alice, text: "hi" } };

const errorsOf = (value: unknown, locale: "en" | "es") => {
  const result = validateUpdate(value, locale);
  if (result.ok) throw new Error("expected the update to be refused");
  return result.errors;
};

describe("validateUpdate in Spanish", () => {
  it("accepts a well-formed update whatever the language", () => {
    expect(validateUpdate(good, "es")).toEqual({ ok: true, update: good });
  });

  it("speaks English by default", () => {
    expect(validateUpdate({ message: good.message })).toEqual(validateUpdate({ message: good.message }, "en"));
    expect(errorsOf({ message: good.message }, "en")[0]).toMatch(/^update\.update_id is missing/);
  });

  it("explains a missing update_id", () => {
    expect(errorsOf({ message: good.message }, "es")).toEqual([
      "Falta update.update_id: toda actualización tiene un id numérico, que el bot usa para confirmarla.",
    ]);
  });

  it("names wrong types with the Spanish wording of the value", () => {
    const errors = errorsOf(
      {
        update_id: -1,
        message: { ...good.message, chat: { id: "111", type: "private", first_name: "Alice" }, from: { ...alice, is_bot: 0, first_name: null } },
      },
      "es",
    );
    expect(errors).toEqual([
      "update.update_id debe ser un número entero no negativo, pero es el número entero -1.",
      'update.message.chat.id debe ser un número entero, pero es una cadena ("111").',
      "update.message.from.is_bot debe ser un booleano (true o false), pero es el número entero 0.",
      "update.message.from.first_name debe ser una cadena, pero es null.",
    ]);
    expect(errorsOf([good], "es")).toEqual(["La actualización debe ser un objeto JSON, pero es un array."]);
    expect(errorsOf({ update_id: 1, poll: 1.5 }, "es")).toEqual(["update.poll debe ser un objeto, pero es el número 1.5."]);
  });

  it("explains missing fields with the per-field reason", () => {
    const { chat: _c, ...noChat } = good.message;
    expect(errorsOf({ update_id: 1, message: noChat }, "es")).toEqual(["Falta update.message.chat: todo mensaje pertenece a un chat."]);
    expect(errorsOf({ update_id: 1, message: { ...good.message, chat: { id: 5, type: "group" } } }, "es")).toEqual([
      'Falta update.message.chat.title: un chat de tipo "group" siempre tiene título.',
    ]);
  });

  it("refuses unknown kinds, empty updates and several kinds", () => {
    expect(errorsOf({ update_id: 1, mesage: good.message }, "es")).toEqual([
      `update.mesage no es un tipo de actualización que envíe Telegram (tipos conocidos: ${UPDATE_KINDS.join(", ")}).`,
    ]);
    expect(errorsOf({ update_id: 1 }, "es")).toEqual([
      'La actualización no tiene contenido: añade exactamente un tipo de actualización, como "message" o "callback_query".',
    ]);
    expect(errorsOf({ ...good, inline_query: { id: "1", from: alice, query: "", offset: "" } }, "es")).toEqual([
      "La actualización tiene 2 tipos de actualización (message, inline_query), pero Telegram envía exactamente uno por actualización.",
    ]);
    expect(errorsOf("{ nope", "es")[0]).toMatch(/^La actualización no es JSON válido: /);
  });

  it("has a Spanish reason for every English one, and none left in English", () => {
    const en = validatorMessages("en").why;
    const es = validatorMessages("es").why;
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(es[key]).not.toBe(en[key]);
  });
});
