import TraderCore

/// A signal updated by one bar at a time: what every registered kind provides.
protocol BarSignal: Sendable {
    mutating func update(_ candle: Candle) -> Trigger?
}

extension PriceMoveSignal: BarSignal {}
extension VolumeSpikeSignal: BarSignal {}
extension MomentumSignal: BarSignal {}
extension MeanReversionSignal: BarSignal {}
extension ScalpSignal: BarSignal {}
extension WhaleSignal: BarSignal {}
extension EMACrossSignal: BarSignal {}

/// The enabled signals of one symbol, each kind in its own array and updated in place: no signal
/// is copied out of an enum per update (which costs a retain and release of every buffer it holds).
/// Triggers come out in the order the signals were enabled.
///
/// Each kind is updated in its own loop, called only for a kind that has signals (a call costs
/// more than the check, and a symbol usually enables one or two of seven kinds). A single loop
/// over all kinds would let the optimizer hoist every array's uniqueness check out of it, and an
/// empty array (the shared empty storage, never unique) would then be copied on every bar.
struct SignalSet: Sendable {
    /// The signals of one kind, with each one's place in the enable order.
    private struct Members<Signal: BarSignal>: Sendable {
        var signals: [Signal] = []
        var positions: [Int] = []

        var isEmpty: Bool { signals.isEmpty }

        /// Always inlined into its kind's test: a call costs more than one signal's update.
        @inline(__always)
        mutating func update(_ candle: Candle, into triggers: inout [Trigger], firedPositions: inout [Int]) {
            for index in signals.indices {
                guard let trigger = signals[index].update(candle) else { continue }
                triggers.append(trigger)
                firedPositions.append(positions[index])
            }
        }
    }

    private var priceMoves = Members<PriceMoveSignal>()
    private var volumeSpikes = Members<VolumeSpikeSignal>()
    private var momenta = Members<MomentumSignal>()
    private var meanReversions = Members<MeanReversionSignal>()
    private var scalps = Members<ScalpSignal>()
    private var whales = Members<WhaleSignal>()
    private var emaCrosses = Members<EMACrossSignal>()
    private var count = 0
    /// The enable positions of the triggers of the current update (scratch, reused).
    private var firedPositions: [Int] = []

    /// Adds a built signal after the ones already enabled.
    mutating func append(_ signal: AnySignal) {
        switch signal.storage {
        case .priceMove(let s): priceMoves.signals.append(s); priceMoves.positions.append(count)
        case .volumeSpike(let s): volumeSpikes.signals.append(s); volumeSpikes.positions.append(count)
        case .momentum(let s): momenta.signals.append(s); momenta.positions.append(count)
        case .meanReversion(let s): meanReversions.signals.append(s); meanReversions.positions.append(count)
        case .scalp(let s): scalps.signals.append(s); scalps.positions.append(count)
        case .whale(let s): whales.signals.append(s); whales.positions.append(count)
        case .emaCross(let s): emaCrosses.signals.append(s); emaCrosses.positions.append(count)
        case .vacant: preconditionFailure("a signal is vacant only during its own update")
        }
        count += 1
    }

    /// Updates every signal on `candle`, appending triggers in enable order.
    mutating func update(_ candle: Candle, into triggers: inout [Trigger]) {
        let start = triggers.count
        if !firedPositions.isEmpty { firedPositions.removeAllKeepingCapacity() }
        if !priceMoves.isEmpty { priceMoves.update(candle, into: &triggers, firedPositions: &firedPositions) }
        if !volumeSpikes.isEmpty { volumeSpikes.update(candle, into: &triggers, firedPositions: &firedPositions) }
        if !momenta.isEmpty { momenta.update(candle, into: &triggers, firedPositions: &firedPositions) }
        if !meanReversions.isEmpty { meanReversions.update(candle, into: &triggers, firedPositions: &firedPositions) }
        if !scalps.isEmpty { scalps.update(candle, into: &triggers, firedPositions: &firedPositions) }
        if !whales.isEmpty { whales.update(candle, into: &triggers, firedPositions: &firedPositions) }
        if !emaCrosses.isEmpty { emaCrosses.update(candle, into: &triggers, firedPositions: &firedPositions) }
        guard firedPositions.count > 1 else { return }
        let fired = Array(triggers[start...])
        let enableOrder = fired.indices.sorted { firedPositions[$0] < firedPositions[$1] }
        triggers.replaceSubrange(start..., with: enableOrder.map { fired[$0] })
    }

    /// The whale signal's debounce state, if one is enabled.
    var whaleState: WhaleSignal.State? { whales.signals.first?.state }
}
