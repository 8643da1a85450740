import TraderCore

/// What the risk layer remembers between cycles: recent trade times (pacing), cooldowns, the
/// realized-PnL ledger of recent days (loss stops), peak NAV (drawdown) and the NAV each day and
/// week opened at. A value the shell owns and persists; evaluations read it, and the shell records
/// what happened after each cycle.
public struct RiskState: Hashable, Sendable {
    /// One realized profit or loss.
    public struct RealizedEntry: Hashable, Sendable, Codable {
        /// When it was realized.
        public let time: Timestamp
        /// The amount, net of fees; negative for a loss.
        public let amount: FixedPoint
        /// Creates an entry.
        public init(time: Timestamp, amount: FixedPoint) {
            self.time = time
            self.amount = amount
        }
    }

    /// The entries into one position: its opening buy and the adds since.
    public struct PositionEntries: Hashable, Sendable, Codable {
        /// How many.
        public let count: Int
        /// When the last was placed.
        public let lastAt: Timestamp
        /// The price it was placed at.
        public let lastPrice: Price

        /// Creates a record.
        public init(count: Int, lastAt: Timestamp, lastPrice: Price) {
            self.count = count
            self.lastAt = lastAt
            self.lastPrice = lastPrice
        }

        enum CodingKeys: String, CodingKey {
            case count
            case lastAt = "last_at"
            case lastPrice = "last_price"
        }
    }

    /// The NAV a period (day or week) opened at.
    public struct EquityAnchor: Hashable, Sendable, Codable {
        /// The period's index in the calendar (see ``TradingCalendar``).
        public let period: Int
        /// NAV when the period's first observation was made.
        public let nav: FixedPoint
        /// Creates an anchor.
        public init(period: Int, nav: FixedPoint) {
            self.period = period
            self.nav = nav
        }
    }

    /// Trade times, oldest first, kept for eight days (see ``prune(at:)``).
    public private(set) var tradeTimes: [Timestamp] = []
    /// The instant each symbol's cooldown ends.
    public private(set) var cooldowns: [Symbol: Timestamp] = [:]
    /// Realized PnL of the last eight days, oldest first (see ``prune(at:)``).
    public private(set) var realized: [RealizedEntry] = []
    /// Running totals of ``realized``'s amounts in raw units, so that a period's sum is one
    /// subtraction: `realizedTotals[j] - realizedTotals[i]` is the sum of entries `i+1...j`.
    /// Derived, so neither equality nor the saved form includes it; pruning keeps it as it is.
    private var realizedTotals: [Int128] = []
    /// Running totals of the losses alone (the negative amounts), kept as ``realizedTotals`` is: a
    /// period whose losses together stay short of a stop cannot have reached it, and is not scanned.
    private var lossTotals: [Int128] = []
    /// The entries into each symbol's current (or last) position, which add limits read.
    public private(set) var positionEntries: [Symbol: PositionEntries] = [:]
    /// The highest NAV observed.
    public private(set) var peakNAV: FixedPoint = .zero
    /// The current day's opening NAV.
    public private(set) var dayAnchor: EquityAnchor?
    /// The current week's opening NAV.
    public private(set) var weekAnchor: EquityAnchor?

    /// How long trade times and ledger entries are kept: a week and a day, enough for every limit.
    public static let retention: Duration = .seconds(retentionSeconds)
    private static let retentionSeconds: Int64 = 8 * 86_400

    /// Nothing remembered.
    public init() {}

    /// Equal when they remember the same (the running totals are derived).
    public static func == (lhs: RiskState, rhs: RiskState) -> Bool {
        lhs.tradeTimes == rhs.tradeTimes && lhs.cooldowns == rhs.cooldowns && lhs.realized == rhs.realized
            && lhs.positionEntries == rhs.positionEntries && lhs.peakNAV == rhs.peakNAV && lhs.dayAnchor == rhs.dayAnchor
            && lhs.weekAnchor == rhs.weekAnchor
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(tradeTimes)
        hasher.combine(cooldowns)
        hasher.combine(realized)
        hasher.combine(positionEntries)
        hasher.combine(peakNAV)
        hasher.combine(dayAnchor)
        hasher.combine(weekAnchor)
    }

    /// State restored from the store.
    public init(
        tradeTimes: [Timestamp], cooldowns: [Symbol: Timestamp], realized: [RealizedEntry], peakNAV: FixedPoint,
        dayAnchor: EquityAnchor?, weekAnchor: EquityAnchor?, positionEntries: [Symbol: PositionEntries] = [:]
    ) {
        self.tradeTimes = tradeTimes.sorted()
        self.cooldowns = cooldowns
        self.realized = realized.sorted { $0.time < $1.time }
        realizedTotals = Array(repeating: 0, count: realized.count)
        lossTotals = realizedTotals
        rebuildTotals(from: 0)
        self.peakNAV = peakNAV
        self.dayAnchor = dayAnchor
        self.weekAnchor = weekAnchor
        self.positionEntries = positionEntries
    }

    /// Records an entry into `symbol` placed at `time` at `price`: the first of a new position
    /// when `opensPosition` (nothing held or being bought), else one more add.
    public mutating func recordEntry(_ symbol: Symbol, at time: Timestamp, price: Price, opensPosition: Bool) {
        let count = opensPosition ? 1 : (positionEntries[symbol]?.count ?? 0) + 1
        positionEntries[symbol] = PositionEntries(count: count, lastAt: time, lastPrice: price)
    }

    /// Records an order sent (entry or exit) at `time`.
    public mutating func recordTrade(at time: Timestamp) {
        let index = tradeTimes.lastIndex { $0 <= time }.map { $0 + 1 } ?? 0
        tradeTimes.insert(time, at: index)
    }

    /// Records a realized profit or loss (a full or partial exit, net of fees).
    public mutating func recordRealized(_ amount: FixedPoint, at time: Timestamp) {
        let index = realized.lastIndex { $0.time <= time }.map { $0 + 1 } ?? 0
        realized.insert(RealizedEntry(time: time, amount: amount), at: index)
        realizedTotals.insert(0, at: index)
        lossTotals.insert(0, at: index)
        rebuildTotals(from: index)
    }

    /// Recomputes the running totals from `index` on (the end, for an entry appended in time
    /// order); the two arrays always have the same count.
    private mutating func rebuildTotals(from index: Int) {
        var total = index > 0 ? realizedTotals[index - 1] : 0
        var losses = index > 0 ? lossTotals[index - 1] : 0
        for position in index..<realized.count {
            let amount = Int128(realized[position].amount.raw)
            total += amount
            losses += Swift.min(amount, 0)
            realizedTotals[position] = total
            lossTotals[position] = losses
        }
    }

    /// Records a finished round trip: its realized PnL, and the symbol's cooldown, the longer one
    /// unless it made money.
    public mutating func recordRoundTrip(symbol: Symbol, realizedPnL: FixedPoint, closedAt time: Timestamp, pacing: PacingLimits) {
        recordRealized(realizedPnL, at: time)
        let rest = realizedPnL.raw > 0 ? pacing.cooldownAfterWin : pacing.cooldownAfterLoss
        let until = time.advanced(by: rest)
        cooldowns[symbol] = Swift.max(until, cooldowns[symbol] ?? until)
    }

    /// Observes NAV at `time`: raises the peak, and anchors the day and week it falls in when they
    /// have no anchor yet.
    public mutating func observe(nav: FixedPoint, at time: Timestamp, calendar: TradingCalendar) {
        peakNAV = Swift.max(peakNAV, nav)
        let day = calendar.day(of: time)
        if dayAnchor?.period != day { dayAnchor = EquityAnchor(period: day, nav: nav) }
        let week = calendar.week(of: time)
        if weekAnchor?.period != week { weekAnchor = EquityAnchor(period: week, nav: nav) }
    }

    /// Forgets trades and ledger entries older than ``retention``, and cooldowns that have ended.
    /// Old entries go in batches, once they are a quarter of their list or more: each entry is then
    /// moved a bounded number of times, however often this runs. Entries past the horizon that
    /// wait for their batch count in no window (every window is shorter than the retention).
    public mutating func prune(at now: Timestamp) {
        let horizon = now.advanced(bySeconds: -Self.retentionSeconds)
        // Both lists are oldest first: the expired ones are a prefix.
        let expiredTrades = Self.firstIndex(in: tradeTimes.count) { tradeTimes[$0] >= horizon }
        if expiredTrades > 0 && expiredTrades * 4 >= tradeTimes.count { tradeTimes.removeFirst(expiredTrades) }
        let expiredEntries = firstEntry(atOrAfter: horizon)
        if expiredEntries > 0 && expiredEntries * 4 >= realized.count {
            // The running totals stay as they are: sums are differences of totals.
            realized.removeFirst(expiredEntries)
            realizedTotals.removeFirst(expiredEntries)
            lossTotals.removeFirst(expiredEntries)
        }
        if cooldowns.values.contains(where: { $0 <= now }) { cooldowns = cooldowns.filter { $0.value > now } }
    }

    /// The deepest realized loss of `interval` (a calendar day or week) at any point in it, when
    /// there was one and it reached `limit`: the least running sum of the period's entries in time
    /// order, negated; `nil` when it never reached `limit`. A loss stop reads this, so a stop
    /// reached holds for the rest of its period even when later profits bring the sum back. A sum
    /// beyond ``FixedPoint``'s range counts as the largest loss: fail closed. Always inlined: the
    /// loss stops read the state through a pointer, and a call would take a copy of all of it as
    /// `self`.
    @inline(__always) func deepestRealizedLoss(in interval: Range<Timestamp>, reaching limit: FixedPoint) -> FixedPoint? {
        let end = firstEntry(atOrAfter: interval.upperBound)
        let start = firstEntry(atOrAfter: interval.lowerBound)
        guard start < end else { return nil }
        let first = Int128(realized[start].amount.raw)
        // The running sum never goes below the period's losses alone: short of the limit, no scan.
        let losses = lossTotals[end - 1] - (lossTotals[start] - Swift.min(first, 0))
        guard losses < 0, -losses >= Int128(limit.raw) else { return nil }
        let before = realizedTotals[start] - first
        var lowest: Int128 = 0
        for index in start..<end { lowest = Swift.min(lowest, realizedTotals[index] - before) }
        guard lowest < 0, -lowest >= Int128(limit.raw) else { return nil }
        guard let raw = Int64(exactly: -lowest) else { return .max }
        return FixedPoint(raw: raw)
    }

    /// The index of the first ledger entry at or after `time` (the count when there is none). The
    /// ledger is searched from its newest entry back: the windows asked about end now, or later.
    private func firstEntry(atOrAfter time: Timestamp) -> Int {
        Self.firstIndex(below: realized.count) { realized[$0].time >= time }
    }

    /// The first index below `end` where `isAtOrAfter` holds (`end` when none does), for a
    /// predicate false up to some index and true from there, searched back from `end`: galloping
    /// in steps that double, an index k places back costs about 2·log₂ k tests, and `end` itself
    /// (a window that ends now) one.
    static func firstIndex(below end: Int, where isAtOrAfter: (Int) -> Bool) -> Int {
        var high = end  // `isAtOrAfter` holds from `high` on
        var step = 1
        while high > 0 {
            let probe = Swift.max(high - step, 0)
            if !isAtOrAfter(probe) {
                return probe + 1 + firstIndex(in: high - probe - 1) { isAtOrAfter(probe + 1 + $0) }
            }
            high = probe
            step *= 2
        }
        return 0
    }

    /// The first index below `count` where `isAtOrAfter` holds (`count` when none does), for a
    /// predicate false up to some index and true from there.
    private static func firstIndex(in count: Int, where isAtOrAfter: (Int) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if isAtOrAfter(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
