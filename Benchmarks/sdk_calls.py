"""Authenticated REST calls a second from Coinbase's official Python SDK against a running
exchange-sim: get_accounts in a loop for the given seconds (a JWT minted per call by the SDK, its
requests session reusing the connection). Run by scripts/bench-coinbase.
   sdk_calls.py HOST:PORT KEY_FILE SECONDS   (REQUESTS_CA_BUNDLE names the certificate)"""
import sys
import time

from coinbase.rest import RESTClient

client = RESTClient(key_file=sys.argv[2], base_url=sys.argv[1])
client.get_accounts()
latencies = []
start = time.perf_counter()
while time.perf_counter() - start < float(sys.argv[3]):
    before = time.perf_counter()
    client.get_accounts()
    latencies.append((time.perf_counter() - before) * 1e6)
total = time.perf_counter() - start
latencies.sort()
p = lambda q: latencies[min(len(latencies) - 1, int(len(latencies) * q))]
print(f"python coinbase-advanced-py: {len(latencies)} calls in {total:.1f} s = {len(latencies) / total:.0f} calls/s; latency p50 {p(0.5):.0f} µs p99 {p(0.99):.0f} µs")
