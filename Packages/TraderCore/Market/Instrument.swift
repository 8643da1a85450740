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

    /// Creates a contract from venue data.
    ///
    /// - Throws: ``VenueError`` `malformed_reply` for an expiry that is not a date
    ///   `YYYYMMDD` in ASCII digits (month 01–12, day 01–31), a strike that is not positive, or a
    ///   multiplier that is not positive.
    public init(validatingUnderlying underlying: Symbol, expiry: String, strike: Price, right: Right, multiplier: Int = 100)
        throws(VenueError)
    {
        let digits = Array(expiry.utf8)
        let isDate =
            digits.count == 8 && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            && (1...12).contains(Int(expiry.dropFirst(4).prefix(2)) ?? 0) && (1...31).contains(Int(expiry.suffix(2)) ?? 0)
        guard isDate else {
            throw VenueError(.malformedReply, message: "option contract: \(underlying) expiry \"\(expiry.prefix(16))\" is not a date YYYYMMDD")
        }
        guard strike.value.raw > 0 else {
            throw VenueError(.malformedReply, message: "option contract: \(underlying) \(expiry) strike \(strike) is not a positive price")
        }
        guard multiplier > 0 else {
            throw VenueError(.malformedReply, message: "option contract: \(underlying) \(expiry) multiplier \(multiplier) is not positive")
        }
        self.init(underlying: underlying, expiry: expiry, strike: strike, right: right, multiplier: multiplier)
    }
}
