/**
 * Claim records: the unit of the findings layer. Each notebook's analysis runs once in
 * `src/findings/NN_topic.ts` and returns a list of `Claim`s; the notebook's "What we checked" table,
 * the README's "What we found" and the tests' expected verdicts all come from, or are checked against,
 * these records.
 *
 * This module is pure: no file I/O, no rendering, no kernel API.
 *
 * @module
 */
import { escapeTableCell } from "../_util/markdown";
import { requireFields, requireString } from "../_util/validate";
import { checkPaperLink } from "./paper_claims";

/** What a check found about one of the paper's claims. */
export type Verdict = "holds" | "typo" | "does not hold" | "not testable";

/** The verdicts, in the order tables list them. */
export const VERDICTS: readonly Verdict[] = ["holds", "typo", "does not hold", "not testable"];

/** One checked claim of the paper (or one headline number of ours). */
export interface Claim {
  /** Stable identifier, `NN.slug` (notebook number, then a short kebab-case name), e.g. `"03.caption-normalisation"`. */
  id: string;
  /** Where in the paper: section, equation, figure, e.g. `"§3, eq. 5; Fig. 1 caption"`. */
  ref: string;
  /** The paper's claim in one sentence, in our words (or, for a number of ours, what it measures). */
  claim: string;
  /** The numbers behind the verdict, by name (finite numbers only). */
  numbers: Record<string, number>;
  /** The verdict. */
  verdict: Verdict;
  /**
   * One line saying why, with the numbers formatted (Markdown; may use `$…$` math; math outside it in the
   * notation of src/_util/notation.ts, `N_{crit}`, `2^{1/α}`, which the tables and the README render).
   */
  reason: string;
  /**
   * A README bullet for "What we found" (Markdown, one or two sentences, numbers formatted from
   * `numbers`), present on the claims the README lists.
   */
  headline?: string;
  /**
   * Which of the paper's claims this record is evidence for: the id of a paper claim in the register
   * (`src/findings/paper_claims.ts`, e.g. `"s4.data-set-exponent"`), `"ours"` for a number or check
   * of ours (a forecast, a fit, a check the paper does not state) or `"others"` for a claim of another
   * source (Hoffmann et al., commentary on the paper). Optional; a record without it counts as ours.
   */
  paper?: string;
}

/** The findings of one notebook. */
export interface Findings {
  /** Notebook base name, e.g. `"03_pedestal"`. */
  notebook: string;
  /** Notebook title as the README lists it, e.g. `"The pedestal effect"`. */
  title: string;
  /** The checked claims, in the order the notebook discusses them. */
  claims: Claim[];
}

const ID = /^\d\d\.[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Builds a claim record, checking its shape: the id's form, a non-empty claim and reason, a known
 * verdict, finite numbers and, if present, a `paper` link the register knows.
 * @throws {RangeError} naming the field that is malformed.
 * @example claim({ id: "01.halving-cost", ref: "§1, eq. 1", claim: "…", numbers: { factor: 1024 },
 *   verdict: "holds", reason: "2¹⁰ = 1024" }).verdict // => "holds"
 */
export function claim(c: Claim): Claim {
  if (!ID.test(c.id)) throw new RangeError(`\`id\` must look like "NN.kebab-name", got ${JSON.stringify(c.id)}`);
  if (!VERDICTS.includes(c.verdict)) {
    throw new RangeError(
      `\`verdict\` of ${c.id} must be one of ${VERDICTS.join(", ")}, got ${JSON.stringify(c.verdict)}`,
    );
  }
  for (const field of ["ref", "claim", "reason"] as const) {
    if (typeof c[field] !== "string" || c[field].trim() === "") {
      throw new RangeError(`\`${field}\` of ${c.id} must be a non-empty string`);
    }
  }
  checkPaperLink(c);
  for (const [k, v] of Object.entries(c.numbers)) {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new RangeError(`\`numbers.${k}\` of ${c.id} must be a finite number, got ${String(v)}`);
    }
  }
  return c;
}

/**
 * Finds a claim by id.
 * @throws {RangeError} if no claim has that id (the message lists the ids there are).
 * @example claimById(findings, "03.caption-normalisation").verdict
 */
export function claimById(findings: Findings, id: string): Claim {
  requireFields("findings", findings, ["notebook", "claims"], "a notebook's findings");
  requireString("id", id);
  if (!Array.isArray(findings.claims)) throw new TypeError("`findings.claims` must be an array of claims");
  const found = findings.claims.find((c) => c.id === id);
  if (!found) {
    throw new RangeError(
      `no claim \`${id}\` in ${findings.notebook}; there are: ${findings.claims.map((c) => c.id).join(", ")}`,
    );
  }
  return found;
}

const MARK: Record<Verdict, string> = {
  "holds": "✅ holds",
  "typo": "✏️ typo",
  "does not hold": "❌ does not hold",
  "not testable": "❔ not testable",
};

/**
 * The "What we checked" table of a notebook as GitHub-flavoured Markdown: one row per claim with its
 * paper reference, the claim, the verdict and the reason (each cell through `escapeTableCell`).
 * @example claimsMarkdown(introduction.findings().claims).split("\n")[0] // => "| paper | claim | verdict | why |"
 */
export function claimsMarkdown(claims: readonly Claim[]): string {
  return [
    "| paper | claim | verdict | why |",
    "| --- | --- | --- | --- |",
    ...claims.map((c) =>
      `| ${escapeTableCell(c.ref)} | ${escapeTableCell(c.claim)} | ${MARK[c.verdict]} | ${escapeTableCell(c.reason)} |`
    ),
  ].join("\n");
}

// Memoisation is a private utility (src/_util/memoise.ts), re-exported for the findings modules.
export { memoise } from "../_util/memoise";
