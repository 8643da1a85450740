import TraderCore

/// A contract as the TWS protocol writes it: a stock (`STK`) or an option (`OPT`) with IB's fields.
public struct TWSContract: Hashable, Sendable {
    /// IB's contract id; 0 before the contract is qualified.
    public var conID = 0
    /// The symbol (an option's underlying).
    public var symbol = ""
    /// `STK`, `OPT`, ….
    public var securityType = ""
    /// `YYYYMMDD` for an option; empty for a stock.
    public var expiry = ""
    /// The strike; zero for a stock.
    public var strike = FixedPoint.zero
    /// `C`, `P` or empty.
    public var right = ""
    /// `100` for a US equity option; empty for a stock.
    public var multiplier = ""
    /// Where it routes: `SMART`.
    public var exchange = ""
    /// A stock's listing exchange; never `SMART`.
    public var primaryExchange = ""
    /// The currency.
    public var currency = ""
    /// IB's local symbol (an option's OCC symbol).
    public var localSymbol = ""
    /// The trading class.
    public var tradingClass = ""

    /// An empty contract.
    public init() {}

    /// A US stock on SMART in USD.
    public static func stock(_ symbol: String) -> TWSContract {
        var contract = TWSContract()
        contract.symbol = symbol
        contract.securityType = "STK"
        contract.exchange = "SMART"
        contract.currency = "USD"
        return contract
    }

    /// A US equity option on SMART in USD.
    public static func option(_ underlying: String, expiry: String, strike: FixedPoint, right: String, multiplier: Int) -> TWSContract {
        var contract = TWSContract()
        contract.symbol = underlying
        contract.securityType = "OPT"
        contract.expiry = expiry
        contract.strike = strike
        contract.right = right
        contract.multiplier = String(multiplier)
        contract.exchange = "SMART"
        contract.currency = "USD"
        return contract
    }

    /// The two ways messages carry a contract.
    public enum Form: Sendable {
        /// The 12 fields of requests and PLACE_ORDER, with the primary exchange.
        case request
        /// The 11 fields of OPEN_ORDER, EXECUTION_DATA and POSITION_DATA, without it.
        case report
    }

    /// The strike as ib_async writes it: `0.0` for none.
    static let strikeCodec = FieldCodec<FixedPoint>(write: { $0.isZero ? "0.0" : $0.description }, read: FieldCodec.decimal.read)
}

extension TableField {
    /// A contract's fields in `form`.
    public static func contract(_ keyPath: WritableKeyPath<Message, TWSContract> & Sendable, _ form: TWSContract.Form) -> TableField {
        TableField(
            "contract",
            write: { message, out in
                let contract = message[keyPath: keyPath]
                out.append(contentsOf: [
                    String(contract.conID), contract.symbol, contract.securityType, contract.expiry, TWSContract.strikeCodec.write(contract.strike),
                    contract.right, contract.multiplier, contract.exchange,
                ])
                if form == .request { out.append(contract.primaryExchange) }
                out.append(contentsOf: [contract.currency, contract.localSymbol, contract.tradingClass])
            },
            read: { message, cursor throws(TWSDecodingError) in
                var contract = TWSContract()
                contract.conID = try cursor.next("conId", .optionalInt) ?? 0
                contract.symbol = try cursor.text("symbol")
                contract.securityType = try cursor.text("secType")
                contract.expiry = try cursor.text("lastTradeDateOrContractMonth")
                contract.strike = try cursor.next("strike", TWSContract.strikeCodec)
                contract.right = try cursor.text("right")
                contract.multiplier = try cursor.text("multiplier")
                contract.exchange = try cursor.text("exchange")
                if form == .request { contract.primaryExchange = try cursor.text("primaryExchange") }
                contract.currency = try cursor.text("currency")
                contract.localSymbol = try cursor.text("localSymbol")
                contract.tradingClass = try cursor.text("tradingClass")
                message[keyPath: keyPath] = contract
            })
    }
}
