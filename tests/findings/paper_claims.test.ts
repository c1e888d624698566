/**
 * The register of the paper's claims (src/findings/paper_claims.ts): its shape, the verdict rule on
 * literal cases, every notebook record of 01–09 linked, every paper claim's derived verdict as a
 * literal, and a failure whenever two notebooks disagree about one paper claim without the register
 * saying why.
 */
import { describe, expect, it } from "vitest";
import { claim, type Findings, type Verdict } from "../../src/findings/claim";
import {
  checkPaperLink,
  OTHERS,
  OURS,
  PAPER_CLAIMS,
  paperClaimById,
  paperVerdict,
  register,
} from "../../src/findings/paper_claims";
import { allFindings } from "../../scripts/findings";

/** Every paper claim's verdict, derived from all its evidence (the notebooks that test it, in brackets). */
const EXPECTED: Record<string, Verdict> = {
  "s1.halving-cost": "holds", // 2^10 = 1024 (01, 04)
  "s1.exponent-band": "does not hold", // Kaplan's total-loss exponents are in it (01), the reducible α 0.22-0.25 is not (09)
  "s2.halving-arithmetic": "holds", // 2^(1/2) and 2^2 (02)
  "s2.grid-root-two": "does not hold", // √2 only in one dimension (02)
  "s2.same-quantity": "does not hold", // error against squared error (02)
  "s2.critical-size": "does not hold", // A^(1/a) depends on units (02)
  "s3.kaplan-attribution": "typo", // an OpenAI paper (03)
  "s3.eq5": "holds", // closed form (03)
  "s3.eqs6-8": "holds", // N_crit(0.1) = 729 (03)
  "s3.pcrit-example": "holds", // 1/101 (03)
  "s3.eq8-citation": "typo", // (8) for (7) (03)
  "s3.eq8-c-regime": "holds", // p ≪ p_crit is the C regime, as the sentence before says (03)
  "s3.regime-unit": "holds", // p against p_crit(N) in one unit classifies alike in every unit (03, 08)
  "s3.caption-normalisation": "does not hold", // α_p(1)/(1 − p) = α_C (03)
  "s3.transition-sharp": "does not hold", // 5.7 decades (03)
  "s3.a-range": "does not hold", // no steady A range (03); small running exponents on fitted laws (08)
  "s3.onset-below-llm": "holds", // unit-dependent on eq. 4 alone (03), below Chinchilla's size on the fitted law (08)
  "s3.beyond-crossover": "holds", // both cuts, Chinchilla (08) and Gadre et al. (09)
  "s3.half-decade-drop": "holds", // Kaplan's law: 0.46 decades over six (08)
  "s3.pedestal-above-001": "does not hold", // the inference fails (03); the value depends on unit and cut (08, 09)
  "s3.alpha-c-third": "holds", // α 0.347, β 0.367 (08)
  "s4.eq9-is-eq10": "holds", // slopes 4/d, order 4 (04)
  "s4.lower-bound": "holds", // the cell argument bounds L from above, so α ≥ 4/d (04)
  "s4.typo-subject": "typo", // (04)
  "s4.typo-sk-year": "typo", // (04)
  "s4.sk-premise": "holds", // k-NN and local-linear regression on manifolds (07); trained students undecided (10)
  "s4.data-set-exponent": "not testable", // no difference survives family-wise control in every training set (09)
  "s5.eq11": "holds", // (05)
  "s5.piecewise-exponents": "holds", // (05, 07)
  "s5.eq17": "does not hold", // 2h/d, not 4h/d (05, 07, and trained students 10)
  "s5.rough-lowers": "holds", // (06, 07)
  "s5.k41": "holds", // (05)
  "s5.beta-sign": "holds", // (05)
  "s5.beta-h": "holds", // (05)
  "s5.intermittency-lowers": "does not hold", // ζ₂/2 rises (05, 07)
  "s5.df-above-2": "does not hold", // (05)
  "s5.typo-minus-sign": "typo", // (05, 07)
  "s5.typo-eps-cube-root": "typo", // (05)
  "s5.typo-ks": "typo", // (05)
  "s5.typo-integrand": "typo", // (05)
  "s5.typo-volume-element": "typo", // (05)
  "s5.compression": "not testable", // arithmetic right, d ∼ 100 unmeasured (06)
  "s6.threshold": "holds", // (04, 06)
  "s6.lower-bound-conclusion": "does not hold", // (06)
  "s6.small-because-high-d": "does not hold", // circular (04); reducible α = 4/d gives d 16-18 (09)
  "s6.world-models": "not testable", // (06)
};

describe("the register's shape", () => {
  it("ids are unique, of the form sN.kebab-name, each with a section and a claim", () => {
    const ids = PAPER_CLAIMS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of PAPER_CLAIMS) {
      expect(p.id).toMatch(/^s\d\.[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(p.section.trim().length).toBeGreaterThan(0);
      expect(p.claim.trim().length).toBeGreaterThan(0);
    }
  });
  it("lists 46 claims of the paper", () => expect(PAPER_CLAIMS.length).toBe(46));
  it("refuses an unknown paper id, in the register and in a claim record", () => {
    expect(() => paperClaimById("s9.nothing")).toThrow(/no paper claim `s9.nothing`/);
    expect(() => checkPaperLink({ id: "01.x", paper: "S1 halving" })).toThrow(
      /must be "ours", "others" or a paper claim id/,
    );
    expect(() =>
      claim({ id: "01.x", ref: "§1", claim: "c", numbers: {}, verdict: "holds", reason: "r", paper: "s1.nothing" })
    ).toThrow(RangeError);
    expect(() => checkPaperLink({ id: "01.x", paper: OURS })).not.toThrow();
    expect(() => checkPaperLink({ id: "01.x" })).not.toThrow(); // optional: notebooks 10 and 11 need not link
  });
});

describe("paperVerdict: one check that finds a general claim false decides", () => {
  it.each([
    [["holds", "holds"], "holds"],
    [["holds", "not testable"], "holds"],
    [["holds", "does not hold"], "does not hold"],
    [["not testable", "does not hold"], "does not hold"],
    [["typo", "holds"], "typo"],
    [["typo", "does not hold"], "does not hold"],
    [["not testable", "not testable"], "not testable"],
  ] as [Verdict[], Verdict][])("%j gives %s", (vs, v) => expect(paperVerdict(vs)).toBe(v));
  it("needs evidence", () => expect(() => paperVerdict([])).toThrow(/must not be empty/));
});

describe("the register joined with a toy set of findings", () => {
  const toy = (verdicts: Verdict[], paper = "s3.eq5"): Findings[] =>
    verdicts.map((v, i) => ({
      notebook: `0${i + 1}_x`,
      title: "x",
      claims: [claim({ id: `0${i + 1}.a`, ref: "§3", claim: "c", numbers: {}, verdict: v, reason: "r", paper })],
    }));
  it("derives the verdict and flags a disagreement", () => {
    const e = register(toy(["holds", "not testable"])).entries.find((x) => x.id === "s3.eq5")!;
    expect(e.verdict).toBe("holds");
    expect(e.disagree).toBe(true);
    expect(e.evidence.map((x) => x.notebook)).toEqual(["01_x", "02_x"]);
  });
  it("collects claims of ours, unlinked ones with them, and of others", () => {
    const r = register([...toy(["holds"], OURS), ...toy(["holds"], OTHERS).map((f) => ({ ...f, notebook: "09_y" }))]);
    expect(r.ours.length).toBe(1);
    expect(r.others.length).toBe(1);
    const unlinked: Findings = {
      notebook: "10_z",
      title: "z",
      claims: [claim({ id: "10.a", ref: "r", claim: "c", numbers: {}, verdict: "holds", reason: "r" })],
    };
    expect(register([unlinked]).ours.map((e) => e.claim.id)).toEqual(["10.a"]);
  });
});

describe("the notebooks' evidence", async () => {
  // every notebook's evidence counts for the register; 01–09 must also link each record explicitly
  const every = await allFindings();
  const all = every.filter((f) => Number(f.notebook.slice(0, 2)) <= 9);
  const r = register(every);

  it("every claim record of notebooks 01–09 says which paper claim it tests (or that it is ours or another source's)", () => {
    const missing = all.flatMap((f) => f.claims.filter((c) => c.paper === undefined).map((c) => c.id));
    expect(missing).toEqual([]);
  });

  it("every paper claim in the register is tested by some notebook", () => {
    expect(r.unchecked.map((p) => p.id)).toEqual([]);
  });

  it("each paper claim has the expected verdict (derived from all its evidence)", () => {
    expect(Object.fromEntries(r.entries.map((e) => [e.id, e.verdict]))).toEqual(EXPECTED);
  });

  it("no two notebooks disagree about one paper claim unless the register says why", () => {
    const unexplained = r.entries
      .filter((e) => e.disagree && !e.reconciled)
      .map((e) => `${e.id}: ${e.evidence.map((x) => `${x.claim.id} ${x.claim.verdict}`).join(", ")}`);
    expect(unexplained).toEqual([]);
  });

  it("and records no reconciliation where the evidence agrees (a stale note would hide a change)", () => {
    const stale = r.entries.filter((e) => e.reconciled && !e.disagree).map((e) => e.id);
    expect(stale).toEqual([]);
  });
});
