#!/usr/bin/python3
"""PyTorch reference throughput for bench/lm.ts; not a project dependency.

Builds the same character transformer as src/learn/lm/model.ts (GPT-2 block: pre-norm, causal
multi-head attention with a packed qkv projection, 4x MLP with tanh-approximated GELU, learned
position embeddings, output tied to the token embedding), float32, and times training steps
(forward, backward, global-norm clip 1, AdamW) on random batches of the same shape (batch 16,
context 64, vocabulary 85), single-threaded by default (torch.set_num_threads). Prints one JSON line
per size: {"name", "N", "tokens_per_s"}, tokens per CPU second of this process (time.process_time,
as bench/compare_torch.py), so that a shared machine's other jobs do not count.

Run: /usr/bin/python3 bench/compare_torch_lm.py [--threads 1] [--seconds 3] NAME:WIDTH:LAYERS:HEADS ...
or with --serve, one measurement per line 'NAME:WIDTH:LAYERS:HEADS SECONDS' read from stdin (one JSON
line each, after a first {"ready": true, "threads": n}): bench/lm.ts alternates these with its own, so
that both see the same load. (Debian: apt-get install -y python3-torch)
"""
import argparse
import json
import math
import sys
import time

try:
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
except ImportError:
    sys.exit("compare_torch_lm.py: PyTorch is not installed (Debian: apt-get install -y python3-torch); skipping")


class Block(nn.Module):
    def __init__(self, C, H):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(C), nn.LayerNorm(C)
        self.qkv, self.proj = nn.Linear(C, 3 * C), nn.Linear(C, C)
        self.fc, self.fc2 = nn.Linear(C, 4 * C), nn.Linear(4 * C, C)
        self.H = H

    def forward(self, x):
        B, T, C = x.shape
        q, k, v = self.qkv(self.ln1(x)).split(C, dim=2)
        q, k, v = (t.view(B, T, self.H, C // self.H).transpose(1, 2) for t in (q, k, v))
        att = (q @ k.transpose(-2, -1)) / math.sqrt(C // self.H)
        mask = torch.ones(T, T, dtype=torch.bool).tril()
        att = att.masked_fill(~mask, float("-inf")).softmax(dim=-1)
        y = (att @ v).transpose(1, 2).contiguous().view(B, T, C)
        x = x + self.proj(y)
        return x + self.fc2(F.gelu(self.fc(self.ln2(x)), approximate="tanh"))


class CharTransformer(nn.Module):
    def __init__(self, V, T, C, L, H):
        super().__init__()
        self.wte, self.wpe = nn.Embedding(V, C), nn.Embedding(T, C)
        self.blocks = nn.ModuleList(Block(C, H) for _ in range(L))
        self.lnf = nn.LayerNorm(C)

    def forward(self, idx, targets):
        x = self.wte(idx) + self.wpe(torch.arange(idx.shape[1]))
        for b in self.blocks:
            x = b(x)
        logits = self.lnf(x) @ self.wte.weight.T
        return F.cross_entropy(logits.view(-1, logits.shape[-1]), targets.view(-1))


def measure(spec, seconds, a):
    """Tokens per CPU second of training steps of the model NAME:WIDTH:LAYERS:HEADS, for `seconds`."""
    name, C, L, H = spec.split(":")
    C, L, H = int(C), int(L), int(H)
    torch.manual_seed(0)
    m = CharTransformer(a.vocab, a.context, C, L, H)
    N = L * (12 * C * C + 13 * C) + 2 * C
    opt = torch.optim.AdamW(m.parameters(), lr=1e-3, betas=(0.9, 0.99), weight_decay=0.1)
    x = torch.randint(0, a.vocab, (a.batch, a.context))
    y = torch.randint(0, a.vocab, (a.batch, a.context))

    def step():
        opt.zero_grad(set_to_none=True)
        loss = m(x, y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(m.parameters(), 1.0)
        opt.step()

    for _ in range(3):
        step()
    n, t0 = 0, time.process_time()
    while time.process_time() - t0 < seconds:
        step()
        n += 1
    s = time.process_time() - t0
    return {"name": name, "N": N, "tokens_per_s": n * a.batch * a.context / s}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--context", type=int, default=64)
    ap.add_argument("--vocab", type=int, default=85)
    ap.add_argument("--serve", action="store_true", help="read 'NAME:WIDTH:LAYERS:HEADS SECONDS' lines from stdin")
    ap.add_argument("sizes", nargs="*")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    if a.serve:
        # one measurement per request, so that the caller can alternate its own with these
        print(json.dumps({"ready": True, "threads": torch.get_num_threads()}), flush=True)
        for line in sys.stdin:
            if line.strip():
                spec, seconds = line.split()
                print(json.dumps(measure(spec, float(seconds), a)), flush=True)
        return
    for spec in a.sizes:
        print(json.dumps(measure(spec, a.seconds, a)), flush=True)


if __name__ == "__main__":
    main()
