import TraderCore

/// A PLACE_ORDER (id 3) at server version 178, read by position (the reference's §4.1 table):
/// the fields a LMT, MKT or STP order and a bracket or OCA group need. The tail (indexes 47 to
/// 113, with its conditional blocks) is not read: nothing the simulator models is there.
struct PlaceOrderRequest: Sendable {
    let orderID: Int
    let contract: ContractRequest
    let action: String
    let quantity: FixedPoint
    let orderType: String
    let limitPrice: FixedPoint?
    /// The stop price of a STP order.
    let auxPrice: FixedPoint?
    let timeInForce: String
    let ocaGroup: String
    let account: String
    let orderRef: String
    let transmit: Bool
    let parentID: Int
    let outsideRTH: Bool
    let ocaType: Int

    /// The fewest fields a PLACE_ORDER at 178 has up to `ocaType`.
    static let minimumFieldCount = 47

    /// Reads the message.
    ///
    /// - Throws: ``TWSWireError`` for a message shorter than its layout or a field of the wrong type.
    init(_ message: [String]) throws(TWSWireError) {
        guard message.count >= Self.minimumFieldCount else {
            throw TWSWireError("PLACE_ORDER has \(message.count) fields; at server version 178 it has at least \(Self.minimumFieldCount)")
        }
        var fields = RequestFields(message)
        orderID = try fields.requiredInt("orderId")
        contract = try ContractRequest(reading: &fields)
        fields.skip(2)  // secIdType, secId
        action = fields.string("action").uppercased()
        guard let quantity = try fields.decimal("totalQuantity") else { throw TWSWireError("PLACE_ORDER \(orderID): totalQuantity is required") }
        self.quantity = quantity
        orderType = fields.string("orderType").uppercased()
        limitPrice = try fields.decimal("lmtPrice")
        auxPrice = try fields.decimal("auxPrice")
        timeInForce = fields.string("tif").uppercased()
        ocaGroup = fields.string("ocaGroup")
        account = fields.string("account")
        fields.skip(2)  // openClose, origin
        orderRef = fields.string("orderRef")
        transmit = try fields.bool("transmit")
        parentID = try fields.int("parentId") ?? 0
        fields.skip(4)  // blockOrder, sweepToFill, displaySize, triggerMethod
        outsideRTH = try fields.bool("outsideRth")
        fields.skip(12)  // hidden, sharesAllocation, discretionaryAmt … exemptCode
        ocaType = try fields.int("ocaType") ?? 0
    }
}
