import RiskKit
import TraderCore

/// Checks a run's risk invariant independently of the risk layer: after every cycle that placed an
/// entry, exposure held and pending (valued at the engine's marks) stays within the caps the entry
/// answered to (its asset's, its universe tier's position and allocation caps, its theme's and the
/// total), each cap taken as an amount exactly as the risk layer takes it (NAV × cap ÷ 100,
/// rounded down). Prices move between decisions, so exposure may drift above a
/// cap while nothing is bought; it is checked where the risk layer answered for it.
public struct ExposureMonitor: Sendable {
    /// A cap found exceeded.
    public struct Violation: Hashable, Sendable, CustomStringConvertible {
        /// When.
        public let time: Timestamp
        /// `asset BTC`, `tier core position BTC-USD`, `tier core`, `theme store_of_value` or `total`.
        public let scope: String
        /// The exposure, % of NAV (rounded half to even to 10⁻⁸).
        public let pct: FixedPoint
        /// The cap, % of NAV.
        public let cap: FixedPoint

        /// `2021-01-01T00:00:00Z: asset BTC exposure 31.2% of NAV is above its cap of 30%`.
        public var description: String { "\(time): \(scope) exposure \(pct)% of NAV is above its cap of \(cap)%" }
    }

    private let limits: ExposureLimits
    private let themes: ThemeMap
    private let tiers: TierMap

    /// A monitor of `limits`, with symbols' themes from `themes` and their tiers from `tiers`.
    public init(limits: ExposureLimits, themes: ThemeMap, tiers: TierMap = TierMap()) {
        self.limits = limits
        self.themes = themes
        self.tiers = tiers
    }

    /// The caps that entries in `entered` answered to and that `portfolio` exceeds at `marks`; a NAV
    /// or exposure that cannot be computed is one violation of scope `nav`.
    public func violations(of portfolio: Portfolio, marks: SymbolMap<Price>, entered: [Symbol], at time: Timestamp) -> [Violation] {
        // Each scope an entry answered to, with the exposure summed into it in one pass over the
        // portfolio (no map of every symbol, asset and theme is built for the few asked about).
        // An asset by one of its symbols: its name is spelled only for a violation.
        var assets: [(symbol: Symbol, code: UInt64, amount: FixedPoint)] = []
        for symbol in entered where !assets.contains(where: { $0.code == symbol.baseCode }) {
            assets.append((symbol, symbol.baseCode, .zero))
        }
        // Packed codes order as their names do.
        if assets.count > 1 { assets.sort { $0.code < $1.code } }
        var positions = Self.distinctSorted(entered).compactMap { symbol in
            tiers[symbol].map { (symbol: symbol, tier: $0, amount: FixedPoint.zero) }
        }
        var tierTotals = Self.distinctSorted(entered.compactMap { tiers[$0]?.name }).map { name in
            (tier: tiers.tiers.first { $0.name == name }!, amount: FixedPoint.zero)
        }
        var themeTotals = Self.distinctSorted(entered.compactMap { themes[$0] }).map {
            (name: $0, amount: FixedPoint.zero)
        }
        var total = FixedPoint.zero
        // NAV is the cash plus the held amounts, each valued here once (not again by `nav(marks:)`).
        var nav = portfolio.cash
        do {
            try portfolio.forEachExposure(marks: marks) { symbol, amount, pending in
                total = try total.adding(amount)
                if !pending { nav = try nav.adding(amount) }
                for index in assets.indices where assets[index].code == symbol.baseCode {
                    assets[index].amount = try assets[index].amount.adding(amount)
                }
                for index in positions.indices where positions[index].symbol == symbol {
                    positions[index].amount = try positions[index].amount.adding(amount)
                }
                if !tierTotals.isEmpty, let name = tiers[symbol]?.name {
                    for index in tierTotals.indices where tierTotals[index].tier.name == name {
                        tierTotals[index].amount = try tierTotals[index].amount.adding(amount)
                    }
                }
                if !themeTotals.isEmpty, let theme = themes[symbol] {
                    for index in themeTotals.indices where themeTotals[index].name == theme {
                        themeTotals[index].amount = try themeTotals[index].amount.adding(amount)
                    }
                }
            }
        } catch {
            return [Violation(time: time, scope: "nav", pct: .zero, cap: .zero)]
        }
        guard nav.raw > 0 else { return [Violation(time: time, scope: "nav", pct: .zero, cap: .zero)] }
        var found: [Violation] = []
        // The scope is written only for a violation: checks that hold cost no text.
        func check(_ amount: FixedPoint, cap: FixedPoint, scope: @autoclosure () -> String) {
            // The cap as an amount, as the risk layer computes it: nav × cap / 100, rounded down.
            let capAmount = (try? nav.multiplied(by: cap, dividedBy: 100, rounding: .down)) ?? .zero
            guard amount > capAmount else { return }
            let pct = (try? amount.multiplied(by: 100, dividedBy: nav, rounding: .toNearestOrEven)) ?? .max
            found.append(Violation(time: time, scope: scope(), pct: pct, cap: cap))
        }
        for asset in assets {
            check(asset.amount, cap: limits.capPct(assetOf: asset.symbol), scope: "asset \(asset.symbol.base)")
        }
        for position in positions {
            check(
                position.amount, cap: position.tier.maxPositionPct,
                scope: "tier \(position.tier.name) position \(position.symbol)")
        }
        for tier in tierTotals {
            check(tier.amount, cap: tier.tier.maxAllocationPct, scope: "tier \(tier.tier.name)")
        }
        for theme in themeTotals {
            check(theme.amount, cap: limits.capPct(theme: theme.name), scope: "theme \(theme.name)")
        }
        check(total, cap: limits.maxTotalPct, scope: "total")
        return found
    }

    /// `values` in ascending order, each once (a run enters one or two symbols per bar: sorting
    /// them beats hashing them into a set).
    private static func distinctSorted<Value: Comparable>(_ values: [Value]) -> [Value] {
        guard values.count > 1 else { return values }
        var sorted = values.sorted()
        var kept = 0
        for index in sorted.indices where kept == 0 || sorted[index] != sorted[kept - 1] {
            sorted[kept] = sorted[index]
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }
}
