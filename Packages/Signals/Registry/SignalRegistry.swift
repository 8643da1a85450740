import TraderCore

/// Builds the enabled signals from configuration by name, and says precisely what is wrong with a
/// spec: an unknown name (with a suggestion), an unknown parameter, a value out of range.
public enum SignalRegistry {
    /// A problem with a spec; stable codes: `unknown_signal`, `unknown_signal_parameter`,
    /// `invalid_signal_parameter`.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// The stable code.
        public let code: String
        /// The parameter concerned, if any.
        public let parameter: String?
        /// What is wrong, for people.
        public let message: String
        public var description: String { "\(code): \(message)" }
    }

    /// One parameter's rule.
    struct Parameter: Sendable {
        let name: String
        let defaultValue: Double
        let range: ClosedRange<Double>
        let isWholeNumber: Bool
    }

    /// Every registered signal and its parameters.
    static let catalog: [String: [Parameter]] = [
        PriceMoveSignal.name: [
            Parameter(name: "window_bars", defaultValue: 12, range: 1...10_000, isWholeNumber: true),
            Parameter(name: "min_move_pct", defaultValue: 2, range: 0.001...100, isWholeNumber: false),
            Parameter(name: "min_volume_ratio", defaultValue: 1.5, range: 0...100, isWholeNumber: false),
        ],
        VolumeSpikeSignal.name: [
            Parameter(name: "lookback_bars", defaultValue: 48, range: 1...10_000, isWholeNumber: true),
            Parameter(name: "min_volume_ratio", defaultValue: 3, range: 1.001...1000, isWholeNumber: false),
        ],
        MomentumSignal.name: [
            Parameter(name: "lookback_bars", defaultValue: 20, range: 1...10_000, isWholeNumber: true),
            Parameter(name: "min_move_pct", defaultValue: 1.5, range: 0...100, isWholeNumber: false),
        ],
        MeanReversionSignal.name: [
            Parameter(name: "lookback_bars", defaultValue: 50, range: 2...10_000, isWholeNumber: true),
            Parameter(name: "entry_zscore", defaultValue: 2.5, range: 0.001...20, isWholeNumber: false),
        ],
        ScalpSignal.name: [
            Parameter(name: "fast_period", defaultValue: 9, range: 1...1000, isWholeNumber: true),
            Parameter(name: "slow_period", defaultValue: 21, range: 2...1000, isWholeNumber: true),
            Parameter(name: "rsi_period", defaultValue: 14, range: 1...1000, isWholeNumber: true),
            Parameter(name: "oversold", defaultValue: 30, range: 0...100, isWholeNumber: false),
            Parameter(name: "overbought", defaultValue: 70, range: 0...100, isWholeNumber: false),
        ],
        EMACrossSignal.name: [
            Parameter(name: "fast_period", defaultValue: 12, range: 1...1000, isWholeNumber: true),
            Parameter(name: "slow_period", defaultValue: 26, range: 2...1000, isWholeNumber: true),
        ],
        WhaleSignal.name: [
            Parameter(name: "range_days", defaultValue: 20, range: 1...365, isWholeNumber: true),
            Parameter(name: "min_volume_ratio", defaultValue: 1.5, range: 0...100, isWholeNumber: false),
            Parameter(name: "debounce_days", defaultValue: 5, range: 0...365, isWholeNumber: true),
            Parameter(name: "bar_minutes", defaultValue: 0, range: 0...1440, isWholeNumber: true),
        ],
    ]

    /// The registered names, sorted.
    public static let names: [String] = catalog.keys.sorted()

    /// Every problem with `spec`; empty when it can be built.
    public static func problems(with spec: SignalSpec) -> [Problem] {
        guard let parameters = catalog[spec.name] else {
            let shown = spec.name.count > 64 ? spec.name.prefix(64) + "…" : spec.name[...]
            var message = "no signal named \"\(shown)\"; registered: \(names.joined(separator: ", "))"
            if let suggestion = closestName(to: spec.name) { message += "; did you mean \"\(suggestion)\"?" }
            return [Problem(code: "unknown_signal", parameter: nil, message: message)]
        }
        var problems: [Problem] = []
        for (name, value) in spec.parameters.sorted(by: { $0.key < $1.key }) {
            guard let rule = parameters.first(where: { $0.name == name }) else {
                let known = parameters.map(\.name).joined(separator: ", ")
                problems.append(
                    Problem(
                        code: "unknown_signal_parameter", parameter: name,
                        message: "\(spec.name) has no parameter \"\(name)\"; it takes \(known)"))
                continue
            }
            if !rule.range.contains(value) || (rule.isWholeNumber && value != value.rounded()) {
                let kind = rule.isWholeNumber ? "a whole number" : "a number"
                problems.append(
                    Problem(
                        code: "invalid_signal_parameter", parameter: name,
                        message: "\(spec.name).\(name) must be \(kind) from \(ReasonFormat.number(rule.range.lowerBound)) to \(ReasonFormat.number(rule.range.upperBound)), got \(ReasonFormat.number(value))"
                    ))
            }
        }
        let values = resolved(spec)
        if spec.name == ScalpSignal.name || spec.name == EMACrossSignal.name, values["fast_period"]! >= values["slow_period"]! {
            problems.append(
                Problem(
                    code: "invalid_signal_parameter", parameter: "fast_period", message: "\(spec.name).fast_period must be below slow_period"))
        }
        if spec.name == ScalpSignal.name {
            if values["oversold"]! >= values["overbought"]! {
                problems.append(
                    Problem(code: "invalid_signal_parameter", parameter: "oversold", message: "scalp.oversold must be below overbought"))
            }
        }
        return problems
    }

    /// Builds the signal of `spec` for one symbol.
    ///
    /// - Parameter whaleState: the saved debounce state, for the whale signal.
    /// - Throws: the first of ``problems(with:)``.
    public static func make(_ spec: SignalSpec, for symbol: Symbol, whaleState: WhaleSignal.State = .init()) throws(Problem)
        -> AnySignal
    {
        if let problem = problems(with: spec).first { throw problem }
        let p = resolved(spec)
        func whole(_ name: String) -> Int { Int(p[name]!) }
        switch spec.name {
        case PriceMoveSignal.name:
            return AnySignal(storage: .priceMove(
                PriceMoveSignal(
                    symbol: symbol, window: whole("window_bars"), minMovePct: p["min_move_pct"]!,
                    minVolumeRatio: p["min_volume_ratio"]!)))
        case VolumeSpikeSignal.name:
            return AnySignal(storage: .volumeSpike(
                VolumeSpikeSignal(symbol: symbol, lookback: whole("lookback_bars"), minVolumeRatio: p["min_volume_ratio"]!)))
        case MomentumSignal.name:
            return AnySignal(storage: .momentum(MomentumSignal(symbol: symbol, lookback: whole("lookback_bars"), minMovePct: p["min_move_pct"]!)))
        case MeanReversionSignal.name:
            return AnySignal(storage: .meanReversion(
                MeanReversionSignal(symbol: symbol, lookback: whole("lookback_bars"), entryZScore: p["entry_zscore"]!)))
        case EMACrossSignal.name:
            return AnySignal(storage: .emaCross(
                EMACrossSignal(symbol: symbol, fastPeriod: whole("fast_period"), slowPeriod: whole("slow_period"))))
        case ScalpSignal.name:
            return AnySignal(storage: .scalp(
                ScalpSignal(
                    symbol: symbol, fastPeriod: whole("fast_period"), slowPeriod: whole("slow_period"),
                    rsiPeriod: whole("rsi_period"), oversold: p["oversold"]!, overbought: p["overbought"]!)))
        default:
            return AnySignal(storage: .whale(
                WhaleSignal(
                    symbol: symbol, rangeDays: whole("range_days"), minVolumeRatio: p["min_volume_ratio"]!,
                    debounceDays: whole("debounce_days"), barMinutes: whole("bar_minutes"), state: whaleState)))
        }
    }

    /// The spec's parameters with defaults filled in.
    static func resolved(_ spec: SignalSpec) -> [String: Double] {
        var values = Dictionary(uniqueKeysWithValues: (catalog[spec.name] ?? []).map { ($0.name, $0.defaultValue) })
        values.merge(spec.parameters) { _, given in given }
        return values
    }

    /// The registered name nearest to `name` (at most one edit per three characters), if any.
    static func closestName(to name: String) -> String? {
        guard name.utf8.count <= 64 else { return nil }  // no typo of a registered name, and costly to compare
        let allowed = Swift.max(1, name.count / 3)
        return names.map { ($0, editDistance(Array(name.utf8), Array($0.utf8))) }
            .filter { $0.1 <= allowed }.min { $0.1 < $1.1 }?.0
    }

    private static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() { current.append(Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))) }
            previous = current
        }
        return previous[b.count]
    }
}
