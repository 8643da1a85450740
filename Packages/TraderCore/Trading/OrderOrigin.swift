/// Why an order exists: the decision behind it, which the state store keeps with the order and
/// round trips, breakdowns and reports read (the decision mid is the reference for slippage).
public struct OrderOrigin: Hashable, Sendable {
    /// The signal whose proposal it carries out.
    public let signal: String
    /// The regime at the decision, if known.
    public let regime: Regime?
    /// The mid when the decision was taken (the reference for slippage).
    public let decisionMid: Price

    /// Creates an origin.
    public init(signal: String, regime: Regime?, decisionMid: Price) {
        self.signal = signal
        self.regime = regime
        self.decisionMid = decisionMid
    }

    /// The origin of an order whose decision is not known (one restored, or stored before origins
    /// were kept): signal `unknown`, measured at its own fill price, so it shows no slippage.
    public static func unknown(filledAt price: Price) -> OrderOrigin {
        OrderOrigin(signal: "unknown", regime: nil, decisionMid: price)
    }
}
