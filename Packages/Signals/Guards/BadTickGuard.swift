import TraderCore

/// Rejects implausible prices before any indicator or signal sees them.
///
/// A candle whose close moves more than ``Configuration/maxMovePct`` from the last accepted close is
/// accepted at once only when its volume confirms the move (at least
/// ``Configuration/confirmingVolumeRatio`` times the recent average). Otherwise it is held as
/// suspect: later bars are rejected until ``Configuration/confirmationBars`` consecutive bars hold
/// the new level (then the level is accepted), or price returns to the old level (the spike was a
/// bad tick). A rejected candle never reaches a signal.
public struct BadTickGuard: Sendable {
    /// The guard's thresholds.
    public struct Configuration: Hashable, Sendable {
        /// The largest close-to-close move accepted without confirmation, in %.
        public var maxMovePct: Double
        /// Volume versus its recent average that confirms a large move.
        public var confirmingVolumeRatio: Double
        /// Bars that must hold a new level before it is accepted without volume.
        public var confirmationBars: Int
        /// Bars in the volume average.
        public var volumePeriod: Int

        /// Creates a configuration.
        public init(maxMovePct: Double, confirmingVolumeRatio: Double, confirmationBars: Int, volumePeriod: Int = 20) {
            self.maxMovePct = maxMovePct
            self.confirmingVolumeRatio = confirmingVolumeRatio
            self.confirmationBars = confirmationBars
            self.volumePeriod = volumePeriod
        }
    }

    /// What the guard decided about one candle.
    public enum Verdict: Hashable, Sendable {
        /// The candle may be used.
        case accepted
        /// The candle must not be used; the reason says why.
        case rejected(code: String, reason: String)

        /// Whether the candle may be used.
        public var isAccepted: Bool { self == .accepted }
    }

    /// The thresholds.
    public let configuration: Configuration
    /// Closes and volumes are kept as `Double`s of their fixed-point raw values: every test here is
    /// a ratio, the same at any scale, and the conversion to units is a division on every bar.
    private var acceptedClose: Double?
    private var volumes: VolumeRatio
    private var suspectLevel: Double?
    private var confirmations = 0

    /// A guard with `configuration`.
    public init(configuration: Configuration) {
        self.configuration = configuration
        volumes = VolumeRatio(period: configuration.volumePeriod)
    }

    /// Judges the next candle.
    public mutating func check(_ candle: Candle) -> Verdict {
        let close = Double(candle.close.value.raw)
        let volumeRatio = volumes.update(Double(candle.volume.value.raw))
        guard close > 0 else { return .rejected(code: "bad_tick", reason: "close \(candle.close) is not positive") }
        guard let baseline = acceptedClose else {
            acceptedClose = close
            return .accepted
        }
        if let suspect = suspectLevel {
            if isWithinMove(from: baseline, to: close) {
                suspectLevel = nil
                acceptedClose = close
                return .accepted
            }
            if isWithinMove(from: suspect, to: close) {
                confirmations += 1
                if confirmations >= configuration.confirmationBars {
                    suspectLevel = nil
                    acceptedClose = close
                    return .accepted
                }
                let held = "held \(confirmations) of \(configuration.confirmationBars) bars"
                return .rejected(code: "bad_tick", reason: "new level \(Self.format(units: suspect)) \(held)")
            }
        }
        guard !isWithinMove(from: baseline, to: close) else {
            acceptedClose = close
            return .accepted
        }
        if let volumeRatio, volumeRatio >= configuration.confirmingVolumeRatio {
            suspectLevel = nil
            acceptedClose = close
            return .accepted
        }
        suspectLevel = close
        confirmations = 0
        let volumeText = volumeRatio.map { "volume \(Self.format($0))× average" } ?? "no volume history"
        let movePct = Self.format(Self.movePct(from: baseline, to: close))
        let move = "close moved \(movePct)% from \(Self.format(units: baseline))"
        let limit = "(limit \(Self.format(configuration.maxMovePct))%)"
        let confirming = "below the \(Self.format(configuration.confirmingVolumeRatio))× that confirms it"
        return .rejected(code: "bad_tick", reason: "\(move) \(limit) with \(volumeText), \(confirming)")
    }

    /// Whether `price` is within ``Configuration/maxMovePct`` of the positive `base`: the move's
    /// percentage, multiplied out (a division on every bar otherwise).
    private func isWithinMove(from base: Double, to price: Double) -> Bool {
        abs(price - base) * 100 <= configuration.maxMovePct * base
    }

    private static func movePct(from base: Double, to price: Double) -> Double {
        abs(price - base) / base * 100
    }

    /// A price kept as a raw value, formatted in units.
    private static func format(units raw: Double) -> String {
        format(raw / Double(FixedPoint.scale))
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
