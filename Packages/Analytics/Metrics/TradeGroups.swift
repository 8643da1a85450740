import TraderCore

/// Round-trip statistics grouped by a key with few values (a signal, a regime, a tier), kept in
/// first-seen order and found by comparing keys: cheaper than hashing them once per round trip.
struct TradeGroups<Key: Equatable & Sendable>: Sendable {
    /// A group's statistics after a round trip, not yet stored.
    struct Update {
        fileprivate let index: Int?
        fileprivate let key: Key
        fileprivate let statistics: TradeGroupStatistics
    }

    private var keys: [Key] = []
    private var groups: [TradeGroupStatistics] = []

    /// The statistics of `key`'s group with `trip` added; ``store(_:)`` keeps them.
    ///
    /// - Throws: ``ArithmeticError`` `overflow`.
    func adding(_ trip: RoundTrip, to key: Key) throws(ArithmeticError) -> Update {
        let index = keys.firstIndex(of: key)
        var statistics = index.map { groups[$0] } ?? TradeGroupStatistics()
        try statistics.add(trip)
        return Update(index: index, key: key, statistics: statistics)
    }

    /// Stores an update from ``adding(_:to:)``.
    mutating func store(_ update: Update) {
        if let index = update.index {
            groups[index] = update.statistics
        } else {
            keys.append(update.key)
            groups.append(update.statistics)
        }
    }

    /// The groups by their keys' names.
    func named(_ name: (Key) -> String) -> [String: TradeGroupStatistics] {
        Dictionary(uniqueKeysWithValues: zip(keys.lazy.map(name), groups))
    }
}
