/**
 * Notebook 03's claim records: every verdict as a literal with its reason, and the headline numbers
 * against closed forms of eqs. 4–8 written out here independently of src/theory/pedestal.ts.
 */
import { describe, expect, it } from "vitest";
import { claimById, type Verdict } from "../../src/findings/claim";
import { analysis, findings } from "../../src/findings/03_pedestal";
import { pedestalNotes } from "../../src/tables/pedestal";
import { expectClose, itHasVerdicts } from "../helpers";

const EXPECTED: Record<string, Verdict> = {
  // d ln L / d ln x of eq. 4 is (1 - p) α x^α / (p + (1 - p) x^α): a central difference agrees to ~1e-10
  "03.eq5-closed-form": "holds",
  // ((1 - 0.1)/0.1)^3 = 9^3 = 729 = 1/x_crit; α_p(x_crit) = α/2; p_crit(N_crit(p)) = p
  "03.critical-size": "holds",
  // p_crit(10^6) = 1/(1 + 10^2) = 1/101 ≈ 0.0099 ~ 10^-2
  "03.critical-pedestal-example": "holds",
  // eq. 8 inverts eq. 7, not itself
  "03.eq8-self-citation": "typo",
  // N_crit(p) decreases in p, so p ≪ p_crit(N) ⇔ N ≪ N_crit(p), the C regime: what the sentence before
  // eq. 8 says (small pedestals for the C regime); only "(8)" for "(7)" is wrong (03.eq8-self-citation)
  "03.eq8-direction": "holds",
  // α_p(1)/(1 - p) = α_C = 1/3, not 1
  "03.caption-normalisation": "does not hold",
  // 90 % → 10 % of α_C takes log10(81)/α_C = 3 log10 81 ≈ 5.73 decades for every p
  "03.transition-sharp": "does not hold",
  // α_p → 0: ≈ 1.156 decades in 0.05–0.1 at p = 0.01, below 0.01 from N ≈ 3.3·10^10
  "03.a-range-steady": "does not hold",
  // the sizes need a unit of N, which the paper does not give
  "03.onset-unit": "not testable",
  // the drop over a window falls as p grows (L(x; p) flattens towards p)
  "03.drop-decreases-with-p": "holds",
  // a drop ≤ 0.5 decades gives p ≥ 0.0032 over 10^6–10^9 (below 0.01) but p ≥ 0.24 over 1–10^3
  "03.pedestal-from-drop": "does not hold",
  // p = 1/11 with N in units, 10/11 in millions; the crossover N = (1/0.1)^3 = 1000 either way, and
  // p(u) > p_crit(N/u) ⇔ K u^-γ/L0 < (N/u)^γ ⇔ N > (K/L0)^(1/γ): eq. 8 classifies alike in every unit
  "03.pedestal-unit": "holds",
  // Kaplan et al. 2020 is an OpenAI paper
  "03.kaplan-attribution": "typo",
};

/** p for which eq. 4 drops `d` decades between n1 and n2 (closed form, α = 1/3). */
function pForDrop(d: number, n1: number, n2: number, alpha = 1 / 3): number {
  const r = 10 ** d, a1 = n1 ** -alpha, a2 = n2 ** -alpha;
  return (a1 - r * a2) / (r - 1 + a1 - r * a2);
}

describe("pedestal.findings", () => {
  const f = findings();

  itHasVerdicts(f, "03_pedestal", EXPECTED);

  it("headline numbers of the critical size and pedestal (eqs. 7–8)", () => {
    const c = claimById(f, "03.critical-size");
    expectClose(c.numbers.nCrit, 729, { rel: 1e-12 }); // 9^3
    expectClose(claimById(f, "03.critical-pedestal-example").numbers.pCrit, 1 / 101, { rel: 1e-12 });
    expect(c.headline).toContain("N_{crit}(0.1) = 729");
    expect(c.headline).toContain("p_{crit}(10⁶) ≈ 0.0099");
    expectClose(claimById(f, "03.caption-normalisation").numbers.normalisedAtOne, 1 / 3, { rel: 1e-12 });
  });

  it("eq. 8's direction: α_p at N = 10^6 for p = 10 p_crit and p = p_crit/10", () => {
    const c = claimById(f, "03.eq8-direction");
    const at = (p: number) => {
      const u = (1 - p) * 1e-2;
      return (u / (p + u)) / 3;
    }; // x^(1/3) = 10^-2
    expectClose(c.numbers.alphaAbove, at(10 / 101), { rel: 1e-9 }); // ≈ 0.0278 < 1/6
    expectClose(c.numbers.alphaBelow, at(1 / 1010), { rel: 1e-9 }); // ≈ 0.303 > 1/6
    expect(c.reason).toContain(
      "p = p_{crit}/10 gives α_{p} = 0.303 > α_{C}/2 (C regime) and p = 10 p_{crit} gives 0.0278 < α_{C}/2 (A regime)",
    );
    expect(c.headline).toBeUndefined();
    expect(claimById(f, "03.pedestal-unit").numbers.sameClassification).toBe(1);
    expect(claimById(f, "03.caption-normalisation").headline).toContain("α_{p}(1) = α_{C} = 1/3, not 1");
  });

  it("the transition width, and its part on N ≥ 1 for p = 0.2", () => {
    const c = claimById(f, "03.transition-sharp");
    expectClose(c.numbers.decades, 3 * Math.log10(81), { rel: 1e-12 });
    expectClose(c.numbers.n90, 2.25 ** -3, { rel: 1e-12 }); // (9 · 0.2/0.8)^-3, below N = 1
    expectClose(c.numbers.decadesFromOne, 3 * Math.log10(36), { rel: 1e-12 }); // N at 10 %: (0.2/(9 · 0.8))^-3 = 36^3
    expect(c.headline).toContain("5.7 decades");
  });

  it("α_p → 0: decades in the A band and where it passes 0.01 (p = 0.01)", () => {
    const c = claimById(f, "03.a-range-steady");
    // (1/α) log10(hi (α - lo) / (lo (α - hi))) with α = 1/3, lo = 0.05, hi = 0.1
    expectClose(c.numbers.decadesInBand, 3 * Math.log10((0.1 * (1 / 3 - 0.05)) / (0.05 * (1 / 3 - 0.1))), {
      rel: 1e-12,
    });
    expectClose(c.numbers.decadesInBand, 1.1561, { abs: 1e-4 }); // 3 log10(2.4286)
    // x^α = t p / ((1 - p)(α - t)) with t = p = 0.01
    expectClose(c.numbers.nBelow001, ((0.01 * 0.01) / (0.99 * (1 / 3 - 0.01))) ** -3, { rel: 1e-12 });
    expect(c.headline).toContain("1.2 decades");
    expect(c.headline).toContain("3.3·10¹⁰");
  });

  it("the loss drop bounds p from below, by an amount that moves with the window", () => {
    const c = claimById(f, "03.pedestal-from-drop");
    expectClose(c.numbers.pLowerMin, pForDrop(0.5, 1e6, 1e9), { rel: 1e-9 }); // ≈ 0.00315
    expectClose(c.numbers.pLowerMax, pForDrop(0.5, 1, 1e3), { rel: 1e-9 }); // ≈ 0.240
    expectClose(c.numbers.pureAlphaSixDecades, 0.5 / 6, { rel: 1e-12 }); // ≈ 0.083
    expect(c.headline).toContain("p ≥ 0.0032 over N = 10⁶–10⁹");
    expect(c.headline).toContain("p ≥ 0.24 over 1–10³");
    const d = claimById(f, "03.drop-decreases-with-p").numbers;
    expect(d.dropP0001).toBeGreaterThan(d.dropP001);
  });

  it("p depends on the unit of N, the crossover does not", () => {
    const c = claimById(f, "03.pedestal-unit");
    expectClose(c.numbers.pUnits, 1 / 11, { rel: 1e-12 }); // 0.1 / (0.1 + 1)
    expectClose(c.numbers.pMillions, 10 / 11, { rel: 1e-12 }); // 0.1 / (0.1 + 10^-2)
    expectClose(c.numbers.crossoverUnits, 1000, { rel: 1e-12 }); // (1/0.1)^3
    expectClose(c.numbers.crossoverFromMillions, 1000, { rel: 1e-9 });
    expect(c.headline).toContain(
      "p = 0.0909 with N in units and 0.909 in millions, while the crossover N_{crit}(p) stays at N = 1000",
    );
  });

  it("follows α_C: at 0.34, N_crit(0.1) = 9^(1/0.34) and no 729 anywhere", () => {
    const g = findings({ alphaC: 0.34 });
    expectClose(claimById(g, "03.critical-size").numbers.nCrit, 9 ** (1 / 0.34), { rel: 1e-12 });
    const text = JSON.stringify(g) + JSON.stringify(pedestalNotes(analysis({ alphaC: 0.34 })));
    for (const s of ["729", "5.73", "0.0099", "9³"]) expect(text).not.toContain(s);
    expect(text).toContain("9^{2.941}"); // 9^(1/0.34), written in the notation
  });

  it("runs across α_C's stated range [0.11, 1], including 0.123 where half a decade over 10^6–10^9 is impossible", () => {
    for (const alphaC of [0.11, 0.123, 0.5, 1]) expect(findings({ alphaC }).claims.length).toBe(13);
    expect(pedestalNotes(analysis({ alphaC: 0.123 })).drop).toContain("none: eq. 4 cannot drop that much");
    // other parameters at the edges of their ranges: a drop no window allows, N = 1, a target above every start
    expect(claimById(findings({ observedDrop: 5 }), "03.pedestal-from-drop").verdict).toBe("does not hold");
    expect(findings({ nExample: 1, targets: [0.9], pedestals: [0.5] }).claims.length).toBe(13);
    expect(() => findings({ alphaC: 0.05 })).toThrow(/`alphaC`/);
    expect(() => findings({ windows: [[10, 1]] })).toThrow("`windows[0]` must have N1 < N2, got [10,1]");
  });
});
