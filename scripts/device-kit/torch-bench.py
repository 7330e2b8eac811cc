"""PyTorch at the device kit's shapes, so each of our medians has PyTorch's on the same card beside it.

Kernels (one head, batch 1, float32, and float16 on CUDA with --half):
  sdpa                        torch.nn.functional.scaled_dot_product_attention, causal
                              (softmax-manual, plain ops, where torch < 2.0 lacks it)
  ssd-chunked                 Mamba-2's chunked SSD ("minimal SSD") in plain torch ops, chunk 64
  linear-attention-recurrent  S_t = S_{t-1} + phi(k_t) v_t^T, y_t = phi(q_t) S_t / phi(q_t) z_t, a token loop

Timing: warm-up, then repeated runs with torch.cuda.synchronize() around each (wall clock on CPU),
until --min-ms of samples or --reps runs; median, p10 and p90 in ms. Writes one JSON file.
Each twin is first checked against its token-by-token definition in float64 (self_check).
"""
import argparse
import json
import platform
import statistics
import time

import torch
import torch.nn.functional as F


def phi(x):
    return F.elu(x) + 1.0


def sdpa(q, k, v):
    return F.scaled_dot_product_attention(q[None, None], k[None, None], v[None, None], is_causal=True)[0, 0]


def softmax_manual(q, k, v):
    """Causal softmax attention in plain ops, for a torch without scaled_dot_product_attention (< 2.0)."""
    L = q.shape[0]
    s = (q @ k.T) / q.shape[1] ** 0.5
    s = s.masked_fill(torch.triu(torch.ones(L, L, dtype=torch.bool, device=q.device), 1), float("-inf"))
    return torch.softmax(s, dim=-1) @ v


def linear_recurrent(q, k, v):
    L, d = q.shape
    S = q.new_zeros(d, v.shape[1])
    z = q.new_zeros(d)
    out = torch.empty(L, v.shape[1], device=q.device, dtype=q.dtype)
    fq, fk = phi(q), phi(k)
    for t in range(L):
        S = S + torch.outer(fk[t], v[t])
        z = z + fk[t]
        out[t] = (fq[t] @ S) / (fq[t] @ z)
    return out


def segsum(x):
    T = x.shape[-1]
    cs = torch.cumsum(x, dim=-1)
    out = cs[..., :, None] - cs[..., None, :]
    mask = torch.tril(torch.ones(T, T, device=x.device, dtype=torch.bool))
    return out.masked_fill(~mask, float("-inf"))


def ssd_chunked(X, A, B, C, chunk=64):
    """Minimal SSD (Dao & Gu 2024, listing 1) for one head: X (L, dv), A (L,) log decays, B, C (L, N)."""
    L = X.shape[0]
    pad = (-L) % chunk
    if pad:
        X, B, C = (F.pad(t, (0, 0, 0, pad)) for t in (X, B, C))
        A = F.pad(A, (0, pad))
    n = X.shape[0] // chunk
    X, B, C = (t.reshape(n, chunk, -1) for t in (X, B, C))
    A = A.reshape(n, chunk)
    A_cs = torch.cumsum(A, dim=-1)
    Lmat = torch.exp(segsum(A))
    Y_diag = torch.einsum("cln,csn,cls,csp->clp", C, B, Lmat, X)
    decay_states = torch.exp(A_cs[:, -1:] - A_cs)
    states = torch.einsum("cln,cl,clp->cnp", B, decay_states, X)
    states = torch.cat([torch.zeros_like(states[:1]), states], dim=0)
    decay_chunk = torch.exp(segsum(F.pad(A_cs[:, -1], (1, 0))))
    states = torch.einsum("zc,cnp->znp", decay_chunk, states)[:-1]
    Y_off = torch.einsum("cln,cnp,cl->clp", C, states, torch.exp(A_cs))
    return (Y_diag + Y_off).reshape(n * chunk, -1)[:L]


def self_check():
    """The torch twins against their token-by-token definitions in float64, before anything is timed."""
    g = torch.Generator().manual_seed(0)
    L, d, dv, N = 11, 3, 4, 5
    r = lambda *shape: torch.randn(*shape, generator=g, dtype=torch.float64)
    q, k, v = r(L, d), r(L, d), r(L, dv)
    fq, fk = phi(q), phi(k)
    w = torch.tril(fq @ fk.T)
    want = (w @ v) / w.sum(dim=1, keepdim=True)
    assert torch.allclose(linear_recurrent(q, k, v), want, atol=1e-10), "linear-attention recurrence"
    A, B, C = -torch.rand(L, generator=g, dtype=torch.float64), r(L, N), r(L, N)
    h, ys = torch.zeros(N, dv, dtype=torch.float64), []
    for t in range(L):
        h = torch.exp(A[t]) * h + torch.outer(B[t], v[t])
        ys.append(C[t] @ h)
    assert torch.allclose(ssd_chunked(v, A, B, C, chunk=4), torch.stack(ys), atol=1e-10), "chunked SSD"
    s = (q @ k.T) / d ** 0.5
    s = s.masked_fill(torch.triu(torch.ones(L, L, dtype=torch.bool), 1), float("-inf"))
    assert torch.allclose(softmax_manual(q, k, v), torch.softmax(s, -1) @ v, atol=1e-10), "softmax"
    if hasattr(F, "scaled_dot_product_attention"):
        assert torch.allclose(sdpa(q, k, v), softmax_manual(q, k, v), atol=1e-10), "scaled_dot_product_attention"


def timed(fn, device, reps, min_ms, warmup=2):
    sync = torch.cuda.synchronize if device.type == "cuda" else (lambda: None)
    with torch.no_grad():
        for _ in range(warmup):
            fn()
        sync()
        samples = []
        while len(samples) < 3 or (len(samples) < reps and sum(samples) < min_ms):
            t0 = time.perf_counter()
            fn()
            sync()
            samples.append((time.perf_counter() - t0) * 1e3)
    samples.sort()
    pick = lambda p: samples[min(len(samples) - 1, int(p * len(samples)))]
    return {"medianMs": statistics.median(samples), "p10Ms": pick(0.1), "p90Ms": pick(0.9), "samples": len(samples)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lengths", required=True)
    ap.add_argument("--d", type=int, required=True)
    ap.add_argument("--dv", type=int, required=True)
    ap.add_argument("--state", type=int, default=16)
    ap.add_argument("--reps", type=int, default=20)
    ap.add_argument("--min-ms", type=float, default=200.0)
    ap.add_argument("--max-recurrent-L", type=int, default=4096, help="the token loop is skipped past this L")
    ap.add_argument("--half", action="store_true", help="also float16 (CUDA only)")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    self_check()
    attention = "sdpa" if hasattr(F, "scaled_dot_product_attention") else "softmax-manual"
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    dtypes = [torch.float32] + ([torch.float16] if args.half and device.type == "cuda" else [])
    gen = torch.Generator().manual_seed(1)
    points, skipped = [], []
    for dtype in dtypes:
        for L in (int(x) for x in args.lengths.split(",")):
            r = lambda *shape: torch.randn(*shape, generator=gen).to(device=device, dtype=dtype)
            q, k, v = r(L, args.d) * 0.3, r(L, args.d) * 0.3, r(L, args.dv)
            A = -torch.rand(L, generator=gen).to(device=device, dtype=dtype) * 0.1
            B, C = r(L, args.state), r(L, args.state)
            runs = {
                attention: (lambda: sdpa(q, k, v)) if attention == "sdpa" else (lambda: softmax_manual(q, k, v)),
                "ssd-chunked": lambda: ssd_chunked(v, A, B, C),
            }
            if L <= args.max_recurrent_L:
                runs["linear-attention-recurrent"] = lambda: linear_recurrent(q, k, v)
            else:
                skipped.append(f"linear-attention-recurrent L={L}: past --max-recurrent-L")
            for name, fn in runs.items():
                try:
                    stats = timed(fn, device, args.reps, args.min_ms)
                    points.append({"kernel": name, "L": L, "dtype": str(dtype).replace("torch.", ""), **stats})
                except Exception as err:  # one failing kernel (out of memory) must not lose the others
                    skipped.append(f"{name} L={L} {dtype}: {err}")
            print(f"torch L={L} {dtype}: done", flush=True)

    info = {
        "torch": torch.__version__,
        "device": torch.cuda.get_device_name(0) if device.type == "cuda" else platform.processor() or "cpu",
        "cuda": torch.version.cuda,
        "python": platform.python_version(),
        "shapes": {"lengths": args.lengths, "d": args.d, "dv": args.dv, "state": args.state},
        "points": points,
        "skipped": skipped,
    }
    with open(args.out, "w") as f:
        json.dump(info, f, indent=2)


if __name__ == "__main__":
    main()
