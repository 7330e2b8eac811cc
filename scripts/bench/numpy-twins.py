"""NumPy twins of mixscope's js forms, timed the way the bench times them: median of runs.

Reads one JSON request on stdin ({"lengths": [...], "d": 64, "dv": 64, "runs": 7}) and prints one
JSON object: per (form, L) the median wall ms and the median process CPU ms (all BLAS threads).
The twins are what a NumPy user would write: dense products on OpenBLAS, a Python loop for the
recurrence.
"""
import json
import sys
import time

import numpy as np


def softmax_materialized(Q, K, V, scale):
    L = Q.shape[0]
    S = (Q @ K.T) * scale
    S[np.triu_indices(L, 1)] = -np.inf
    S -= S.max(axis=1, keepdims=True)
    np.exp(S, out=S)
    S /= S.sum(axis=1, keepdims=True)
    return S @ V


def phi(x):
    return np.where(x > 0, x + 1, np.exp(np.minimum(x, 0)))


def linear_recurrent(Q, K, V, _scale):
    L, d = Q.shape
    S = np.zeros((d, V.shape[1]), dtype=Q.dtype)
    z = np.zeros(d, dtype=Q.dtype)
    fQ, fK = phi(Q), phi(K)
    Y = np.empty_like(V)
    for t in range(L):
        k = fK[t]
        S += np.outer(k, V[t])
        z += k
        q = fQ[t]
        Y[t] = (q @ S) / (q @ z)
    return Y


TWINS = {
    "softmax-attention/materialized": softmax_materialized,
    "linear-attention/recurrent": linear_recurrent,
}


def timed(fn, args, runs):
    fn(*args)
    wall, cpu = [], []
    for _ in range(runs):
        w0, c0 = time.perf_counter(), time.process_time()
        fn(*args)
        wall.append((time.perf_counter() - w0) * 1e3)
        cpu.append((time.process_time() - c0) * 1e3)
    return float(np.median(wall)), float(np.median(cpu))


def main():
    req = json.load(sys.stdin)
    rng = np.random.default_rng(1)
    out = {"numpy": np.__version__, "results": []}
    for L in req["lengths"]:
        d, dv = req["d"], req["dv"]
        Q = (rng.standard_normal((L, d)) / d ** 0.25).astype(np.float32)
        K = (rng.standard_normal((L, d)) / d ** 0.25).astype(np.float32)
        V = rng.standard_normal((L, dv)).astype(np.float32)
        for name, fn in TWINS.items():
            wall, cpu = timed(fn, (Q, K, V, np.float32(1 / d ** 0.5)), req["runs"])
            out["results"].append({"form": name, "L": L, "wallMs": wall, "cpuMs": cpu})
    json.dump(out, sys.stdout)


main()
