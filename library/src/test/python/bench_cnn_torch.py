#!/usr/bin/env python3
"""PyTorch reference for `./lab bench cnn`: LeNet-5 (conv 6@5x5, ReLU, max pool 2, conv 16@5x5, ReLU, max pool 2,
256-120-84-10), softmax cross-entropy, Adam lr 1e-3, batch 64, one epoch of 60,000 28x28 inputs (the bundled
MNIST 10k digits tiled six times, shuffled each epoch), float32 on the CPU.

Usage: /usr/bin/python3 bench_cnn_torch.py [--threads N] [--repeats R] [--epochs E]
Prints one line per repeat and the median in seconds. For the benchmark only (Debian: apt-get install
python3-torch); the tests never need it.
"""
import argparse
import gzip
import os
import statistics
import struct
import time

import numpy as np
import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "main", "resources", "visionlab", "data")


def idx(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    magic = struct.unpack(">I", raw[:4])[0]
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, raw[4:4 + 4 * dims])
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def lenet5():
    return nn.Sequential(
        nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(256, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    images = idx(os.path.join(DATA, "mnist-10k-images-idx3-ubyte.gz")).astype(np.float32) / 255.0
    labels = idx(os.path.join(DATA, "mnist-10k-labels-idx1-ubyte.gz")).astype(np.int64)
    x = torch.from_numpy(np.tile(images, (6, 1, 1))).unsqueeze(1)  # [60000, 1, 28, 28]
    y = torch.from_numpy(np.tile(labels, 6))
    n = x.shape[0]
    times = []
    for rep in range(a.repeats):
        net = lenet5()
        opt = torch.optim.Adam(net.parameters(), lr=1e-3)
        loss_fn = nn.CrossEntropyLoss()
        t0 = time.perf_counter()
        for _ in range(a.epochs):
            perm = torch.randperm(n)
            for i in range(0, n, 64):
                b = perm[i:i + 64]
                opt.zero_grad(set_to_none=True)
                loss = loss_fn(net(x[b]), y[b])
                loss.backward()
                opt.step()
        dt = time.perf_counter() - t0
        times.append(dt)
        print(f"torch {torch.__version__}, {a.threads} thread(s), repeat {rep + 1}: {dt:.3f} s, last loss {loss.item():.4f}",
              flush=True)
    print(f"median: {statistics.median(times):.3f} s ({a.threads} thread(s), {a.epochs} epoch(s) of {n} inputs)")


if __name__ == "__main__":
    main()
