import TraderCore

/// OPEN_ORDER (5) at server version 178: 127 fields for an order without combo legs, algo
/// parameters or conditions. The decoder keeps what the adapter books (the order, its contract,
/// its bracket and OCA links, its status) and skips the rest by position, following each
/// variable block's count or flag; an order with conditions is refused as a typed error.
struct OpenOrder: TWSMessage {
    var orderID = 0
    var contract = TWSContract()
    var action = ""
    var totalQuantity = FixedPoint.zero
    var orderType = ""
    var limitPrice: FixedPoint?
    var auxPrice: FixedPoint?
    var timeInForce = ""
    var ocaGroup = ""
    var account = ""
    /// The client order id the adapter sent as orderRef.
    var orderRef = ""
    var clientID = 0
    var permID = 0
    var outsideRTH = false
    var goodTillDate = ""
    var ocaType = 0
    var parentID = 0
    /// IB's status string.
    var status = ""
    var warningText = ""

    static let table = FieldTable<Self>(
        "OPEN_ORDER", id: 5,
        [
            .value("orderId", \.orderID, .int), .contract(\.contract, .report), .value("action", \.action, .string),
            .value("totalQuantity", \.totalQuantity, .decimal), .value("orderType", \.orderType, .string),
            .value("lmtPrice", \.limitPrice, .optionalDecimal), .value("auxPrice", \.auxPrice, .optionalDecimal), .value("tif", \.timeInForce, .string),
            .value("ocaGroup", \.ocaGroup, .string), .value("account", \.account, .string), .fixed("openClose, origin", "O", "0"),
            .value("orderRef", \.orderRef, .string), .value("clientId", \.clientID, .int), .value("permId", \.permID, .int),
            .value("outsideRth", \.outsideRTH, .bool),
            .fixed("hidden, discretionaryAmt, goodAfterTime, sharesAllocation, faGroup, faMethod, faPercentage", "0", "0", "", "", "", "", ""),
            .fixed("faProfile", "", until: 177), .fixed("modelCode", ""), .value("goodTillDate", \.goodTillDate, .string),
            .fixed(
                "rule80A … minQty", "", "", "", "0", "", "-1", "0", "", "", "", "", "", "0", "0", "0", "0", ""),
            .value("ocaType", \.ocaType, .int), .fixed("eTradeOnly, firmQuoteOnly, nbboPriceCap", "0", "0", ""),
            .value("parentId", \.parentID, .int), .fixed("triggerMethod, volatility, volatilityType", "0", "", "0"),
            .block("deltaNeutralOrderType, deltaNeutralAuxPrice", writing: "", thenWriting: [""]) { $0.isEmpty ? 1 : 9 },
            .fixed("continuousUpdate … comboLegsDescrip", "0", "0", "", "", "", "", ""),
            .countedBlock("comboLegsCount", width: 8), .countedBlock("orderComboLegsCount", width: 1),
            .countedBlock("smartComboRoutingParamsCount", width: 2), .fixed("scaleInitLevelSize, scaleSubsLevelSize", "", ""),
            .block("scalePriceIncrement", writing: "") { text in
                guard !TWSValue.isUnset(text) else { return 0 }
                guard let increment = Double(text) else { return nil }
                return increment > 0 ? 7 : 0
            },
            .block("hedgeType", writing: "") { $0.isEmpty ? 0 : 1 },
            .fixed("optOutSmartRouting, clearingAccount, clearingIntent, notHeld", "0", "", "", "0"),
            .block("deltaNeutralContract", writing: "0") { $0 == "1" ? 3 : ($0 == "0" || $0.isEmpty ? 0 : nil) },
            TableField(
                "algoStrategy", write: { _, out in out.append("") },
                read: { _, cursor throws(TWSDecodingError) in
                    guard try !cursor.text("algoStrategy").isEmpty else { return }
                    cursor.skip(2 * (try cursor.next("algoParamsCount", .int)))
                }),
            .fixed("solicited, whatIf", "0", "0"), .value("status", \.status, .string),
            .fixed("margins before, change, after", "", "", "", "", "", "", "", "", ""),
            .fixed("commission, minCommission, maxCommission, commissionCurrency", "", "", "", ""), .value("warningText", \.warningText, .string),
            .fixed("randomizeSize, randomizePrice", "0", "0"),
            TableField(
                "PEG BENCH", write: { _, _ in },
                read: { message, cursor in if message.orderType == "PEG BENCH" || message.orderType == "PEGBENCH" { cursor.skip(5) } }),
            .block("conditionsCount", writing: "0") { $0 == "0" || $0.isEmpty ? 0 : nil },
            .fixed("adjustedOrderType … adjustableTrailingUnit", "", "", "", "", "", "", "", ""),
            .fixed("softDollarTier name, value, displayName, cashQty", "", "", "", ""),
            .fixed("dontUseAutoPriceForHedge, isOmsContainer, discretionaryUpToLimitPrice, usePriceMgmtAlgo", "0", "0", "", "0"),
            .fixed("duration", "", since: 159), .fixed("postToAts", "", since: 160), .fixed("autoCancelParent", "0", since: 162),
            .fixed("minTradeQty, minCompeteSize, competeAgainstBestOffset, midOffsetAtWhole, midOffsetAtHalf", "", "", "", "", "", since: 170),
        ])
}
