import TraderCore

/// Runs the whole signal layer for many symbols on each new bar: the bad-tick guard first (a
/// rejected candle reaches nothing), then the regime classifier and every enabled signal.
public struct SignalScanner: Sendable {
    /// What one scan found, in symbol order.
    public struct Scan: Hashable, Sendable {
        /// Every trigger, by symbol then in the order the signals are enabled.
        public var triggers: [Trigger] = []
        /// The regime of each symbol that fired a trigger (what the rules gate and size by);
        /// absent while its classifier warms up.
        public var regimes: SymbolMap<Regime> = [:]
        /// Candles the guard rejected, with the reason.
        public var rejectedCandles: SymbolMap<String> = [:]

        /// Empties the scan, keeping its storage for the next one. Always inlined: it runs on every
        /// bar, and usually finds everything empty.
        @inline(__always) mutating func clear() {
            if !triggers.isEmpty { triggers.removeAllKeepingCapacity() }
            if !regimes.isEmpty { regimes.removeAll(keepingCapacity: true) }
            if !rejectedCandles.isEmpty { rejectedCandles.removeAll(keepingCapacity: true) }
        }
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
    /// The last scan, refilled in place by the next (no allocation once its arrays have grown).
    public private(set) var latest = Scan()

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

    /// Scans one new bar per symbol and returns the scan (also kept as ``latest``).
    public mutating func scan(_ candles: SymbolMap<Candle>) -> Scan {
        update(with: candles)
        return latest
    }

    /// Scans one new bar per symbol into ``latest``, without copying the scan out (a caller on the
    /// per-bar path reads ``latest`` in place). Symbols without a candle this time, and candles of
    /// symbols the scanner does not watch, are skipped.
    public mutating func update(with candles: SymbolMap<Candle>) {
        latest.clear()
        // Both sides are in symbol order: one merge walk, no lookups.
        var lane = 0
        for (symbol, candle) in candles {
            while lane < symbols.count, symbols[lane] < symbol { lane += 1 }
            guard lane < symbols.count else { break }
            if symbols[lane] == symbol { lanes[lane].scan(candle, symbol: symbol, into: &latest) }
        }
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
        let regime = regime.update(candle)
        let fired = scan.triggers.count
        signals.update(candle, into: &scan.triggers)
        if let regime, scan.triggers.count > fired { scan.regimes[symbol] = regime }
    }
}
