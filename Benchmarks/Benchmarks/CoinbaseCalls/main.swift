// Authenticated REST calls a second from one CoinbaseAdapter against a running exchange-sim
// (GET /accounts, a JWT minted per call, the connection reused), run by scripts/bench-coinbase:
//   1. one call at a time for SECONDS: calls/s, latency p50/p99;
//   2. the same requests sent raw through CurlHTTP with one token minted beforehand, for the
//      transport and the server's share; the adapter's latency minus this is the client's own
//      added latency (JWT, budget, decoding);
//   3. the JWT mint alone, p50/p99;
//   4. CONCURRENCY calls in flight from the same adapter for SECONDS: calls/s.
//   CoinbaseCalls BASE_URL KEY_FILE CA_FILE SECONDS [CONCURRENCY]
import CoinbaseAdapter
import CurlHTTP
import Foundation
import TraderCore

let arguments = CommandLine.arguments
guard arguments.count >= 5, let seconds = Double(arguments[4]), let keyFile = FileManager.default.contents(atPath: arguments[2]) else {
    FileHandle.standardError.write(Data("usage: CoinbaseCalls BASE_URL KEY_FILE CA_FILE SECONDS [CONCURRENCY]\n".utf8))
    exit(2)
}
let concurrency = arguments.count > 5 ? Int(arguments[5]) ?? 8 : 8
let baseURL = arguments[1]
let credentials = try CoinbaseCredentials(keyFileJSON: Array(keyFile))
let unlimited = (perSecond: 1e9, burst: 1e9)
let adapter = CoinbaseAdapter(
    configuration: CoinbaseConfiguration(
        baseURL: baseURL, credentials: credentials, privateRate: unlimited, publicRate: unlimited, caFile: arguments[3]))

/// Microseconds of `duration`.
func micros(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
}

/// The value at fraction `p` of sorted `values`.
func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

/// Runs `call` one at a time for `seconds`: how many, in how long, and each one's latency (µs).
func sequential(_ call: () async throws -> Void) async throws -> (rate: Double, latencies: [Double]) {
    try await call()
    var latencies: [Double] = []
    let start = ContinuousClock.now
    while ContinuousClock.now - start < .seconds(seconds) {
        let before = ContinuousClock.now
        try await call()
        latencies.append(micros(ContinuousClock.now - before))
    }
    return (Double(latencies.count) / (micros(ContinuousClock.now - start) / 1e6), latencies)
}

let viaAdapter = try await sequential { _ = try await adapter.balances() }

let host = String(baseURL.split(separator: "/")[1])
let path = "/api/v3/brokerage/accounts"
let token = CoinbaseJWT.token(for: credentials, method: "GET", host: host, path: path, now: SystemClock().now())
let http = HTTPClient(configuration: HTTPClient.Configuration(caFile: arguments[3]))
let raw = HTTPRequest(method: "GET", url: baseURL + path + "?limit=250", headers: [("Authorization", "Bearer \(token)")])
let viaCurl = try await sequential {
    guard try await http.send(raw).status == 200 else { throw CocoaError(.fileReadUnknown) }
}

var mints: [Double] = []
for _ in 0..<5_000 {
    let before = ContinuousClock.now
    _ = CoinbaseJWT.token(for: credentials, method: "GET", host: host, path: path, now: SystemClock().now())
    mints.append(micros(ContinuousClock.now - before))
}

let start = ContinuousClock.now
let total = try await withThrowingTaskGroup(of: Int.self) { group in
    for _ in 0..<concurrency {
        group.addTask {
            var calls = 0
            while ContinuousClock.now - start < .seconds(seconds) {
                _ = try await adapter.balances()
                calls += 1
            }
            return calls
        }
    }
    var calls = 0
    for try await count in group { calls += count }
    return calls
}
let concurrentRate = Double(total) / (micros(ContinuousClock.now - start) / 1e6)

func line(_ text: String) { print(text) }
line(String(format: "swift CoinbaseAdapter, one call at a time: %.0f calls/s; latency p50 %.0f µs p99 %.0f µs",
    viaAdapter.rate, percentile(viaAdapter.latencies, 0.5), percentile(viaAdapter.latencies, 0.99)))
line(String(format: "  raw CurlHTTP, same request, token minted once: %.0f calls/s; latency p50 %.0f µs p99 %.0f µs",
    viaCurl.rate, percentile(viaCurl.latencies, 0.5), percentile(viaCurl.latencies, 0.99)))
line(String(format: "  the client's own added latency (adapter minus raw): p50 %.0f µs p99 %.0f µs; JWT mint p50 %.0f µs p99 %.0f µs",
    percentile(viaAdapter.latencies, 0.5) - percentile(viaCurl.latencies, 0.5),
    percentile(viaAdapter.latencies, 0.99) - percentile(viaCurl.latencies, 0.99), percentile(mints, 0.5), percentile(mints, 0.99)))
line(String(format: "swift CoinbaseAdapter, %d calls in flight: %.0f calls/s", concurrency, concurrentRate))
