import CostModel
import TraderCore

/// One round trip: a position opened from flat and closed back to flat, with what opened it and
/// its PnL split into edge, slippage and fees.
public struct RoundTrip: Hashable, Sendable, Encodable {
    /// The symbol traded.
    public let symbol: Symbol
    /// The opening side: `.buy` for a long round trip.
    public let side: OrderSide
    /// The signal whose proposal opened it.
    public let signal: String
    /// The regime when it opened, if known.
    public let regime: Regime?
    /// The symbol's universe tier, if any.
    public let tier: String?
    /// The quantity opened and closed.
    public let quantity: Quantity
    /// The first opening fill's time.
    public let entryTime: Timestamp
    /// The closing fill's time.
    public let exitTime: Timestamp
    /// The quantity-weighted average opening price.
    public let entryPrice: Price
    /// The quantity-weighted average closing price.
    public let exitPrice: Price
    /// The mid when the opening decision was taken.
    public let entryMid: Price
    /// The mid when the closing decision was taken.
    public let exitMid: Price
    /// Fees of both legs.
    public let fees: FixedPoint
    /// Fills that added liquidity (maker), of both legs.
    public let makerFills: Int
    /// Fills in total, of both legs.
    public let fills: Int
    /// Net PnL split into edge, slippage and fees (``RoundTripAttribution``).
    public let attribution: RoundTripAttribution

    /// Creates a round trip entered and left at one decision each, and attributes its PnL.
    ///
    /// - Throws: ``ArithmeticError``.
    public init(
        symbol: Symbol, side: OrderSide, signal: String, regime: Regime?, tier: String?, quantity: Quantity,
        entryTime: Timestamp, exitTime: Timestamp, entryPrice: Price, exitPrice: Price, entryMid: Price, exitMid: Price,
        fees: FixedPoint, makerFills: Int, fills: Int
    ) throws(ArithmeticError) {
        self.init(
            symbol: symbol, side: side, signal: signal, regime: regime, tier: tier, quantity: quantity, entryTime: entryTime,
            exitTime: exitTime, entryPrice: entryPrice, exitPrice: exitPrice, entryMid: entryMid, exitMid: exitMid, fees: fees,
            makerFills: makerFills, fills: fills,
            attribution: try RoundTripAttribution(
                side: side, quantity: quantity, entryMid: entryMid, entryPrice: entryPrice, exitMid: exitMid, exitPrice: exitPrice,
                fees: fees))
    }

    /// Creates a round trip whose PnL is attributed already (one left in several exits, each
    /// against its own decision's mid; `exitMid` and `exitPrice` are then their averages).
    public init(
        symbol: Symbol, side: OrderSide, signal: String, regime: Regime?, tier: String?, quantity: Quantity,
        entryTime: Timestamp, exitTime: Timestamp, entryPrice: Price, exitPrice: Price, entryMid: Price, exitMid: Price,
        fees: FixedPoint, makerFills: Int, fills: Int, attribution: RoundTripAttribution
    ) {
        self.symbol = symbol
        self.side = side
        self.signal = signal
        self.regime = regime
        self.tier = tier
        self.quantity = quantity
        self.entryTime = entryTime
        self.exitTime = exitTime
        self.entryPrice = entryPrice
        self.exitPrice = exitPrice
        self.entryMid = entryMid
        self.exitMid = exitMid
        self.fees = fees
        self.makerFills = makerFills
        self.fills = fills
        self.attribution = attribution
    }

    /// PnL after fees.
    public var netPnL: FixedPoint { attribution.net }
    /// How long the position was held.
    public var holdTime: Duration { entryTime.duration(to: exitTime) }
    /// Whether it made money after fees.
    public var isWin: Bool { netPnL.raw > 0 }

    private enum CodingKeys: String, CodingKey {
        case symbol, side, signal, regime, tier, quantity, fees, fills
        case entryTime = "entry_time", exitTime = "exit_time", entryPrice = "entry_price", exitPrice = "exit_price"
        case entryMid = "entry_mid", exitMid = "exit_mid", makerFills = "maker_fills"
        case netPnL = "net_pnl", edge, entrySlippage = "entry_slippage", exitSlippage = "exit_slippage"
        case holdSeconds = "hold_seconds"
    }

    /// Encodes every field plus the attribution and the hold time, with snake_case keys.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(symbol, forKey: .symbol)
        try c.encode(side, forKey: .side)
        try c.encode(signal, forKey: .signal)
        try c.encode(regime, forKey: .regime)
        try c.encode(tier, forKey: .tier)
        try c.encode(quantity, forKey: .quantity)
        try c.encode(entryTime, forKey: .entryTime)
        try c.encode(exitTime, forKey: .exitTime)
        try c.encode(entryPrice, forKey: .entryPrice)
        try c.encode(exitPrice, forKey: .exitPrice)
        try c.encode(entryMid, forKey: .entryMid)
        try c.encode(exitMid, forKey: .exitMid)
        try c.encode(fees, forKey: .fees)
        try c.encode(makerFills, forKey: .makerFills)
        try c.encode(fills, forKey: .fills)
        try c.encode(netPnL, forKey: .netPnL)
        try c.encode(attribution.edge, forKey: .edge)
        try c.encode(attribution.entrySlippage, forKey: .entrySlippage)
        try c.encode(attribution.exitSlippage, forKey: .exitSlippage)
        try c.encode(holdTime.components.seconds, forKey: .holdSeconds)
    }

    /// Appends the round trip as ``encode(to:)`` writes it with sorted keys, as one JSON object
    /// (written by hand: a backtest's trades.json has a line per round trip).
    public func appendJSON(to json: inout JSONBytes) {
        json.object { json in
            json.key("edge")
            json.decimal(attribution.edge)
            json.key("entry_mid")
            json.decimal(entryMid.value)
            json.key("entry_price")
            json.decimal(entryPrice.value)
            json.key("entry_slippage")
            json.decimal(attribution.entrySlippage)
            json.key("entry_time")
            json.time(entryTime)
            json.key("exit_mid")
            json.decimal(exitMid.value)
            json.key("exit_price")
            json.decimal(exitPrice.value)
            json.key("exit_slippage")
            json.decimal(attribution.exitSlippage)
            json.key("exit_time")
            json.time(exitTime)
            json.key("fees")
            json.decimal(fees)
            json.key("fills")
            json.integer(Int64(fills))
            json.key("hold_seconds")
            json.integer(holdTime.components.seconds)
            json.key("maker_fills")
            json.integer(Int64(makerFills))
            json.key("net_pnl")
            json.decimal(netPnL)
            json.key("quantity")
            json.decimal(quantity.value)
            json.key("regime")
            json.string(regime?.rawValue)
            json.key("side")
            json.string(side.rawValue)
            json.key("signal")
            json.string(signal)
            json.key("symbol")
            json.string(symbol.description)
            json.key("tier")
            json.string(tier)
        }
    }
}
