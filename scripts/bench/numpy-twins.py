"""NumPy twins of mixscope's js forms, timed the way the bench times them: median of runs.

Reads one JSON request on stdin ({"jobs": [{"form": ..., "L": ...}], "d": 64, "dv": 64,
"state": 16, "runs": 7}) and prints one JSON object: per job the median wall ms and the median
process CPU ms (all BLAS threads). The twins are what a NumPy user would write: dense products on
OpenBLAS, decay masks as exp of differences of cumulative log gates (MIXERS.md's
exp(segsum(log a))), a Python loop of vector operations for each recurrence.
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


def decay_mask(cs_rows, cs_cols):
    """exp(cs_t − cs_s) on one triangle (0 elsewhere); differences clipped at 0 so exp never overflows."""
    D = np.exp(np.minimum(cs_rows[:, None] - cs_cols[None, :], 0))
    return np.tril(D)


def ssd_quadratic(X, a, B, C):
    cs = np.cumsum(np.log(a))
    return (decay_mask(cs, cs) * (C @ B.T)) @ X


def ssd_scan(X, a, B, C):
    h = np.zeros((B.shape[1], X.shape[1]), dtype=X.dtype)
    Y = np.empty_like(X)
    for t in range(X.shape[0]):
        h *= a[t]
        h += np.outer(B[t], X[t])
        Y[t] = C[t] @ h
    return Y


def ssd_chunked(X, a, B, C, Q=64):
    """The minimal SSD listing: diagonal blocks, chunk states, a scan over chunks, state to output."""
    L, P = X.shape
    N = B.shape[1]
    c = L // Q
    Xc, Bc, Cc = X.reshape(c, Q, P), B.reshape(c, Q, N), C.reshape(c, Q, N)
    cs = np.cumsum(np.log(a).reshape(c, Q), axis=1)
    G = np.tril(np.exp(np.minimum(cs[:, :, None] - cs[:, None, :], 0)))
    Y = (G * (Cc @ Bc.transpose(0, 2, 1))) @ Xc
    states = (Bc * np.exp(cs[:, -1:] - cs)[:, :, None]).transpose(0, 2, 1) @ Xc
    entering = np.empty_like(states)
    h = np.zeros((N, P), dtype=X.dtype)
    for i in range(c):
        entering[i] = h
        h = np.exp(cs[i, -1]) * h + states[i]
    Y += (Cc @ entering) * np.exp(cs)[:, :, None]
    return Y.reshape(L, P)


def gau_materialized(Q, K, V, scale, beta=0.0):
    L = Q.shape[0]
    A = np.maximum(Q @ K.T * scale + beta, 0)
    A = np.tril(A * A) / L
    return A @ V


def hydra_materialized(X, a, B, C, skip=1.0):
    L = X.shape[0]
    cs = np.cumsum(np.log(a))
    zero = np.zeros((1, C.shape[1]), dtype=C.dtype)
    down = np.vstack([zero, C[:-1]])  # row t holds C_{t−1}
    up = np.vstack([C[1:], zero])  # row t holds C_{t+1}
    cs_down = np.concatenate([[0], cs[:-1]]).astype(cs.dtype)
    M = decay_mask(cs_down, cs) * np.tril(down @ B.T, -1)
    upper_decay = np.triu(np.exp(np.minimum(cs_down[None, :] - cs[:, None], 0)), 1)
    M += upper_decay * np.triu(up @ B.T, 1)
    M[np.diag_indices(L)] = skip
    return M @ X


def hydra_scan(X, a, B, C, skip=1.0):
    L = X.shape[0]
    h = np.zeros((B.shape[1], X.shape[1]), dtype=X.dtype)
    g = np.zeros_like(h)
    Y = skip * X
    for t in range(L):
        u = L - 1 - t
        h *= a[t]
        h += np.outer(B[t], X[t])
        g *= a[u]
        g += np.outer(B[u], X[u])
        if t + 1 < L:
            Y[t + 1] += C[t] @ h
        if u >= 1:
            Y[u - 1] += C[u] @ g
    return Y


def four_step(Q, K, V, _scale):
    """Structured-mask attention's four steps, causal mask: Z = k_t v_tᵀ, H = prefix sum over t, y_t = H_tᵀ q_t."""
    H = np.cumsum(K[:, :, None] * V[:, None, :], axis=0)
    return np.matmul(Q[:, None, :], H)[:, 0, :]


def ttt_recurrent(Q, K, V, eta, _b=16):
    L, d = Q.shape
    W = np.zeros((V.shape[1], d), dtype=Q.dtype)
    Y = np.empty_like(V)
    for t in range(L):
        e = W @ K[t] - V[t]
        W -= np.outer(eta * e, K[t])
        Y[t] = W @ Q[t]
    return Y


def ttt_mini_batch(Q, K, V, eta, b=16):
    L, d = Q.shape
    W = np.zeros((V.shape[1], d), dtype=Q.dtype)
    Y = np.empty_like(V)
    for t0 in range(0, L, b):
        Qb, Kb, Vb = Q[t0:t0 + b], K[t0:t0 + b], V[t0:t0 + b]
        E = Kb @ W.T - Vb
        Y[t0:t0 + b] = Qb @ W.T - eta * (np.tril(Qb @ Kb.T) @ E)
        W -= eta * (E.T @ Kb)
    return Y


def mlstm_recurrent(Q, K, V, igate, fgate):
    L, d = Q.shape
    Ks = K / np.float32(np.sqrt(d))
    C = np.zeros((d, V.shape[1]), dtype=Q.dtype)
    n = np.zeros(d, dtype=Q.dtype)
    Y = np.empty_like(V)
    m = -np.inf
    log_f = -np.logaddexp(0, -fgate.astype(np.float64))
    for t in range(L):
        m_new = max(log_f[t] + m, float(igate[t]))
        f = np.float32(np.exp(log_f[t] + m - m_new))
        i = np.float32(np.exp(igate[t] - m_new))
        m = m_new
        C *= f
        C += np.outer(i * Ks[t], V[t])
        n *= f
        n += i * Ks[t]
        Y[t] = (Q[t] @ C) / max(abs(float(n @ Q[t])), np.exp(-m))
    return Y


def ssm_materialized(X, Abar, B, C):
    L, D = X.shape
    Y = np.empty_like(X)
    for c in range(D):
        cs = np.cumsum(np.log(Abar[:, c, :]), axis=0)
        decay = np.exp(np.minimum(cs[:, None, :] - cs[None, :, :], 0))
        M = np.tril((decay * C[:, None, :] * B[None, :, :]).sum(axis=2))
        Y[:, c] = M @ X[:, c]
    return Y


def ssm_scan(X, Abar, B, C):
    L, D = X.shape
    h = np.zeros((D, B.shape[1]), dtype=X.dtype)
    Y = np.empty_like(X)
    for t in range(L):
        h *= Abar[t]
        h += np.outer(X[t], B[t])
        Y[t] = h @ C[t]
    return Y


QKV = {
    "softmax-attention/materialized": softmax_materialized,
    "linear-attention/recurrent": linear_recurrent,
    "masked-attention/four-step": four_step,
    "gau/materialized": lambda Q, K, V, scale: gau_materialized(Q, K, V, scale),
    "ttt-linear/recurrent": lambda Q, K, V, _s: ttt_recurrent(Q, K, V, np.float32(1 / Q.shape[1])),
    "ttt-linear/mini-batch": lambda Q, K, V, _s: ttt_mini_batch(Q, K, V, np.float32(1 / Q.shape[1])),
}
SSD = {
    "ssd/quadratic": ssd_quadratic,
    "ssd/scan": ssd_scan,
    "ssd/chunked": ssd_chunked,
    "hydra/materialized": hydra_materialized,
    "hydra/scan": hydra_scan,
}


def gates(rng, n, low, high):
    return np.exp(-rng.uniform(-np.log(high), -np.log(low), n)).astype(np.float32)


def arguments(form, L, d, dv, r, rng):
    """The form's inputs, drawn as the mixer's randomInputs draws them (same shapes and ranges)."""
    normal = lambda *shape, s=1.0: (rng.standard_normal(shape) * s).astype(np.float32)
    if form in QKV or form == "mlstm/recurrent":
        Q, K, V = normal(L, d, s=d ** -0.25), normal(L, d, s=d ** -0.25), normal(L, dv)
        if form == "mlstm/recurrent":
            return mlstm_recurrent, (Q, K, V, normal(L), rng.uniform(2, 5, L).astype(np.float32))
        return QKV[form], (Q, K, V, np.float32(1 / d ** 0.5))
    if form in SSD:
        low, high = (np.exp(-0.3), np.exp(-0.01)) if form.startswith("hydra") else (0.85, 0.999)
        return SSD[form], (normal(L, dv), gates(rng, L, low, high), normal(L, d, s=d ** -0.25), normal(L, d, s=d ** -0.25))
    if form.startswith("ssm/"):
        return ssm_materialized if form == "ssm/materialized" else ssm_scan, (normal(L, d), gates(rng, L * d * r, 0.85, 0.999).reshape(L, d, r), normal(L, r, s=r ** -0.25), normal(L, r, s=r ** -0.25))
    raise ValueError(f"no NumPy twin for {form}")


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
    d, dv, r = req["d"], req["dv"], req.get("state", 16)
    out = {"numpy": np.__version__, "results": []}
    for job in req["jobs"]:
        fn, args = arguments(job["form"], job["L"], d, dv, r, rng)
        wall, cpu = timed(fn, args, job.get("runs", req["runs"]))
        out["results"].append({"form": job["form"], "L": job["L"], "wallMs": wall, "cpuMs": cpu})
    json.dump(out, sys.stdout)


main()
