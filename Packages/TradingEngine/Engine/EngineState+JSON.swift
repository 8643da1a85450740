import RiskKit
import TraderCore

extension EngineState {
    /// The state as JSON text that `JSONDecoder` reads back into an equal state: the members of
    /// `encode(to:)`, the portfolio, the risk layer's memory and the marks written by hand and the
    /// rest by ``StreamingJSONEncoder``, several times faster than `JSONEncoder` (a live node saves the
    /// state every cycle).
    ///
    /// - Throws: `EncodingError` (a member that cannot be encoded).
    public func encodedJSON() throws -> [UInt8] {
        var json = JSONBytes()
        try json.object { json in
            json.key("format")
            json.integer(Int64(format))
            json.key("cycle")
            json.integer(Int64(cycle))
            json.key("portfolio")
            try portfolio.appendJSON(to: &json)
            json.key("risk_state")
            riskState.appendJSON(to: &json)
            json.key("orders")
            try json.encodable(orders)
            json.key("red_flags")
            try json.encodable(redFlags)
            json.key("discovered")
            try json.encodable(discovered)
            json.key("marks")
            json.object { json in
                for (symbol, mark) in marks {
                    json.key(symbol.description)
                    json.decimal(mark.value)
                }
            }
            json.key("whale_states")
            try json.encodable(whaleStates)
            json.key("intent_sequence")
            json.integer(Int64(intentSequence))
            json.key("next_pruning")
            json.time(nextPruning)
            json.key("placements")
            try json.encodable(placements)
            json.key("cancelling")
            try json.encodable(cancelling)
            json.key("due_requotes")
            try json.encodable(dueRequotes)
            json.key("awaiting_lookup")
            try json.encodable(awaitingLookup)
        }
        return json.bytes
    }
}
