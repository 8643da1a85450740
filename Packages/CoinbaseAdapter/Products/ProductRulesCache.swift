import TraderCore

/// Product rules as last read from Coinbase, with when each was read; one that an order refusal
/// put in doubt is forgotten, so the next read asks Coinbase again.
actor ProductRulesCache {
    private var entries: [Symbol: (rules: ProductRules, read: Timestamp)] = [:]

    /// The rules of `symbol` when read at `oldest` or later; `nil` when they must be read again.
    func rules(of symbol: Symbol, readSince oldest: Timestamp) -> ProductRules? {
        guard let entry = entries[symbol], entry.read >= oldest else { return nil }
        return entry.rules
    }

    /// Keeps `rules`, read at `time`.
    func store(_ rules: ProductRules, readAt time: Timestamp) {
        entries[rules.symbol] = (rules, time)
    }

    /// Forgets the rules of `symbol`.
    func forget(_ symbol: Symbol) {
        entries.removeValue(forKey: symbol)
    }
}
