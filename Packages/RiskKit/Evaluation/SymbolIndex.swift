import TraderCore

/// A fixed, read-only map from symbols to small integers, built once: open addressing over the
/// symbols' packed codes with a multiplicative hash. A lookup costs a few nanoseconds, against tens
/// for a `Dictionary`, whose per-process seeded hashing dominates when a portfolio of hundreds of
/// positions is classified every cycle.
struct SymbolIndex: Hashable, Sendable {
    private var bases: [UInt64]
    private var quotes: [UInt64]
    private var values: [Int32]
    private let shift: UInt64

    /// An index of `entries`; values must fit in 31 bits.
    init(_ entries: [Symbol: Int]) {
        var bits: UInt64 = 3
        while (1 << bits) < entries.count * 2 { bits += 1 }
        let capacity = 1 << Int(bits)
        shift = 64 - bits
        bases = Array(repeating: 0, count: capacity)
        quotes = Array(repeating: 0, count: capacity)
        values = Array(repeating: -1, count: capacity)
        for (symbol, value) in entries {
            var slot = slot(of: symbol)
            while values[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            (bases[slot], quotes[slot], values[slot]) = (symbol.baseCode, symbol.quoteCode, Int32(value))
        }
    }

    /// The value of `symbol`, if indexed.
    subscript(symbol: Symbol) -> Int? {
        var slot = slot(of: symbol)
        while values[slot] >= 0 {
            if bases[slot] == symbol.baseCode && quotes[slot] == symbol.quoteCode { return Int(values[slot]) }
            slot = (slot + 1) & (values.count - 1)
        }
        return nil
    }

    private func slot(of symbol: Symbol) -> Int {
        // Packed codes are never 0 (every code has a letter), so 0 marks nothing; the odd constants
        // are from splitmix64.
        Int(((symbol.baseCode &* 0x9E37_79B9_7F4A_7C15) ^ (symbol.quoteCode &* 0xBF58_476D_1CE4_E5B9)) >> shift)
    }
}
