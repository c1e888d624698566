/**
 * How notebook 09's claim records print numbers and names (private to its two claims files, which both
 * import it).
 *
 * @module
 */
import { OPENLM_TRAIN_LABELS, OPENLM_VAL_LABELS } from "../datasets/openlm_data";
import { formatNumber } from "../_util/format";

/** A number to `d` significant digits. */
export const f = (v: number, d = 3): string => formatNumber(v, d);
/** A fraction as a percentage to `d` significant digits. */
export const pct = (v: number, d = 2): string => `${formatNumber(100 * v, d)} %`;
/** A training set's label. */
export const T = (t: string): string => OPENLM_TRAIN_LABELS[t] ?? t;
/** A validation set's label. */
export const V = (v: string): string => OPENLM_VAL_LABELS[v] ?? v;
