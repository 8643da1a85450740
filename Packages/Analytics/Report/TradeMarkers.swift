import TraderCore

/// Where a run traded, by symbol, for drawing: the mid at each order's decision (the price the
/// engine saw) and each fill, a buy or a sell.
public struct TradeMarkers: Hashable, Sendable {
    /// A price at an instant.
    public struct Mark: Hashable, Sendable {
        /// The instant.
        public let time: Timestamp
        /// The price.
        public let price: Price

        /// A mark.
        public init(time: Timestamp, price: Price) {
            self.time = time
            self.price = price
        }
    }

    /// One symbol's marks, each list in time order.
    public struct SymbolMarks: Hashable, Sendable {
        /// The symbol.
        public let symbol: Symbol
        /// The mid when each order was decided.
        public var decisionMids: [Mark] = []
        /// The buy fills.
        public var buys: [Mark] = []
        /// The sell fills.
        public var sells: [Mark] = []

        /// No marks yet.
        public init(symbol: Symbol) {
            self.symbol = symbol
        }
    }

    /// The symbols traded, in symbol order.
    public private(set) var symbols: [SymbolMarks] = []

    /// No marks.
    public init() {}

    /// Adds an order of `symbol` on `side` decided at `decidedAt` with the mid `mid` (if known),
    /// and its fills.
    public mutating func add(symbol: Symbol, side: OrderSide, decidedAt: Timestamp, mid: Price?, fills: [Fill]) {
        let index: Int
        if let found = symbols.firstIndex(where: { $0.symbol == symbol }) {
            index = found
        } else {
            index = symbols.firstIndex { $0.symbol > symbol } ?? symbols.count
            symbols.insert(SymbolMarks(symbol: symbol), at: index)
        }
        if let mid { symbols[index].decisionMids.append(Mark(time: decidedAt, price: mid)) }
        let marks = fills.map { Mark(time: $0.time, price: $0.price) }
        if side == .buy { symbols[index].buys += marks } else { symbols[index].sells += marks }
    }

    /// The marks in `window`, each list sorted by time.
    func within(_ window: ReportWindow) -> TradeMarkers {
        func keep(_ marks: [Mark]) -> [Mark] {
            marks.filter { window.contains($0.time) }.sorted { $0.time < $1.time }
        }
        var kept = TradeMarkers()
        kept.symbols = symbols.map { series in
            var series = series
            series.decisionMids = keep(series.decisionMids)
            series.buys = keep(series.buys)
            series.sells = keep(series.sells)
            return series
        }
        return kept
    }
}
