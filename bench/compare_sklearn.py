#!/usr/bin/python3
"""Python reference timings for bench/measured_exponents.ts; not a project dependency.

Times scikit-learn's KNeighborsRegressor (algorithm='auto' and 'brute'; fit + predict, and the
neighbour query alone) on N = 65,536 points of a 4-d manifold embedded in R^32 (the same random
construction as src/measure/manifold.ts, drawn with numpy's generator, so the same distribution, not the
same numbers) with 4,096 queries, k = 1 and 10; and a vectorised numpy version of the grid
experiment (piecewise-constant and multilinear approximants, squared error at uniform points).

Run: /usr/bin/python3 bench/compare_sklearn.py   (Debian: apt-get install -y python3-sklearn)
"""
import sys
import time

try:
    import numpy as np
except ImportError:
    sys.exit("compare_sklearn.py: numpy is not installed (Debian: apt-get install -y python3-numpy); skipping")
try:
    from sklearn.neighbors import KNeighborsRegressor
except ImportError:
    KNeighborsRegressor = None


def timed(fn, reps=3):
    fn()
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    return sorted(ts)[reps // 2]


def embedding(d, D, rng, amplitude=0.25, omega=2.0):
    Q, _ = np.linalg.qr(rng.standard_normal((D, d)))
    W = omega * rng.standard_normal((D, d))
    b = 2 * np.pi * rng.random(D)
    return lambda t: t @ Q.T + amplitude / np.sqrt(D) * np.sin(t @ W.T + b)


def smooth_target(d):
    w = 1 + np.arange(d) / d
    w = np.pi * w / np.linalg.norm(w)
    return lambda x: np.sin(x @ w + 0.5)


def knn_bench():
    if KNeighborsRegressor is None:
        print("scikit-learn is not installed (Debian: apt-get install -y python3-sklearn); skipping k-NN")
        return
    import sklearn
    N, Q, d, D = 65_536, 4_096, 4, 32
    rng = np.random.default_rng(1)
    phi, g = embedding(d, D, rng), smooth_target(d)
    t_train, t_test = rng.random((N, d)), rng.random((Q, d))
    X, Xq, y = phi(t_train), phi(t_test), g(t_train)
    print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}: N = {N} on a {d}-d manifold in R^{D}, {Q} queries")
    for algorithm in ("auto", "brute", "ball_tree", "kd_tree"):
        for k in (1, 10):
            model = KNeighborsRegressor(n_neighbors=k, algorithm=algorithm)
            fit_predict = timed(lambda: model.fit(X, y).predict(Xq))
            model.fit(X, y)
            query = timed(lambda: model.kneighbors(Xq))
            print(f"  {algorithm:9s} k = {k:2d}  query {query:.3f} s   fit + predict {fit_predict:.3f} s"
                  f"   (chose {model._fit_method})")


def grid_bench():
    M = 1 << 16
    rng = np.random.default_rng(4)
    print("numpy grid experiment: squared error of a grid approximant at uniform points (smooth target, f cached at the points)")
    for d, n in ((2, 64), (4, 8)):
        f = smooth_target(d)
        pts = rng.random((M, d))
        fx = f(pts)
        small = rng.random((4096, d))
        f_small = f(small)
        for kind in ("constant", "linear"):
            m = n if kind == "constant" else n + 1
            corners = [np.array([(c >> i) & 1 for i in range(d)]) for c in range(1 << d)]

            def build():
                axes = [(np.arange(m) + (0.5 if kind == "constant" else 0.0)) / n] * d
                grid = np.stack(np.meshgrid(*axes, indexing="ij"), axis=-1).reshape(-1, d)
                return f(grid).reshape((m,) * d)

            def mse(values, x, fvals):
                u = x * n
                j = np.clip(np.floor(u).astype(np.int64), 0, n - 1)
                if kind == "constant":
                    approx = values[tuple(j.T)]
                else:
                    t = np.clip(u - j, 0.0, 1.0)
                    approx = np.zeros(len(x))
                    for bits in corners:
                        w = np.prod(np.where(bits, t, 1 - t), axis=1)
                        approx += w * values[tuple((j + bits).T)]
                e = fvals - approx
                return np.mean(e * e)

            values = build()
            t = timed(lambda: mse(values, pts, fx), 5)
            full = timed(lambda: mse(build(), small, f_small), 5)
            print(f"  d = {d}, n = {n:2d} {kind:8s} {M / t / 1e6:.1f} M point evaluations/s;"
                  f" {1 / full:.0f} MSE estimates/s (grid build + 4096 points)")


def knn_best_json():
    """One JSON line for bench/measured_exponents.ts: scikit-learn's best fit + predict time per k (over
    its four algorithms) on the k-NN workload, and which algorithm it was."""
    import json
    if KNeighborsRegressor is None:
        print(json.dumps(None))
        return
    N, Q, d, D = 65_536, 4_096, 4, 32
    rng = np.random.default_rng(1)
    phi, g = embedding(d, D, rng), smooth_target(d)
    t_train, t_test = rng.random((N, d)), rng.random((Q, d))
    X, Xq, y = phi(t_train), phi(t_test), g(t_train)
    best = {}
    for k in (1, 10):
        for algorithm in ("brute", "ball_tree", "kd_tree"):
            model = KNeighborsRegressor(n_neighbors=k, algorithm=algorithm)
            t = timed(lambda: model.fit(X, y).predict(Xq))
            if str(k) not in best or t < best[str(k)]["seconds"]:
                best[str(k)] = {"seconds": t, "algorithm": algorithm}
    print(json.dumps(best))


if __name__ == "__main__":
    if "--knn-best-json" in sys.argv:
        knn_best_json()
    else:
        knn_bench()
        grid_bench()
