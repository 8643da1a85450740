import TraderCore

extension RiskState {
    /// Appends the JSON text of ``RiskState``'s `encode(to:)` (the same members, in the same
    /// order, which `JSONDecoder` reads back), written straight as bytes: a live node saves this
    /// state every cycle, and its trade times and ledger are most of the engine's saved state.
    public func appendJSON(to json: inout JSONBytes) {
        json.object { json in
            json.key("trade_times")
            json.array { json in for time in tradeTimes { json.time(time) } }
            json.key("cooldowns")
            json.object { json in
                for (symbol, until) in cooldowns {
                    json.key(symbol.description)
                    json.time(until)
                }
            }
            json.key("realized")
            json.array { json in
                for entry in realized {
                    json.object { json in
                        json.key("time")
                        json.time(entry.time)
                        json.key("amount")
                        json.decimal(entry.amount)
                    }
                }
            }
            if !positionEntries.isEmpty {
                json.key("position_entries")
                json.object { json in
                    for (symbol, entries) in positionEntries {
                        json.key(symbol.description)
                        json.object { json in
                            json.key("count")
                            json.integer(Int64(entries.count))
                            json.key("last_at")
                            json.time(entries.lastAt)
                            json.key("last_price")
                            json.decimal(entries.lastPrice.value)
                        }
                    }
                }
            }
            json.key("peak_nav")
            json.decimal(peakNAV)
            for (key, anchor) in [("day_anchor", dayAnchor), ("week_anchor", weekAnchor)] {
                guard let anchor else { continue }
                json.key(key)
                json.object { json in
                    json.key("period")
                    json.integer(Int64(anchor.period))
                    json.key("nav")
                    json.decimal(anchor.nav)
                }
            }
        }
    }
}
