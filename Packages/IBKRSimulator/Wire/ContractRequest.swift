import TraderCore

/// The 12 contract fields a request carries (REQ_CONTRACT_DATA, REQ_MKT_DATA, REQ_HISTORICAL_DATA,
/// PLACE_ORDER), as the client wrote them: any of them may be empty.
struct ContractRequest: Sendable, CustomStringConvertible {
    let conID: Int?
    let symbol: String
    let securityType: String
    let expiry: String
    let strike: FixedPoint?
    let right: String
    let multiplier: String
    let exchange: String
    let currency: String
    let localSymbol: String

    /// Reads the 12 fields at the cursor.
    init(reading fields: inout RequestFields) throws(TWSWireError) {
        conID = try fields.int("conId").flatMap { $0 == 0 ? nil : $0 }
        symbol = fields.string("symbol").uppercased()
        securityType = fields.string("secType").uppercased()
        // `YYYYMMDD`, or `YYYYMMDD HH:MM[ TZ]` in some replies: the date is what names a contract.
        expiry = String(fields.string("lastTradeDateOrContractMonth").prefix(8))
        strike = try fields.decimal("strike").flatMap { $0.isZero ? nil : $0 }
        right = Self.normalizedRight(fields.string("right"))
        multiplier = fields.string("multiplier")
        exchange = fields.string("exchange")
        fields.skip(1)  // primaryExchange: the simulator lists each stock once
        currency = fields.string("currency")
        localSymbol = fields.string("localSymbol")
        fields.skip(1)  // tradingClass
    }

    /// `C`/`P` from any of IB's spellings (`CALL`, `PUT`); empty stays empty.
    static func normalizedRight(_ text: String) -> String {
        switch text.uppercased() {
        case "C", "CALL": "C"
        case "P", "PUT": "P"
        default: text.uppercased()
        }
    }

    var description: String {
        [conID.map(String.init) ?? "", symbol, securityType, expiry, strike?.description ?? "", right].filter { !$0.isEmpty }.joined(separator: " ")
    }
}
