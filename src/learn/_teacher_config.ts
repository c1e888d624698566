/**
 * A teacher–student configuration's checks and its target's kind (private to src/learn: re-exported by
 * teacher_student.ts, and imported by _chain_steps.ts without importing teacher_student.ts back, which
 * tslab's CommonJS loader cannot follow in a cycle).
 *
 * @module
 */
import { requireInRange, requireInteger, requireObject, requireOptions, requireString } from "../_util/validate";
import { requireActivation } from "./kernels";
import type { TeacherStudentConfig } from "./teacher_student";

/**
 * "smooth" for h ≥ 1, else "rough".
 * @example targetKind(2) // => "smooth"
 */
export function targetKind(h: number): "smooth" | "rough" {
  return requireInRange("h", h, { min: 0, minOpen: true }) >= 1 ? "smooth" : "rough";
}

const CONFIG_KEYS = [
  "id",
  "d",
  "D",
  "h",
  "maxWavenumber",
  "activation",
  "firstLayerScale",
  "widths",
  "fitMinWidth",
  "trainPoints",
  "testPoints",
  "iterations",
  "doubled",
  "longer",
  "outputWeightLimit",
  "gridCells",
];

/**
 * Checks a configuration.
 * @throws {RangeError} naming the field out of range.
 * @example requireConfig(learn.SWEEP[0]).id // => "smooth-d2"
 */
export function requireConfig(c: TeacherStudentConfig): TeacherStudentConfig {
  requireObject("config", c);
  requireOptions("config", c, CONFIG_KEYS);
  for (const k of CONFIG_KEYS) if (!(k in c)) throw new RangeError(`\`config.${k}\` is missing`);
  if (!/^[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*$/.test(requireString("config.id", c.id))) {
    throw new RangeError(`\`config.id\` must be kebab-case, got ${JSON.stringify(c.id)}`);
  }
  requireInteger("config.d", c.d, 1, 6);
  requireInteger("config.D", c.D, c.d, 64);
  requireInRange("config.h", c.h, { min: 0, minOpen: true, max: 4 });
  requireInRange("config.maxWavenumber", c.maxWavenumber, { min: 2, max: 4096 });
  requireActivation("config.activation", c.activation);
  if (c.activation === "identity") {
    throw new RangeError('`config.activation` must be relu, tanh or gelu, got "identity"');
  }
  requireInRange("config.firstLayerScale", c.firstLayerScale, { min: 0, minOpen: true, max: 100 });
  if (!Array.isArray(c.widths) || c.widths.length < 2) {
    throw new RangeError("`config.widths` must hold at least 2 widths");
  }
  c.widths.forEach((w, i) => requireInteger(`config.widths[${i}]`, w, i === 0 ? 1 : c.widths[i - 1] + 1, 4096));
  requireInteger("config.fitMinWidth", c.fitMinWidth, 1);
  if (c.widths.filter((w) => w >= c.fitMinWidth).length < 2) {
    throw new RangeError(`\`config.fitMinWidth\` must leave at least 2 widths to fit, got ${c.fitMinWidth}`);
  }
  requireInteger("config.trainPoints", c.trainPoints, 8, 2 ** 20);
  requireInteger("config.testPoints", c.testPoints, 8, 2 ** 20);
  requireInteger("config.iterations", c.iterations, 1, 1e6);
  if (typeof c.doubled !== "boolean") throw new TypeError("`config.doubled` must be a boolean");
  if (typeof c.longer !== "boolean") throw new TypeError("`config.longer` must be a boolean");
  if (c.outputWeightLimit !== null) {
    requireInRange("config.outputWeightLimit", c.outputWeightLimit, { min: 0, minOpen: true });
  }
  if (!Array.isArray(c.gridCells)) throw new TypeError("`config.gridCells` must be an array");
  c.gridCells.forEach((n, i) => requireInteger(`config.gridCells[${i}]`, n, 1, 4096));
  if (c.gridCells.length > 0 && c.D !== c.d) throw new RangeError("`config.gridCells` must be empty when D > d");
  return c;
}
