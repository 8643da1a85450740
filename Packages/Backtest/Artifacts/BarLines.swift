import TraderCore

/// The equity.csv and exposure.csv lines of one bar, written as bytes into buffers kept from bar
/// to bar (a line per bar of the run: interpolation and `description` per value cost more than the
/// rest of the bar).
struct BarLines {
    /// The base assets with an exposure column, sorted.
    let assets: [String]
    /// `time,equity,cash,exposed` and a newline.
    private(set) var equity: [UInt8] = []
    /// `time,nav,total_pct,pending_pct,<ASSET>_pct…` and a newline.
    private(set) var exposure: [UInt8] = []
    private var time = BarTimeText()
    private var assetAmounts: [FixedPoint] = []
    /// Each traded symbol's column in ``assets`` (-1: none), learned on first sight.
    private var assetColumns: SymbolMap<Int> = [:]
    /// The lines after their time when nothing is held or working, for the cash they were
    /// written for: a flat portfolio's lines repeat from bar to bar until the cash moves.
    private var flatTails: (cash: FixedPoint, equity: [UInt8], exposure: [UInt8])?

    /// Buffers for lines with a column for each of `assets` (sorted).
    init(assets: [String]) {
        self.assets = assets
    }

    /// Writes `bar`'s two lines.
    ///
    /// - Throws: ``Portfolio/Error`` `missing_mark`; ``ArithmeticError``.
    mutating func render(_ bar: BarState) throws {
        time.set(bar.time)
        if bar.portfolio.workingOrders.isEmpty && !bar.portfolio.holdsPositions {
            renderFlat(bar)
            return
        }
        let nav = try bar.portfolio.nav(marks: bar.marks)
        var total = FixedPoint.zero
        var pending = FixedPoint.zero
        assetAmounts.removeAll(keepingCapacity: true)
        assetAmounts.append(contentsOf: repeatElement(.zero, count: assets.count))
        try bar.portfolio.forEachExposure(marks: bar.marks) { symbol, amount, isPending in
            total = try total.adding(amount)
            if isPending { pending = try pending.adding(amount) }
            if let column = column(of: symbol) { assetAmounts[column] = try assetAmounts[column].adding(amount) }
        }
        let timeText = time.bytes
        let numberLength = FixedPoint.maxDescriptionLength + 1
        equity.removeAll(keepingCapacity: true)
        equity.append(addingCapacity: timeText.count + 2 * numberLength + 3) { line in
            for byte in timeText { line.append(byte) }
            line.append(UInt8(ascii: ","))
            bar.equity.appendDescription(to: &line)
            line.append(UInt8(ascii: ","))
            bar.portfolio.cash.appendDescription(to: &line)
            line.append(UInt8(ascii: ","))
            line.append(bar.exposed ? UInt8(ascii: "1") : UInt8(ascii: "0"))
            line.append(UInt8(ascii: "\n"))
        }
        let amounts = assetAmounts
        exposure.removeAll(keepingCapacity: true)
        exposure.append(addingCapacity: timeText.count + (3 + amounts.count) * numberLength + 1) { line in
            for byte in timeText { line.append(byte) }
            line.append(UInt8(ascii: ","))
            nav.appendDescription(to: &line)
            line.append(UInt8(ascii: ","))
            Self.appendPercent(total, of: nav, to: &line)
            line.append(UInt8(ascii: ","))
            Self.appendPercent(pending, of: nav, to: &line)
            for amount in amounts {
                line.append(UInt8(ascii: ","))
                Self.appendPercent(amount, of: nav, to: &line)
            }
            line.append(UInt8(ascii: "\n"))
        }
    }

    /// ``render(_:)`` for a bar with nothing held or working: equity and NAV are the cash, every
    /// exposure is zero.
    private mutating func renderFlat(_ bar: BarState) {
        let cash = bar.portfolio.cash
        if flatTails?.cash != cash {
            var equityTail: [UInt8] = []
            equityTail.append(UInt8(ascii: ","))
            bar.equity.appendDescription(to: &equityTail)
            equityTail.append(UInt8(ascii: ","))
            cash.appendDescription(to: &equityTail)
            equityTail.append(contentsOf: Array(",0\n".utf8))
            var exposureTail: [UInt8] = []
            exposureTail.append(UInt8(ascii: ","))
            cash.appendDescription(to: &exposureTail)
            let zero: [UInt8] = cash.raw > 0 ? Array(",0".utf8) : [UInt8(ascii: ",")]
            for _ in 0..<(2 + assets.count) { exposureTail.append(contentsOf: zero) }
            exposureTail.append(UInt8(ascii: "\n"))
            flatTails = (cash, equityTail, exposureTail)
        }
        guard let tails = flatTails else { return }
        equity.removeAll(keepingCapacity: true)
        equity.append(contentsOf: time.bytes)
        equity.append(contentsOf: tails.equity)
        exposure.removeAll(keepingCapacity: true)
        exposure.append(contentsOf: time.bytes)
        exposure.append(contentsOf: tails.exposure)
    }

    /// The exposure column of `symbol`'s base asset; `nil` for an asset without a column.
    private mutating func column(of symbol: Symbol) -> Int? {
        if let known = assetColumns[symbol] { return known >= 0 ? known : nil }
        let column = assets.firstIndex(of: symbol.base)
        assetColumns[symbol] = column ?? -1
        return column
    }

    /// Appends `amount × 100 / nav`, rounded half to even to 10⁻⁸; nothing when NAV is not positive.
    private static func appendPercent(_ amount: FixedPoint, of nav: FixedPoint, to line: inout OutputSpan<UInt8>) {
        guard nav.raw > 0, let pct = try? amount.multiplied(by: 100, dividedBy: nav, rounding: .toNearestOrEven) else { return }
        pct.appendDescription(to: &line)
    }
}
