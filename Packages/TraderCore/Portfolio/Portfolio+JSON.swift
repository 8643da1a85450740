extension Portfolio {
    /// Appends the JSON text of ``Portfolio``'s `encode(to:)` (the same members, which
    /// `JSONDecoder` reads back), its positions written straight as bytes: a live node saves the
    /// portfolio with the engine's state every cycle.
    ///
    /// - Throws: `EncodingError` (a working order or an option contract that cannot be encoded).
    public func appendJSON(to json: inout JSONBytes) throws {
        try json.object { json in
            json.key("currency")
            json.string(currency.code)
            json.key("cash")
            json.decimal(cash)
            json.key("positions")
            try json.object { json in
                for (symbol, position) in positions {
                    json.key(symbol.description)
                    try position.appendJSON(to: &json)
                }
            }
            try json.member("working_orders", workingOrders)
            guard !optionPositions.isEmpty || !optionMarks.isEmpty else { return }
            let options = savedOptions
            try json.member("option_positions", options.positions)
            try json.member("option_marks", options.marks)
        }
    }
}

extension Position {
    /// Appends the JSON text of ``Position``'s `encode(to:)`.
    ///
    /// - Throws: `EncodingError` (an option contract that cannot be encoded).
    public func appendJSON(to json: inout JSONBytes) throws {
        try json.object { json in
            if case .option = instrument {
                json.key("instrument")
                try json.encodable(instrument)
            }
            json.key("symbol")
            json.string(symbol.description)
            json.key("quantity")
            json.decimal(quantity.value)
            json.key("costBasis")
            json.decimal(costBasis)
            json.key("realizedPnL")
            json.decimal(realizedPnL)
            json.key("feesPaid")
            json.decimal(feesPaid)
        }
    }
}
