import TraderCore

/// How the engine trades options (the options bot; `nil` in ``EngineConfiguration`` for the spot
/// bot): which contract, and where and how the bracket closes it. Sizing, the session gate and
/// the stop-loss share are the risk layer's (``RiskKit/OptionLimits``), which this reads too.
public struct OptionsConfiguration: Hashable, Sendable {
    /// Which contract to buy.
    public var picker: OptionPicker
    /// Premium gained, %, at which the bracket's take-profit sells.
    public var takeProfitPct: FixedPoint
    /// The premium tick: exit prices are put on it (take-profit rounded up, stop rounded down).
    public var premiumTick: Price
    /// Whether the exits are native brackets placed at the venue (its ``TraderCore/BracketOrderGateway``),
    /// or emulated by the engine (see ``OptionBracket``). Only for a venue that places brackets.
    public var nativeBrackets: Bool

    /// A configuration.
    public init(
        picker: OptionPicker, takeProfitPct: FixedPoint, premiumTick: Price = Price(FixedPoint(raw: FixedPoint.scale / 100)),
        nativeBrackets: Bool = false
    ) {
        self.picker = picker
        self.takeProfitPct = takeProfitPct
        self.premiumTick = premiumTick
        self.nativeBrackets = nativeBrackets
    }
}
