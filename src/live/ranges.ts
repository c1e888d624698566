/**
 * A notebook parameter's valid range (`ranges` of its findings module) as a live figure's slider:
 * presentation only, no equation here. The range itself is written once, in the findings module, and
 * reaches the page as build-time data.
 * @module
 */

/** A closed or half-open numeric range, as a findings module's `ranges` states a bounded parameter. */
export interface SliderRange {
  min: number;
  max: number;
  minOpen?: boolean;
  maxOpen?: boolean;
}

/** Decimals of a step: 2 for 0.01. */
const decimals = (step: number): number => Math.max(0, -Math.floor(Math.log10(step) + 1e-9));

/**
 * A value rounded to the decimals of a slider's step (a slider gives 2.8000000000000003 for 2.8).
 * @throws {RangeError} if `step` is not positive and finite.
 * @example roundToStep(2.8000000000000003, 0.01) // => 2.8
 */
export function roundToStep(value: number, step: number): number {
  if (!(step > 0 && Number.isFinite(step))) throw new RangeError(`\`step\` must be positive and finite, got ${step}`);
  return Number(value.toFixed(decimals(step)));
}

/**
 * A slider's ends for a notebook's range: a bound the range excludes becomes the nearest step inside
 * it ((2, 3] at steps of 0.01 gives 2.01–3).
 * @throws {RangeError} if the bounds are not finite or the range holds less than two steps.
 * @example sliderExtent({ min: 2, max: 3, minOpen: true }, 0.01) // => [2.01, 3]
 */
export function sliderExtent(r: SliderRange, step: number): [number, number] {
  if (!Number.isFinite(r.min) || !Number.isFinite(r.max)) {
    throw new RangeError(`a slider's range must have finite bounds, got [${r.min}, ${r.max}]`);
  }
  const lo = r.minOpen ? roundToStep(r.min + step, step) : r.min;
  const hi = r.maxOpen ? roundToStep(r.max - step, step) : r.max;
  if (!(lo < hi)) throw new RangeError(`a slider's range must hold more than one step, got [${lo}, ${hi}]`);
  return [lo, hi];
}

/**
 * The range as a notebook's parameter comment writes it.
 * @example intervalText({ min: 2, max: 3, minOpen: true }) // => "(2, 3]"
 */
export function intervalText(r: SliderRange): string {
  return `${r.minOpen ? "(" : "["}${r.min}, ${r.max}${r.maxOpen ? ")" : "]"}`;
}
