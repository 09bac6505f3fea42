/**
 * `sequentialize` from grammY's runner plugin, vendored: the sandbox's module registry provides it as
 * `import { sequentialize } from "@grammyjs/runner"`. The package cannot be imported in a worker: its only
 * export (`out/mod.js`, CommonJS) also loads the runner itself, which needs Node's `worker_threads`. The
 * function is self-contained, so it is copied here, typed, and otherwise unchanged; the unit test
 * `runner-sequentialize.test.ts` runs it beside the installed package on the same interleavings.
 *
 * Source: https://github.com/grammyjs/runner, `src/sequentialize.ts`, as published in
 * @grammyjs/runner 2.0.3 (`out/sequentialize.js`).
 * Copyright (c) 2021-2023 KnorpelSenf. MIT License: permission is hereby granted, free of charge, to any
 * person obtaining a copy of this software and associated documentation files (the "Software"), to deal in
 * the Software without restriction, including without limitation the rights to use, copy, modify, merge,
 * publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
 * Software is furnished to do so, subject to the following conditions: the above copyright notice and this
 * permission notice shall be included in all copies or substantial portions of the Software. THE SOFTWARE IS
 * PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
 */

/** The version of @grammyjs/runner this copy was taken from. */
export const VENDORED_RUNNER_VERSION = "2.0.3";

/** One constraint's queue: the last task that holds it, and how many tasks hold it. */
interface Clot {
  chain: Promise<void>;
  len: number;
}

/**
 * Middleware that lets an update run only after every earlier update sharing one of its constraints
 * (strings the `constraint` function derives from the context) has finished its downstream middleware.
 * With the session's key function as the constraint, two updates of one session never overlap.
 */
export function sequentialize<C>(
  constraint: (ctx: C) => string | string[] | undefined,
): (ctx: C, next: () => void | Promise<void>) => Promise<void> {
  const map = new Map<string, Clot>();
  return async (ctx, next) => {
    const con = constraint(ctx);
    const cs = (Array.isArray(con) ? con : [con]).filter((c): c is string => !!c);
    const clots = cs.map((c) => {
      let v = map.get(c);
      if (v === undefined) {
        v = { chain: Promise.resolve(), len: 0 };
        map.set(c, v);
      }
      return v;
    });
    const allClots = Promise.all(clots.map((p) => p.chain));
    async function run(): Promise<void> {
      try {
        await allClots;
      } catch {
        // One of the previous middleware rejected. It is also `await`ed there, so the error is ignored here.
      }
      try {
        await next();
      } finally {
        cs.forEach((c) => {
          const cl = map.get(c);
          if (cl !== undefined && --cl.len === 0) map.delete(c);
        });
      }
    }
    const task = run();
    clots.forEach((pr) => {
      pr.len++;
      pr.chain = task;
    });
    await task; // rethrows the error
  };
}
