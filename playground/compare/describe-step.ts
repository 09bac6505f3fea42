/** A scenario step as a reader-facing line: "Ana in Pizza Lovers: I love 🍕". */
import type { Step } from "../scenario";
import type { ComparisonStrings } from "./strings/comparison";

/** Describes `step` with the view's words. */
export function describeStep(step: Step, t: ComparisonStrings): string {
  const who = t.describe.people[step.person];
  switch (step.kind) {
    case "message":
      return t.describe.message(who, t.describe.place[step.place], step.text);
    case "button":
      return t.describe.button(who, t.describe.place[step.place], step.data);
    case "inline":
      return t.describe.inline(who, step.query);
    case "poll":
      return t.describe.poll(who, step.options.join(", "));
  }
}
