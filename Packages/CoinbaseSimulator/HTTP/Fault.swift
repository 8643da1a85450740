/// One injected failure: what happens to matching requests, and to how many of them. Faults come
/// from `POST /_sim/faults` (a JSON object) or exchange-sim's `--fault` flag (`key=value,...`),
/// with the same keys:
/// - `kind`: `status` (answer `status` with Coinbase's error body), `rate_limit` (answer 429 with
///   Coinbase's rate-limit body), `latency` (answer `latency_ms` late), `drop` (close the
///   connection without an answer), `hang` (close it after `hang_ms`, so the client times out),
///   `malformed` (answer 200 with a truncated body).
/// - `method`, `path`: which requests (the path is a prefix; both optional: every request).
/// - `count`: how many requests it hits (default 1).
/// - `after_arrival`: the request is carried out first and only its answer is lost or replaced:
///   an order that is placed but whose answer never arrives.
public struct Fault: Sendable, Hashable {
    /// What the fault does.
    public enum Kind: String, Sendable, CaseIterable {
        case status, rateLimit = "rate_limit", latency, drop, hang, malformed
    }

    /// What it does.
    public var kind: Kind
    /// The HTTP status of a `status` fault.
    public var status: Int = 503
    /// The delay of a `latency` fault, in milliseconds.
    public var latencyMilliseconds: Int = 0
    /// How long a `hang` holds the connection before closing it, in milliseconds.
    public var hangMilliseconds: Int = 30_000
    /// The method it applies to; `nil` for any.
    public var method: String?
    /// The path prefix it applies to; `nil` for any.
    public var path: String?
    /// How many requests it still hits.
    public var count: Int = 1
    /// Whether the request is carried out before the fault replaces its answer.
    public var afterArrival = false

    /// A fault of `kind` with the defaults.
    public init(_ kind: Kind) { self.kind = kind }

    /// A fault from its keys and values (as text).
    ///
    /// - Throws: ``SimulatorError`` `invalid_control` naming the key or value not understood.
    public init(fields: [String: String]) throws(SimulatorError) {
        guard let kindText = fields["kind"], let kind = Kind(rawValue: kindText) else {
            throw SimulatorError(.invalidControl, "fault kind \(fields["kind"] ?? "(none)") is not one of \(Kind.allCases.map(\.rawValue))")
        }
        self.init(kind)
        func number(_ key: String) throws(SimulatorError) -> Int? {
            guard let text = fields[key] else { return nil }
            guard let value = Int(text), value >= 0 else { throw SimulatorError(.invalidControl, "fault \(key) \(text) is not a whole number") }
            return value
        }
        for key in fields.keys where !Self.keys.contains(key) {
            throw SimulatorError(.invalidControl, "fault key \(key) is not one of \(Self.keys.sorted())")
        }
        status = try number("status") ?? status
        latencyMilliseconds = try number("latency_ms") ?? latencyMilliseconds
        hangMilliseconds = try number("hang_ms") ?? hangMilliseconds
        count = try number("count") ?? count
        method = fields["method"]?.uppercased()
        path = fields["path"]
        if let after = fields["after_arrival"] {
            guard let value = Bool(after) else { throw SimulatorError(.invalidControl, "fault after_arrival \(after) is not true or false") }
            afterArrival = value
        }
    }

    /// A fault from `key=value` pairs separated by commas (exchange-sim's `--fault`).
    ///
    /// - Throws: ``SimulatorError`` `invalid_control`.
    public init(parsing text: String) throws(SimulatorError) {
        var fields: [String: String] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { throw SimulatorError(.invalidControl, "fault \(text): \(pair) is not key=value") }
            fields[String(parts[0])] = String(parts[1])
        }
        try self.init(fields: fields)
    }

    /// The keys a fault has.
    static let keys: Set<String> = ["kind", "status", "latency_ms", "hang_ms", "method", "path", "count", "after_arrival"]

    /// Whether it applies to a request.
    func matches(method: String, path: String) -> Bool {
        (self.method.map { $0 == method } ?? true) && (self.path.map { path.hasPrefix($0) } ?? true)
    }
}
