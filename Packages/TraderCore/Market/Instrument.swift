/// What an order trades: a spot pair, or a listed option on an underlying.
public enum Instrument: Hashable, Sendable {
    /// A spot pair such as `BTC-USD`.
    case spot(Symbol)
    /// A listed option.
    case option(OptionContract)

    /// The pair whose price drives the instrument: the symbol itself, or the option's underlying.
    public var underlying: Symbol {
        switch self {
        case .spot(let symbol): symbol
        case .option(let contract): contract.underlying
        }
    }
}

/// A listed option contract.
public struct OptionContract: Hashable, Sendable {
    /// Call or put.
    public enum Right: String, CaseIterable, Hashable, Sendable, Codable {
        case call = "C"
        case put = "P"
    }

    /// The underlying (`SPY-USD`).
    public let underlying: Symbol
    /// The expiry date, as the exchange lists it (`20261218`).
    public let expiry: String
    /// The strike price.
    public let strike: Price
    /// Call or put.
    public let right: Right
    /// Units of the underlying per contract (100 for US equity options).
    public let multiplier: Int

    /// Creates a contract.
    ///
    /// - Precondition: `expiry` is eight digits `YYYYMMDD` and `multiplier` is positive.
    public init(underlying: Symbol, expiry: String, strike: Price, right: Right, multiplier: Int = 100) {
        precondition(expiry.count == 8 && expiry.allSatisfy(\.isNumber), "expiry must be YYYYMMDD, got \(expiry)")
        precondition(multiplier > 0, "multiplier must be positive")
        self.underlying = underlying
        self.expiry = expiry
        self.strike = strike
        self.right = right
        self.multiplier = multiplier
    }
}
