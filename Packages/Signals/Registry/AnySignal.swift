import TraderCore

/// A signal of any registered kind, built by ``SignalRegistry``. Stored inline as a closed set of
/// cases rather than an existential, so a scan over many symbols dispatches with a switch, and
/// updated in place without copying any signal's buffers.
public struct AnySignal: Sendable {
    enum Storage: Sendable {
        case priceMove(PriceMoveSignal)
        case volumeSpike(VolumeSpikeSignal)
        case momentum(MomentumSignal)
        case meanReversion(MeanReversionSignal)
        case scalp(ScalpSignal)
        case whale(WhaleSignal)
        case emaCross(EMACrossSignal)
        /// Held only during an update, so the signal being updated is uniquely referenced.
        case vacant
    }

    var storage: Storage

    /// The registered name.
    public var name: String {
        switch storage {
        case .priceMove: PriceMoveSignal.name
        case .volumeSpike: VolumeSpikeSignal.name
        case .momentum: MomentumSignal.name
        case .meanReversion: MeanReversionSignal.name
        case .scalp: ScalpSignal.name
        case .whale: WhaleSignal.name
        case .emaCross: EMACrossSignal.name
        case .vacant: preconditionFailure("a signal is vacant only during its own update")
        }
    }

    /// The whale signal's debounce state, to save after each bar; `nil` for other signals.
    public var whaleState: WhaleSignal.State? {
        if case .whale(let signal) = storage { return signal.state }
        return nil
    }

    /// Updates on a new bar; a trigger when the signal fires.
    public mutating func update(_ candle: Candle) -> Trigger? {
        switch storage {
        case .priceMove(var signal):
            storage = .vacant
            defer { storage = .priceMove(signal) }
            return signal.update(candle)
        case .volumeSpike(var signal):
            storage = .vacant
            defer { storage = .volumeSpike(signal) }
            return signal.update(candle)
        case .momentum(var signal):
            storage = .vacant
            defer { storage = .momentum(signal) }
            return signal.update(candle)
        case .meanReversion(var signal):
            storage = .vacant
            defer { storage = .meanReversion(signal) }
            return signal.update(candle)
        case .scalp(var signal):
            storage = .vacant
            defer { storage = .scalp(signal) }
            return signal.update(candle)
        case .whale(var signal):
            storage = .vacant
            defer { storage = .whale(signal) }
            return signal.update(candle)
        case .emaCross(var signal):
            storage = .vacant
            defer { storage = .emaCross(signal) }
            return signal.update(candle)
        case .vacant:
            preconditionFailure("a signal is vacant only during its own update")
        }
    }
}
