/// What an order trades: a spot pair, or a listed option on an underlying.
public enum Instrument: Hashable, Sendable, Codable {
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

    /// Units of the underlying one unit of the instrument stands for: 1 for a spot pair, the
    /// contract's multiplier for an option.
    @inlinable public var multiplier: Int {
        switch self {
        case .spot: 1
        case .option(let contract): contract.multiplier
        }
    }

    /// The notional of `quantity` at `price`: price × quantity for a spot pair, premium ×
    /// multiplier × contracts for an option, rounded once by `rule`.
    ///
    /// - Throws: ``ArithmeticError`` `overflow`.
    @inlinable public func notional(at price: Price, of quantity: Quantity, rounding rule: RoundingRule) throws(ArithmeticError) -> FixedPoint {
        let perUnit = try price.notional(of: quantity, rounding: rule)
        guard case .option(let contract) = self else { return perUnit }
        return try perUnit.multiplied(by: FixedPoint(contract.multiplier), rounding: rule)
    }

    private enum CodingKeys: String, CodingKey { case spot, option }

    /// Decodes `{"spot": "BTC-USD"}` or `{"option": {…}}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let symbol = try container.decodeIfPresent(Symbol.self, forKey: .spot) {
            self = .spot(symbol)
        } else {
            self = .option(try container.decode(OptionContract.self, forKey: .option))
        }
    }

    /// Encodes `{"spot": "BTC-USD"}` or `{"option": {…}}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .spot(let symbol): try container.encode(symbol, forKey: .spot)
        case .option(let contract): try container.encode(contract, forKey: .option)
        }
    }
}

/// A listed option contract.
public struct OptionContract: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Call or put.
    public enum Right: String, CaseIterable, Hashable, Sendable, Codable {
        case call = "C"
        case put = "P"
    }

    /// The underlying (`SPY-USD`).
    public let underlying: Symbol
    /// The expiry date as the number YYYYMMDD (`20261218`): kept as a number, so that an
    /// instrument (and every order and position on one) holds no reference and copies as plain
    /// bytes.
    public let expiryDate: Int

    /// The expiry date, as the exchange lists it (`20261218`).
    public var expiry: String { String(expiryDate) }
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
        expiryDate = Int(expiry) ?? 0
        self.strike = strike
        self.right = right
        self.multiplier = multiplier
    }

    /// Ordered by underlying, expiry, strike, then right (calls first): the order in which books
    /// and saved states list contracts, so that runs and encodings are deterministic.
    public static func < (lhs: OptionContract, rhs: OptionContract) -> Bool {
        (lhs.underlying, lhs.expiryDate, lhs.strike, lhs.right.rawValue) < (rhs.underlying, rhs.expiryDate, rhs.strike, rhs.right.rawValue)
    }

    /// `SPY-USD 20210305 C 410`: underlying, expiry, right and strike.
    public var description: String { "\(underlying) \(expiry) \(right.rawValue) \(strike)" }

    private enum CodingKeys: String, CodingKey { case underlying, expiry, strike, right, multiplier }

    /// Decodes a contract, checked as one from venue data is.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                validatingUnderlying: container.decode(Symbol.self, forKey: .underlying), expiry: container.decode(String.self, forKey: .expiry),
                strike: container.decode(Price.self, forKey: .strike), right: container.decode(Right.self, forKey: .right),
                multiplier: container.decode(Int.self, forKey: .multiplier))
        } catch let error as VenueError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    /// Encodes the contract, its expiry as the text `YYYYMMDD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(underlying, forKey: .underlying)
        try container.encode(expiry, forKey: .expiry)
        try container.encode(strike, forKey: .strike)
        try container.encode(right, forKey: .right)
        try container.encode(multiplier, forKey: .multiplier)
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
