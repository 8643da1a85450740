import TraderCore

extension RunComparison: Encodable {
    private enum CodingKeys: String, CodingKey {
        case backtest, live, matched, missed, flags, drifted
        case liveOnly = "live_only", thresholds
        case backtestSlippageBps = "backtest_slippage_bps", liveSlippageBps = "live_slippage_bps"
        case backtestFeeBps = "backtest_fee_bps", liveFeeBps = "live_fee_bps"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(backtest, forKey: .backtest)
        try container.encode(live, forKey: .live)
        try container.encode(matched, forKey: .matched)
        try container.encode(missed, forKey: .missed)
        try container.encode(liveOnly, forKey: .liveOnly)
        try container.encode(flags, forKey: .flags)
        try container.encode(drifted, forKey: .drifted)
        try container.encode(thresholds, forKey: .thresholds)
        try container.encode(backtestSlippageBps, forKey: .backtestSlippageBps)
        try container.encode(liveSlippageBps, forKey: .liveSlippageBps)
        try container.encode(backtestFeeBps, forKey: .backtestFeeBps)
        try container.encode(liveFeeBps, forKey: .liveFeeBps)
    }
}

extension RunComparison.Flag: Encodable {
    private enum CodingKeys: String, CodingKey {
        case name, value, threshold, unit, raised
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(value, forKey: .value)
        try container.encode(threshold, forKey: .threshold)
        try container.encode(unit, forKey: .unit)
        try container.encode(raised, forKey: .raised)
    }
}
