import TraderCore

/// The enabled signals of one symbol, each kind in its own array and updated in place: no signal
/// is copied out of an enum per update (which costs a retain and release of every buffer it holds).
/// Triggers come out in the order the signals were enabled.
struct SignalSet: Sendable {
    private enum Kind: Sendable { case priceMove, volumeSpike, momentum, meanReversion, scalp, whale, emaCross }

    private var priceMoves: [PriceMoveSignal] = []
    private var volumeSpikes: [VolumeSpikeSignal] = []
    private var momenta: [MomentumSignal] = []
    private var meanReversions: [MeanReversionSignal] = []
    private var scalps: [ScalpSignal] = []
    private var whales: [WhaleSignal] = []
    private var emaCrosses: [EMACrossSignal] = []
    private var order: [(kind: Kind, index: Int)] = []

    /// Adds a built signal after the ones already enabled.
    mutating func append(_ signal: AnySignal) {
        switch signal.storage {
        case .priceMove(let s): order.append((.priceMove, priceMoves.count)); priceMoves.append(s)
        case .volumeSpike(let s): order.append((.volumeSpike, volumeSpikes.count)); volumeSpikes.append(s)
        case .momentum(let s): order.append((.momentum, momenta.count)); momenta.append(s)
        case .meanReversion(let s): order.append((.meanReversion, meanReversions.count)); meanReversions.append(s)
        case .scalp(let s): order.append((.scalp, scalps.count)); scalps.append(s)
        case .whale(let s): order.append((.whale, whales.count)); whales.append(s)
        case .emaCross(let s): order.append((.emaCross, emaCrosses.count)); emaCrosses.append(s)
        case .vacant: preconditionFailure("a signal is vacant only during its own update")
        }
    }

    /// Updates every signal on `candle`, appending triggers in enable order.
    mutating func update(_ candle: Candle, into triggers: inout [Trigger]) {
        for (kind, index) in order {
            let trigger: Trigger? =
                switch kind {
                case .priceMove: priceMoves[index].update(candle)
                case .volumeSpike: volumeSpikes[index].update(candle)
                case .momentum: momenta[index].update(candle)
                case .meanReversion: meanReversions[index].update(candle)
                case .scalp: scalps[index].update(candle)
                case .whale: whales[index].update(candle)
                case .emaCross: emaCrosses[index].update(candle)
                }
            if let trigger { triggers.append(trigger) }
        }
    }

    /// The whale signal's debounce state, if one is enabled.
    var whaleState: WhaleSignal.State? { whales.first?.state }
}
