/**
 * Checks a notebook's `--params` against the notebook's own description (`defineNotebook` in its
 * findings module): the parameter names, each value's type and its range, the same check the kernel
 * runs on the notebook's first code cell. Used by scripts/notebooks.py before any kernel starts, so a
 * mistake is answered in one line.
 *
 *   deno run -A scripts/params.ts check NN_topic '{"alphaC": 0.5}'   exit 0, or 2 with one line on stderr
 *   deno run -A scripts/params.ts ranges NN_topic                   each parameter's range in words (JSON)
 *   deno run -A scripts/params.ts index                             the notebook index, src/notebooks.ts (JSON)
 *
 * @module
 */
import { notebookModule } from "../src/findings/all";
import { rangeText } from "../src/findings/notebook";
import { NOTEBOOKS } from "../src/notebooks";

/** The notebook's parameter names and ranges in words, by name. */
export function parameterRanges(id: string): Record<string, string> {
  const { notebook } = notebookModule(id);
  return Object.fromEntries(
    Object.entries(notebook.ranges).map(([k, r]) => [k, rangeText(r as Parameters<typeof rangeText>[0])]),
  );
}

/**
 * Checks `params` (a JSON object's parsed value) against notebook `id`'s parameters.
 * @returns null when they are valid, else the one-line message saying what is wrong.
 */
export function checkParams(id: string, params: unknown): string | null {
  const { notebook } = notebookModule(id);
  const known = Object.keys(notebook.defaults);
  if (params === null || typeof params !== "object" || Array.isArray(params)) {
    return "--params must be a JSON object of parameter values";
  }
  for (const key of Object.keys(params)) {
    if (!known.includes(key)) {
      return `--params: ${id} has no parameter \`${key}\`; its parameters are: ${known.join(", ")}`;
    }
  }
  try {
    notebook.settings(params as never);
    return null;
  } catch (e) {
    if (!(e instanceof RangeError || e instanceof TypeError)) throw e;
    return `--params: ${e.message.replace(/^`settings\./, "`")}`;
  }
}

if (import.meta.main) {
  const [command, id, json] = Deno.args;
  try {
    if (command === "index") {
      console.log(JSON.stringify(NOTEBOOKS));
    } else if (command === "ranges" && id) {
      console.log(JSON.stringify(parameterRanges(id)));
    } else if (command === "check" && id && json !== undefined) {
      const problem = checkParams(id, JSON.parse(json));
      if (problem) {
        console.error(problem);
        Deno.exit(2);
      }
    } else {
      console.error("usage: deno run -A scripts/params.ts check NN_topic JSON | ranges NN_topic | index");
      Deno.exit(2);
    }
  } catch (e) {
    if (e instanceof RangeError || e instanceof SyntaxError) {
      console.error(e.message);
      Deno.exit(2);
    }
    throw e;
  }
}
