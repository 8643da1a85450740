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
            try json.member("orders", orders)
            try json.member("red_flags", redFlags)
            try json.member("discovered", discovered)
            json.key("marks")
            json.object { json in
                for (symbol, mark) in marks {
                    json.key(symbol.description)
                    json.decimal(mark.value)
                }
            }
            try json.member("whale_states", whaleStates)
            if !brackets.isEmpty { try json.member("option_brackets", brackets) }
            if !exitWatches.isEmpty { try json.member("exit_watches", exitWatches) }
            json.key("intent_sequence")
            json.integer(Int64(intentSequence))
            json.key("next_pruning")
            json.time(nextPruning)
            try json.member("placements", placements)
            try json.member("cancelling", cancelling)
            try json.member("due_requotes", dueRequotes)
            try json.member("awaiting_lookup", awaitingLookup)
        }
        return json.bytes
    }
}
