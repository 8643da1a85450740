import TraderCore

/// A contract as the gateway lists it: a US stock on SMART, or a listed option on one, with IB's
/// fields (conId, OCC local symbol, trading class, multiplier).
///
/// Contract ids are the simulator's own, a stable hash of the symbol (and of the OCC symbol for an
/// option), so that they survive a restart; they are not IB's.
struct GatewayContract: Hashable, Sendable {
    enum SecurityType: String, Sendable { case stock = "STK", option = "OPT" }

    let conID: Int
    let symbol: String
    let securityType: SecurityType
    /// `YYYYMMDD` for an option, empty for a stock.
    let expiry: String
    /// Zero for a stock.
    let strike: FixedPoint
    /// `C`, `P`, or empty for a stock.
    let right: String
    /// `100` for an option, empty for a stock.
    let multiplier: String
    let primaryExchange: String
    let currency: String
    let localSymbol: String
    let tradingClass: String

    /// Where the simulator routes everything.
    static let exchange = "SMART"
    /// The listing exchange given to every stock (the simulator does not know the real one).
    static let listingExchange = "ARCA"

    /// The stock `symbol` in USD.
    static func stock(_ symbol: String) -> GatewayContract {
        GatewayContract(
            conID: stableID(symbol), symbol: symbol, securityType: .stock, expiry: "", strike: .zero, right: "", multiplier: "",
            primaryExchange: listingExchange, currency: "USD", localSymbol: symbol, tradingClass: symbol)
    }

    /// The option on `underlying` (multiplier 100), its local symbol in the OCC form
    /// `SPY   231103C00450000`.
    static func option(_ underlying: String, expiry: String, strike: FixedPoint, right: String) -> GatewayContract {
        let thousandths = strike.raw / (FixedPoint.scale / 1000)
        let strikeDigits = String(thousandths)
        let occ = underlying.padding(toLength: 6, withPad: " ", startingAt: 0) + expiry.dropFirst(2) + right
            + String(repeating: "0", count: max(0, 8 - strikeDigits.count)) + strikeDigits
        return GatewayContract(
            conID: stableID(occ), symbol: underlying, securityType: .option, expiry: expiry, strike: strike, right: right, multiplier: "100",
            primaryExchange: "", currency: "USD", localSymbol: occ, tradingClass: underlying)
    }

    /// Units of the underlying one contract stands for.
    var multiplierValue: Int { Int(multiplier) ?? 1 }

    /// The strike as IB writes it (`450.0`; `0.0` for a stock).
    var strikeText: String { strike.isZero ? "0.0" : strike.description }

    /// The 12 fields a request or PLACE_ORDER carries, and CONTRACT_DATA's order for them.
    var requestFields: [String] {
        [String(conID), symbol, securityType.rawValue, expiry, strikeText, right, multiplier, Self.exchange, primaryExchange, currency, localSymbol, tradingClass]
    }

    /// The 11 fields OPEN_ORDER and EXECUTION_DATA carry: no primary exchange.
    var orderFields: [String] {
        [String(conID), symbol, securityType.rawValue, expiry, strikeText, right, multiplier, Self.exchange, currency, localSymbol, tradingClass]
    }

    /// A 31-bit FNV-1a hash of `text`, above 100 000 so that it looks like a contract id.
    static func stableID(_ text: String) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return 100_000 + Int(hash % 2_000_000_000)
    }
}
