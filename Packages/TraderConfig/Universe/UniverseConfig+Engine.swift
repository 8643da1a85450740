import TraderCore
import TradingEngine

extension UniverseConfig {
    /// The engine's view of this file: percentages and volumes as exact decimals (rounded to
    /// 10⁻⁸), listing age as a duration, the raised flags with the ban hours of their kinds.
    public var engineUniverse: UniverseConfiguration {
        var banHours: [String: Int] = [:]
        for kind in RedFlagPolicy.Kind.allCases { banHours[kind.rawValue] = redFlags.temporaryBanHours[kind] }
        return UniverseConfiguration(
            tiers: tiers.map {
                .init(
                    name: $0.name, maxAllocationPct: FixedPoint(nearest: $0.maxAllocationPct) ?? .zero,
                    maxPositionPct: FixedPoint(nearest: $0.maxPositionPct) ?? .zero, symbols: $0.symbols)
            },
            exclusions: Set(exclusions), banHours: banHours,
            redFlags: redFlags.raised.map {
                RedFlag(symbol: $0.symbol, kind: $0.kind.rawValue, raisedAt: $0.raisedAt, banHours: redFlags.temporaryBanHours[$0.kind])
            },
            discovery: discovery.enabled
                ? .init(
                    quoteCurrencies: Set(discovery.quoteCurrencies), min24hVolume: FixedPoint(nearest: discovery.min24hVolume) ?? .max,
                    minListingAge: .seconds(discovery.minListingAgeDays * 86_400),
                    maxSpreadBps: FixedPoint(nearest: discovery.maxSpreadBps) ?? .zero, maxSymbols: discovery.maxSymbols,
                    tier: discovery.tier)
                : nil)
    }
}
