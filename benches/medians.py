#!/usr/bin/env python3
"""Prints the median of every benchmark of the last `cargo bench` run, from criterion's estimates.

Usage: python3 benches/medians.py [target/criterion]
The README's performance table is made from this output.
"""
import json
import pathlib
import sys


def fmt(ns: float) -> str:
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.0f} ns"


root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")
rows = []
for est in sorted(root.glob("**/new/estimates.json")):
    name = str(est.parent.parent.relative_to(root))
    median = json.loads(est.read_text())["median"]["point_estimate"]
    rows.append((name, median))
if not rows:
    sys.exit(f"no criterion estimates under {root}: run `cargo bench --bench engine` first")
width = max(len(n) for n, _ in rows)
for name, median in rows:
    print(f"{name:<{width}}  {fmt(median)}")
