/// Values by symbol, kept in symbol order in one contiguous array: what changes every bar (the
/// candles that just closed, the latest quotes, the marks), where a `Dictionary` would hash on
/// every access and allocate whenever it is rebuilt.
///
/// - Lookups are a binary search over the symbols' packed codes; setting a symbol after the last
///   one (the order feeds deliver in) appends.
/// - Iteration is always in symbol order, so whatever is derived from a map is deterministic
///   without sorting.
/// - ``removeAll(keepingCapacity:)`` keeps the storage, so a map refilled on every bar allocates
///   only while it grows.
public struct SymbolMap<Value> {
    /// The entries in ascending symbol order, each symbol once.
    @usableFromInline var entries: [Element]

    /// An empty map.
    @inlinable public init() {
        entries = []
    }

    /// A map of `pairs`; a symbol given twice keeps its last value.
    @inlinable public init<Pairs: Sequence>(_ pairs: Pairs) where Pairs.Element == (Symbol, Value) {
        entries = []
        for (symbol, value) in pairs { self[symbol] = value }
    }

    /// The value of `symbol`, if any; setting `nil` removes it.
    @inlinable public subscript(symbol: Symbol) -> Value? {
        get {
            let (index, found) = position(of: symbol)
            return found ? entries[index].value : nil
        }
        set {
            let (index, found) = position(of: symbol)
            switch (found, newValue) {
            case (true, let value?): entries[index].value = value
            case (true, nil): entries.remove(at: index)
            case (false, let value?): insert((symbol, value), at: index)
            case (false, nil): break
            }
        }
    }

    /// Sets the value of `symbol` and returns the value it replaced, if any (one search where a
    /// lookup and then an assignment make two). Always inlined: a backtest gathers every bar with
    /// it, and the call costs more than appending to a map of one symbol.
    @inlinable @inline(__always) @discardableResult
    public mutating func updateValue(_ value: Value, for symbol: Symbol) -> Value? {
        let (index, found) = position(of: symbol)
        guard found else {
            insert((symbol, value), at: index)
            return nil
        }
        let replaced = entries[index].value
        entries[index].value = value
        return replaced
    }

    /// The symbols, in order.
    @inlinable public var symbols: [Symbol] { entries.map(\.symbol) }

    /// Removes every entry, keeping the storage when asked (a map refilled on every bar). Always
    /// inlined: a backtest empties its bar map on every bar.
    @inlinable @inline(__always) public mutating func removeAll(keepingCapacity: Bool = false) {
        if keepingCapacity {
            entries.removeAllKeepingCapacity()
        } else {
            entries = []
        }
    }

    /// The same entries in a `Dictionary`, for APIs keyed that way.
    @inlinable public var dictionary: [Symbol: Value] {
        Dictionary(uniqueKeysWithValues: entries.lazy.map { ($0.symbol, $0.value) })
    }

    /// Inserts an entry where ``position(of:)`` says its symbol belongs; appending (the order feeds
    /// deliver in) costs less than inserting at the end. Always inlined, as the search is: a bar
    /// gathered for a backtest inserts one entry, and the call costs more than appending it.
    @inlinable @inline(__always) mutating func insert(_ entry: Element, at index: Int) {
        if index == entries.count { entries.append(entry) } else { entries.insert(entry, at: index) }
    }

    /// Where `symbol` is, or where it would be inserted to keep the order.
    @inlinable @inline(__always) func position(of symbol: Symbol) -> (index: Int, found: Bool) {
        // The last symbol is read alone: `entries.last` would copy its value out too.
        let count = entries.count
        guard count > 0, !(entries[count - 1].symbol < symbol) else { return (count, false) }
        // The last symbol is the one asked for most often (the only one of a one-symbol run's
        // maps): that case is always inlined, the search below it only where the compiler sees fit.
        if entries[count - 1].symbol == symbol { return (count - 1, true) }
        return position(of: symbol, below: count - 1)
    }

    /// Where `symbol`, ordered before the last entry's, is or would be inserted: a binary search.
    /// Inlinable, so that each client specializes it (a generic call across modules would run
    /// unspecialized: it once doubled a 20-proposal risk evaluation over 100 positions).
    @inlinable func position(of symbol: Symbol, below end: Int) -> (index: Int, found: Bool) {
        var low = 0
        var high = end
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].symbol < symbol { low = middle + 1 } else { high = middle }
        }
        return (low, low < end && entries[low].symbol == symbol)
    }
}

extension SymbolMap: RandomAccessCollection {
    /// A symbol and its value.
    public typealias Element = (symbol: Symbol, value: Value)

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { entries.count }
    @inlinable public subscript(position: Int) -> Element { entries[position] }
}

extension SymbolMap: ExpressibleByDictionaryLiteral {
    /// A map of the literal's pairs.
    @inlinable public init(dictionaryLiteral elements: (Symbol, Value)...) {
        self.init(elements)
    }
}

extension SymbolMap: Equatable where Value: Equatable {
    @inlinable public static func == (lhs: SymbolMap, rhs: SymbolMap) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0.symbol == $1.symbol && $0.value == $1.value }
    }
}

extension SymbolMap: Hashable where Value: Hashable {
    @inlinable public func hash(into hasher: inout Hasher) {
        hasher.combine(entries.count)
        for (symbol, value) in entries {
            hasher.combine(symbol)
            hasher.combine(value)
        }
    }
}

extension SymbolMap: Sendable where Value: Sendable {}
