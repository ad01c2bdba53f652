"""PyTorch timings of the computations `make bench` measures in Lectern's
Engine, for the ratios the benchmark prints. Optional: nothing in Lectern
runs it. To refresh the recorded figures on a new machine:

    python3 -m venv /tmp/peers && /tmp/peers/bin/pip install torch numpy
    /tmp/peers/bin/python scripts/peers/pytorch.py

and copy the figures into scripts/bench.d/60-transformer.sh and
70-linear-attention.sh (PYTORCH_* lines). Same shapes and dtype as the
benchmark: float64, one thread, best of several runs.
"""
import time

import torch

torch.set_num_threads(1)
F = torch.nn.functional
f64 = torch.float64


def best(fn, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


# Softmax attention, n = m = 1024, d = e = 64, no mask (60-transformer).
q, k, v = (torch.rand(1, 1024, 64, dtype=f64) * 2 - 1 for _ in range(3))
print("attention            %.2f ms" % (1000 * best(lambda: F.scaled_dot_product_attention(q, k, v), 9)))

# Causal linear attention, n = 8192, d = e = 32, as cumulative sums of the
# outer products k_j v_jᵀ and of k_j (the prefix form of the lesson).
n, d = 8192, 32
Q, K = (F.elu(torch.rand(n, d, dtype=f64) * 3 - 1.5) + 1 for _ in range(2))
V = torch.rand(n, d, dtype=f64) * 3 - 1.5


def causal_linear():
    state = torch.cumsum(K[:, :, None] * V[:, None, :], 0)
    norm = torch.cumsum(K, 0)
    return torch.einsum("nd,nde->ne", Q, state) / (Q * norm).sum(1, keepdim=True)


print("causal linear        %.4f s" % best(causal_linear, 3))

# FLASH mixed-chunk attention, n = 8192, chunk 128, s = e = 64.
n, c, s, e = 8192, 128, 64, 64
g = n // c
qq, kq, ql, kl = (torch.rand(n, s, dtype=f64) * 3 - 1.5 for _ in range(4))
vv = torch.rand(n, e, dtype=f64) * 3 - 1.5
mask = torch.tril(torch.ones(c, c, dtype=f64))


def mixed(causal):
    Qg, Kg, Vg = qq.view(g, c, s), kq.view(g, c, s), vv.view(g, c, e)
    A = torch.relu(Qg @ Kg.transpose(1, 2) / c) ** 2
    if causal:
        A = A * mask
        KV = kl.view(g, c, s).transpose(1, 2) @ Vg
        before = torch.cumsum(KV, 0) - KV                    # chunks strictly before
        return (A @ Vg + ql.view(g, c, s) @ before / c).view(n, e)
    return (A @ Vg).view(n, e) + ql @ (kl.T @ vv) / n


print("mixed-chunk causal     %.4f s" % best(lambda: mixed(True), 7))
print("mixed-chunk non-causal %.4f s" % best(lambda: mixed(False), 7))
