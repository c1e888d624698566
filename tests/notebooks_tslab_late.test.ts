/** Notebooks 07 onwards under tslab (see tests/tslab_check.ts): the three with the longest analyses. */
import { NOTEBOOKS, tslabChecks } from "./tslab_check";

tslabChecks(NOTEBOOKS.filter((n) => Number(n.slice(0, 2)) >= 7));
