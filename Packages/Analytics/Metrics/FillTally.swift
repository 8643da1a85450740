import TraderCore

/// Counts every fill of a run, including legs of round trips still open at its end: fees paid and
/// the share of fills that added liquidity.
public struct FillTally: Hashable, Sendable {
    /// Fills seen.
    public private(set) var fills = 0
    /// Fills that added liquidity.
    public private(set) var makerFills = 0
    /// Fees paid over all fills.
    public private(set) var fees: FixedPoint = .zero

    /// An empty tally.
    public init() {}

    /// Counts a fill.
    ///
    /// - Throws: ``ArithmeticError`` `overflow`.
    public mutating func record(_ fill: Fill) throws(ArithmeticError) {
        fees = try fees.adding(fill.fee.amount)
        fills += 1
        if fill.liquidity == .maker { makerFills += 1 }
    }

    /// `maker fills / fills`; `nil` without fills.
    public var makerRatio: Double? { fills > 0 ? Double(makerFills) / Double(fills) : nil }
}
