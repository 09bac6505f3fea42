/** A live-mode problem in words: what happened and what to do, in the page's language. */
import type { LiveProblem } from "./live-problem";
import type { LiveStrings, ProblemText } from "./strings";

/** The explanation of `problem`; `apiRoot` is the root as the reader typed it, `locale` formats numbers. */
export function explainLiveProblem(words: LiveStrings, problem: LiveProblem, apiRoot: string, locale: string): ProblemText {
  const p = words.problems;
  switch (problem.kind) {
    case "no-token":
      return p.noToken;
    case "bad-root":
      return problem.problem === "scheme" ? p.badRootScheme : p.badRootInvalid;
    case "unauthorized":
      return p.unauthorized;
    case "not-found":
      return p.notFound;
    case "conflict-webhook":
      return p.conflictWebhook;
    case "conflict-poller":
      return p.conflictPoller;
    case "flood":
      return p.flood(problem.retryAfter === undefined ? undefined : new Intl.NumberFormat(locale).format(problem.retryAfter));
    case "unreachable":
      return p.unreachable(apiRoot);
  }
}
