import TraderCore

/// A round trip's PnL split into what the market gave (edge: the move of the mid between the two
/// decisions), what execution cost against those mids (slippage, at entry and exit), and fees.
///
/// By construction `net = edge + entrySlippage + exitSlippage − fees` exactly; a positive slippage
/// means execution beat the mid. One implementation serves the backtester and live reporting.
public struct RoundTripAttribution: Hashable, Sendable {
    /// The mid's move between entry and exit decisions, times the quantity, in the trade's direction.
    public let edge: FixedPoint
    /// Entry execution against the entry decision's mid (negative when the fill was worse).
    public let entrySlippage: FixedPoint
    /// Exit execution against the exit decision's mid (negative when the fill was worse).
    public let exitSlippage: FixedPoint
    /// Fees of both legs.
    public let fees: FixedPoint
    /// PnL after fees: `(exit − entry) × quantity` in the trade's direction, minus fees.
    public let net: FixedPoint

    /// Attributes a round trip.
    ///
    /// - Parameters:
    ///   - side: the entry's side (`.buy` for a long round trip).
    ///   - quantity: the quantity bought and sold.
    ///   - entryMid, exitMid: the mids when each decision was made.
    ///   - entryPrice, exitPrice: the average fill prices.
    ///   - fees: both legs' fees.
    /// - Throws: ``ArithmeticError``.
    public init(
        side: OrderSide, quantity: Quantity, entryMid: Price, entryPrice: Price, exitMid: Price, exitPrice: Price,
        fees: FixedPoint
    ) throws(ArithmeticError) {
        func signed(_ from: Price, _ to: Price) throws(ArithmeticError) -> FixedPoint {
            let move = try to.value.subtracting(from.value)
            let value = try move.multiplied(by: quantity.value, rounding: .toNearestOrEven)
            return side == .buy ? value : value.negated
        }
        try self.init(
            gross: try signed(entryPrice, exitPrice), edge: try signed(entryMid, exitMid), entrySlippage: try signed(entryPrice, entryMid),
            fees: fees)
    }

    /// Attributes a round trip from sums over its fills (a position entered or left in several
    /// orders, each against its own decision's mid): the exit slippage is what the gross PnL leaves
    /// after the edge and the entry slippage, so the identity holds exactly.
    ///
    /// - Parameters:
    ///   - gross: `(exit − entry) × quantity` in the trade's direction, before fees.
    ///   - edge: the mids' moves between each entry decision and each exit decision, times the
    ///     quantity they matched, in the trade's direction.
    ///   - entrySlippage: each entry fill against its own order's decision mid.
    ///   - fees: both legs' fees.
    /// - Throws: ``ArithmeticError``.
    public init(gross: FixedPoint, edge: FixedPoint, entrySlippage: FixedPoint, fees: FixedPoint) throws(ArithmeticError) {
        self.edge = edge
        self.entrySlippage = entrySlippage
        exitSlippage = try gross.subtracting(edge).subtracting(entrySlippage)
        self.fees = fees
        net = try gross.subtracting(fees)
    }
}
