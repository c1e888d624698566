/** Notebooks 01–06 under tslab (see tests/tslab_check.ts); 07 onwards are in notebooks_tslab_late.test.ts. */
import { NOTEBOOKS, tslabChecks } from "./tslab_check";

tslabChecks(NOTEBOOKS.filter((n) => Number(n.slice(0, 2)) <= 6));
