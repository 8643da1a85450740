import TraderCore

extension RiskState: Codable {
    private enum CodingKeys: String, CodingKey {
        case tradeTimes = "trade_times"
        case cooldowns, realized
        case positionEntries = "position_entries"
        case peakNAV = "peak_nav"
        case dayAnchor = "day_anchor"
        case weekAnchor = "week_anchor"
    }

    /// Decodes saved state (a state saved before position entries were kept has none); the
    /// ledger's running totals are rebuilt, not read.
    ///
    /// - Throws: `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            tradeTimes: try container.decode([Timestamp].self, forKey: .tradeTimes),
            cooldowns: try container.decode([Symbol: Timestamp].self, forKey: .cooldowns),
            realized: try container.decode([RealizedEntry].self, forKey: .realized),
            peakNAV: try container.decode(FixedPoint.self, forKey: .peakNAV),
            dayAnchor: try container.decodeIfPresent(EquityAnchor.self, forKey: .dayAnchor),
            weekAnchor: try container.decodeIfPresent(EquityAnchor.self, forKey: .weekAnchor),
            positionEntries: try container.decodeIfPresent([Symbol: PositionEntries].self, forKey: .positionEntries) ?? [:])
    }

    /// Encodes what is remembered (cooldowns as an object keyed by symbol).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tradeTimes, forKey: .tradeTimes)
        try container.encode(cooldowns, forKey: .cooldowns)
        try container.encode(realized, forKey: .realized)
        try container.encode(peakNAV, forKey: .peakNAV)
        try container.encodeIfPresent(dayAnchor, forKey: .dayAnchor)
        try container.encodeIfPresent(weekAnchor, forKey: .weekAnchor)
        if !positionEntries.isEmpty { try container.encode(positionEntries, forKey: .positionEntries) }
    }
}
