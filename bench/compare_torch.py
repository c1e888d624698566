#!/usr/bin/python3
"""PyTorch reference for bench/mlp.ts; not a project dependency.

Times training steps (forward, mean-squared-error loss, backward, Adam update) of a two-hidden-layer
ReLU network in float64 on CPU: input 32, widths W = 16, 64, 256, one output, one batch of 1024
random points (the same batch every step, as bench/mlp.ts does). Prints one line per width:
`W steps_per_second` (steps per CPU second of the process).

Run: python3 bench/compare_torch.py THREADS   (Debian: apt-get install -y python3-torch)
"""
import sys
import time

try:
    import torch
except ImportError:
    sys.exit("compare_torch.py: PyTorch is not installed (Debian: apt-get install -y python3-torch)")

threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
torch.set_num_threads(threads)
torch.manual_seed(0)
torch.set_default_dtype(torch.float64)
x = torch.randn(1024, 32)
y = torch.randn(1024, 1)
for width in (16, 64, 256):
    net = torch.nn.Sequential(
        torch.nn.Linear(32, width), torch.nn.ReLU(), torch.nn.Linear(width, width), torch.nn.ReLU(),
        torch.nn.Linear(width, 1),
    )
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)

    def step():
        opt.zero_grad(set_to_none=True)
        loss = torch.mean((net(x) - y) ** 2)
        loss.backward()
        opt.step()

    for _ in range(5):
        step()
    # per CPU second of this process (one thread): what an idle core would give on a shared machine
    steps, t0 = 0, time.process_time()
    while time.process_time() - t0 < 1.0:
        step()
        steps += 1
    print(width, steps / (time.process_time() - t0), flush=True)
