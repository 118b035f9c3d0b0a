#!/usr/bin/env python3
"""The GPU benchmark's peer: PyTorch on the same workload as ffnlab.backend.gpu.GpuBenchmark.

Network [784, 512, 512, 10], ReLU, softmax + cross-entropy (mean), SGD lr 0.001, PATTERNS synthetic patterns
(pixels uniform in [0, 1], labels uniform over 10 classes), one epoch = one pass in a fresh random order with
the batch gathered on the device. Per batch size: one warm-up epoch, then the median of EPOCHS timed epochs,
each timed from the permutation to the summed loss read back, as the Java benchmark times its epochs.

Modes: torch-eager (one launch per operation) and torch-cudagraph (each full-size step captured once with
torch.cuda.graph and replayed; the last, smaller batch runs eagerly), the counterparts of ffnlab's direct launches
and CUDA graphs.

Output, one line each, machine-readable (read by ffnlab.backend.gpu.PeerTimings):
    peer-info torch=VERSION cuda=VERSION device=NAME
    peer MODE BATCH SECONDS
    peer-failed MODE BATCH REASON
Exit status 0 when at least one timing was printed, 3 when PyTorch or a CUDA device is missing (the reason on
a 'peer-unavailable' line), 1 when every mode failed.

    python3 torch_peer_gpu.py [--batches 16,32,64,128,256] [--epochs 3] [--patterns 60000]
"""
import argparse
import statistics
import sys
import time


def unavailable(reason):
    print("peer-unavailable " + " ".join(str(reason).split()), flush=True)
    sys.exit(3)


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--batches", default="16,32,64,128,256")
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--patterns", type=int, default=60000)
    a = p.parse_args(argv)
    a.batches = [int(b) for b in a.batches.split(",") if b.strip()]
    if a.epochs < 1 or a.patterns < 1 or any(b < 1 for b in a.batches):
        p.error("batches, epochs and patterns must be positive")
    return a


def main(argv):
    args = parse_args(argv)
    try:
        import torch
    except Exception as e:  # ImportError, or a broken installation
        unavailable("PyTorch cannot be imported: %s" % e)
    if not torch.cuda.is_available():
        unavailable("PyTorch %s sees no CUDA device" % torch.__version__)
    dev = torch.device("cuda")
    print("peer-info torch=%s cuda=%s device=%s" % (torch.__version__, torch.version.cuda,
                                                    torch.cuda.get_device_name(0).replace(" ", "_")), flush=True)
    torch.manual_seed(1)
    x = torch.rand(args.patterns, 784, device=dev)
    y = torch.randint(0, 10, (args.patterns,), device=dev)

    def network():
        torch.manual_seed(42)
        return torch.nn.Sequential(torch.nn.Linear(784, 512), torch.nn.ReLU(), torch.nn.Linear(512, 512),
                                   torch.nn.ReLU(), torch.nn.Linear(512, 10)).to(dev)

    def eager_step(model, opt, loss_fn, idx):
        opt.zero_grad(set_to_none=False)
        loss = loss_fn(model(x[idx]), y[idx])
        loss.backward()
        opt.step()
        return loss.detach() * idx.numel()

    def epochs_eager(batch):
        model = network()
        opt = torch.optim.SGD(model.parameters(), lr=0.001)
        loss_fn = torch.nn.CrossEntropyLoss()

        def epoch():
            perm = torch.randperm(args.patterns, device=dev)
            total = torch.zeros((), device=dev)
            for i in range(0, args.patterns, batch):
                total += eager_step(model, opt, loss_fn, perm[i:i + batch])
            return total.item()
        return timed(epoch)

    def epochs_graph(batch):
        model = network()
        opt = torch.optim.SGD(model.parameters(), lr=0.001)
        loss_fn = torch.nn.CrossEntropyLoss()
        full = args.patterns // batch
        if full == 0:
            raise RuntimeError("fewer patterns than one batch")
        static_idx = torch.arange(batch, device=dev)
        side = torch.cuda.Stream()
        side.wait_stream(torch.cuda.current_stream())
        with torch.cuda.stream(side):  # warm-up on a side stream, as torch.cuda.graph requires
            for _ in range(3):
                eager_step(model, opt, loss_fn, static_idx)
        torch.cuda.current_stream().wait_stream(side)
        graph = torch.cuda.CUDAGraph()
        opt.zero_grad(set_to_none=False)
        with torch.cuda.graph(graph):
            static_loss = eager_step(model, opt, loss_fn, static_idx)

        def epoch():
            perm = torch.randperm(args.patterns, device=dev)
            total = torch.zeros((), device=dev)
            for i in range(full):
                static_idx.copy_(perm[i * batch:(i + 1) * batch])
                graph.replay()
                total += static_loss
            if full * batch < args.patterns:
                total += eager_step(model, opt, loss_fn, perm[full * batch:])
            return total.item()
        return timed(epoch)

    def timed(epoch):
        epoch()  # warm-up
        torch.cuda.synchronize()
        seconds = []
        for _ in range(args.epochs):
            start = time.perf_counter()
            loss = epoch()
            seconds.append(time.perf_counter() - start)
            if loss != loss or loss in (float("inf"), float("-inf")):
                raise RuntimeError("loss became %r" % loss)
        return statistics.median(seconds)

    printed = 0
    for batch in args.batches:
        for mode, run in (("torch-eager", epochs_eager), ("torch-cudagraph", epochs_graph)):
            try:
                print("peer %s %d %.6f" % (mode, batch, run(batch)), flush=True)
                printed += 1
            except Exception as e:  # one mode failing must not hide the others' timings
                print("peer-failed %s %d %s" % (mode, batch, " ".join(("%s: %s" % (type(e).__name__, e)).split())),
                      flush=True)
    return 0 if printed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
