#!/usr/bin/env python3
"""Reference timing: SciPy's L-BFGS-B on the Chinchilla Approach 3 objective (Huber, delta = 1e-3, on
log-loss residuals, log-sum-exp form) from Hoffmann et al.'s 4,500 starts, on the 240 headline runs.

Development aid for `npm run bench` only; not a dependency of the project. Needs numpy and scipy
(Debian: apt-get install -y python3-scipy); prints a message and exits 0 if they are missing.
"""
import csv
import os
import sys
import time

try:
    import numpy as np
    from scipy.optimize import minimize
except ImportError:
    print("SciPy comparison skipped: numpy/scipy missing (apt-get install -y python3-scipy)")
    sys.exit(0)

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "..", "data", "chinchilla_fig4_points.csv"), newline="") as fh:
    rows = [(float(r["Model Size"]), float(r["Training FLOP"]), float(r["loss"])) for r in csv.DictReader(fh)]
rows.sort(key=lambda r: -r[2])
rows = rows[5:]  # leave out the five highest-loss runs (ties do not occur in this file)
N = np.array([r[0] for r in rows]); C = np.array([r[1] for r in rows]); L = np.array([r[2] for r in rows])
logN, logD, logL = np.log(N), np.log(C / (6 * N)), np.log(L)
DELTA = 1e-3


def objective(v):
    a, b, e, al, be = v
    u = np.stack([a - al * logN, b - be * logD, np.full_like(logN, e)])
    m = u.max(axis=0)
    w = np.exp(u - m)
    s = w.sum(axis=0)
    r = m + np.log(s) - logL
    ar = np.abs(r)
    f = np.where(ar <= DELTA, 0.5 * r * r, DELTA * (ar - 0.5 * DELTA)).sum()
    h = np.clip(r, -DELTA, DELTA) / s
    g = np.array([(h * w[0]).sum(), (h * w[1]).sum(), (h * w[2]).sum(), -(h * w[0] * logN).sum(), -(h * w[1] * logD).sum()])
    return f, g


starts = [(a, b, e, al, be) for a in range(0, 30, 5) for b in range(0, 30, 5) for e in (-1, -0.5, 0, 0.5, 1)
          for al in (0, 0.5, 1, 1.5, 2) for be in (0, 0.5, 1, 1.5, 2)]
for label, opts in (("SciPy defaults", {}), ("tight (ftol 1e-14, gtol 1e-9)", {"ftol": 1e-14, "gtol": 1e-9, "maxiter": 500})):
    t0 = time.perf_counter()
    best = None
    for s in starts:
        r = minimize(objective, np.array(s, float), jac=True, method="L-BFGS-B", options=opts)
        if np.isfinite(r.fun) and (best is None or r.fun < best.fun):
            best = r
    dt = time.perf_counter() - t0
    a, b, e, al, be = best.x
    print(f"scipy L-BFGS-B, {label}, {len(starts)} starts: {dt:.2f} s; objective {best.fun:.10e}; "
          f"E={np.exp(e):.4f} A={np.exp(a):.2f} B={np.exp(b):.2f} alpha={al:.5f} beta={be:.5f}")
