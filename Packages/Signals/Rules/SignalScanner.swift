import TraderCore

/// Runs the whole signal layer for many symbols on each new bar: the bad-tick guard first (a
/// rejected candle reaches nothing), then the regime classifier and every enabled signal.
public struct SignalScanner: Sendable {
    /// What one scan found, in symbol order.
    public struct Scan: Hashable, Sendable {
        /// Every trigger, by symbol then in the order the signals are enabled.
        public var triggers: [Trigger] = []
        /// The regime of each scanned symbol; absent while warming up.
        public var regimes: [Symbol: Regime] = [:]
        /// Candles the guard rejected, with the reason.
        public var rejectedCandles: [Symbol: String] = [:]
    }

    /// Everything kept for one symbol.
    struct Lane: Sendable {
        var guardrail: BadTickGuard
        var regime: RegimeClassifier
        var signals: SignalSet
    }

    /// One lane per symbol, in ``symbols``' order.
    private var lanes: [Lane] = []
    private let symbols: [Symbol]

    /// A scanner for `symbols`, each with the signals of `specs`.
    ///
    /// - Throws: ``SignalRegistry/Problem`` for a spec that cannot be built.
    public init(
        symbols: [Symbol], specs: [SignalSpec], guardConfiguration: BadTickGuard.Configuration,
        whaleStates: [Symbol: WhaleSignal.State] = [:]
    ) throws(SignalRegistry.Problem) {
        self.symbols = symbols.sorted()
        for symbol in self.symbols {
            var signals = SignalSet()
            for spec in specs {
                signals.append(try SignalRegistry.make(spec, for: symbol, whaleState: whaleStates[symbol] ?? .init()))
            }
            lanes.append(
                Lane(guardrail: BadTickGuard(configuration: guardConfiguration), regime: RegimeClassifier(), signals: signals))
        }
    }

    /// Scans one new bar per symbol; symbols without a candle this time are skipped.
    public mutating func scan(_ candles: [Symbol: Candle]) -> Scan {
        var scan = Scan()
        scan.regimes.reserveCapacity(symbols.count)
        for (index, symbol) in symbols.enumerated() {
            guard let candle = candles[symbol] else { continue }
            lanes[index].scan(candle, symbol: symbol, into: &scan)
        }
        return scan
    }

    /// The whale debounce states to save, by symbol.
    public var whaleStates: [Symbol: WhaleSignal.State] {
        var states: [Symbol: WhaleSignal.State] = [:]
        for (symbol, lane) in zip(symbols, lanes) {
            if let state = lane.signals.whaleState { states[symbol] = state }
        }
        return states
    }
}

extension SignalScanner.Lane {
    mutating func scan(_ candle: Candle, symbol: Symbol, into scan: inout SignalScanner.Scan) {
        if case .rejected(_, let reason) = guardrail.check(candle) {
            scan.rejectedCandles[symbol] = reason
            return
        }
        if let regime = regime.update(candle) { scan.regimes[symbol] = regime }
        signals.update(candle, into: &scan.triggers)
    }
}
