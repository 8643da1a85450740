#!/usr/bin/env python3
"""Times TA-Lib's C functions on the same 1,005,550 values as SignalsBenchmarks (the real Coinbase
BTC-USD 1h candles tiled 50 times), best of 15 calls, in ns per value.

Needs `pip install ta-lib numpy` (the wheel bundles the C library). One call over the whole array
keeps Python's overhead out of the figure. The wheel builds some functions twice and picks one at
load time (an ifunc); for ATR both clones are timed by calling them at their addresses, found with
`nm`, so the portable clone can be compared with this package's portable build.

Usage: Benchmarks/talib-reference.py [path/to/shared]
"""
import ctypes, os, subprocess, sys, time

import numpy as np
import talib

shared = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TRADER_SHARED", "../shared")
candles = np.loadtxt(os.path.join(shared, "data/coinbase_btcusd_1h.csv"), delimiter=",", skiprows=1)
high, low, close = (np.ascontiguousarray(np.tile(candles[:, column], 50)) for column in (2, 3, 4))
count = len(close)


def best_ns_per_value(call):
    best = float("inf")
    for _ in range(15):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best / count * 1e9


for name, call in [
    ("EMA(12)", lambda: talib.EMA(close, 12)),
    ("RSI(14)", lambda: talib.RSI(close, 14)),
    ("ATR(14)", lambda: talib.ATR(high, low, close, 14)),
    ("BBANDS(20, 2)", lambda: talib.BBANDS(close, 20, 2, 2)),
    ("MACD(12, 26, 9)", lambda: talib.MACD(close, 12, 26, 9)),
]:
    print(f"{name:18} {best_ns_per_value(call):5.2f} ns")

libraries = os.path.join(os.path.dirname(talib.__file__), "..", "ta_lib.libs")
library = next((os.path.join(libraries, f) for f in sorted(os.listdir(libraries)) if f.startswith("libta-lib")), None)
if library is None:
    sys.exit(0)
symbols = {}
for line in subprocess.run(["nm", library], capture_output=True, text=True, check=True).stdout.splitlines():
    parts = line.split()
    if len(parts) == 3:
        symbols[parts[2]] = int(parts[0], 16)
if "TA_ATR.default" not in symbols:
    sys.exit(0)

handle = ctypes.CDLL(library)
handle.TA_Initialize()
load_base = ctypes.cast(handle.TA_ATR_OutRange, ctypes.c_void_p).value - symbols["TA_ATR_OutRange"]
doubles = ctypes.POINTER(ctypes.c_double)
signature = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, ctypes.c_int, doubles, doubles, doubles, ctypes.c_int,
                             ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int), doubles)
output = np.zeros_like(close)
begin, produced = ctypes.c_int(), ctypes.c_int()
for clone in ("TA_ATR.default", "TA_ATR.fma"):
    if clone not in symbols:
        continue
    function = signature(load_base + symbols[clone])
    arguments = (0, count - 1, high.ctypes.data_as(doubles), low.ctypes.data_as(doubles), close.ctypes.data_as(doubles),
                 14, ctypes.byref(begin), ctypes.byref(produced), output.ctypes.data_as(doubles))
    print(f"{clone:18} {best_ns_per_value(lambda: function(*arguments)):5.2f} ns")
