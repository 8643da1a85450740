import TraderCore

/// Round-trip statistics of one group (a signal, a symbol, a regime, a tier, or all trades).
public struct TradeGroupStatistics: Hashable, Sendable, Encodable {
    /// Round trips.
    public private(set) var trades = 0
    /// Round trips with a positive net PnL.
    public private(set) var wins = 0
    /// Round trips with a negative net PnL.
    public private(set) var losses = 0
    /// Net PnL summed.
    public private(set) var netPnL: FixedPoint = .zero
    /// Net PnL of the winners summed.
    public private(set) var grossWins: FixedPoint = .zero
    /// Net PnL of the losers summed (negative or zero).
    public private(set) var grossLosses: FixedPoint = .zero
    /// Fees of the group's round trips.
    public private(set) var fees: FixedPoint = .zero

    /// No trades.
    public init() {}

    /// Adds a round trip.
    ///
    /// - Throws: ``ArithmeticError`` `overflow`.
    public mutating func add(_ trip: RoundTrip) throws(ArithmeticError) {
        let net = trip.netPnL
        trades += 1
        netPnL = try netPnL.adding(net)
        fees = try fees.adding(trip.fees)
        if net.raw > 0 {
            wins += 1
            grossWins = try grossWins.adding(net)
        } else if net.raw < 0 {
            losses += 1
            grossLosses = try grossLosses.adding(net)
        }
    }

    /// `wins / trades`; `nil` without trades.
    public var winRate: Double? { trades > 0 ? Double(wins) / Double(trades) : nil }
    /// `gross wins / wins`, rounded half to even; `nil` without wins.
    public var averageWin: FixedPoint? { Self.mean(grossWins, wins) }
    /// `gross losses / losses` (negative); `nil` without losses.
    public var averageLoss: FixedPoint? { Self.mean(grossLosses, losses) }
    /// `gross wins / |gross losses|`; `nil` without losses.
    public var profitFactor: Double? {
        grossLosses.raw < 0 ? grossWins.doubleValue / -grossLosses.doubleValue : nil
    }
    /// The mean net PnL per round trip; `nil` without trades.
    public var expectancy: FixedPoint? { Self.mean(netPnL, trades) }

    private static func mean(_ sum: FixedPoint, _ count: Int) -> FixedPoint? {
        guard count > 0 else { return nil }
        return try? sum.divided(by: FixedPoint(raw: Int64(count) * FixedPoint.scale), rounding: .toNearestOrEven)
    }

    private enum CodingKeys: String, CodingKey {
        case trades, wins, losses, fees, expectancy
        case netPnL = "net_pnl", winRate = "win_rate", averageWin = "average_win", averageLoss = "average_loss"
        case profitFactor = "profit_factor"
    }

    /// Encodes the counts, the sums and the derived ratios.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(trades, forKey: .trades)
        try c.encode(wins, forKey: .wins)
        try c.encode(losses, forKey: .losses)
        try c.encode(netPnL, forKey: .netPnL)
        try c.encode(fees, forKey: .fees)
        try c.encode(winRate, forKey: .winRate)
        try c.encode(averageWin, forKey: .averageWin)
        try c.encode(averageLoss, forKey: .averageLoss)
        try c.encode(profitFactor, forKey: .profitFactor)
        try c.encode(expectancy, forKey: .expectancy)
    }
}
