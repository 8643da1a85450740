import TraderCore

/// A signal firing on a bar: which way, how strongly, how surely, and why in words.
public struct Trigger: Hashable, Sendable {
    /// What the signal suggests.
    public enum Action: String, CaseIterable, Hashable, Sendable, Codable {
        case buy = "BUY"
        case sell = "SELL"
        case buyCall = "BUY_CALL"
        case buyPut = "BUY_PUT"
    }

    /// The signal's registered name.
    public let signal: String
    /// The symbol it fired on.
    public let symbol: Symbol
    /// What it suggests.
    public let action: Action
    /// How far past its threshold the market is, 0 to 1.
    public let strength: Double
    /// How sure the signal is, 0 to 1.
    public let confidence: Double
    /// The facts behind it.
    public let facts: [Reason]
    /// Why, in words, for people and the audit log.
    public var reasons: [String] { facts.map(\.description) }
    /// The bar it fired on.
    public let time: Timestamp

    /// Creates a trigger with reasons in words; strength and confidence are clamped to 0...1.
    public init(
        signal: String, symbol: Symbol, action: Action, strength: Double, confidence: Double, reasons: [String],
        time: Timestamp
    ) {
        self.init(
            signal: signal, symbol: symbol, action: action, strength: strength, confidence: confidence,
            facts: reasons.map(Reason.note), time: time)
    }

    /// Creates a trigger from facts; strength and confidence are clamped to 0...1.
    public init(
        signal: String, symbol: Symbol, action: Action, strength: Double, confidence: Double, facts: [Reason],
        time: Timestamp
    ) {
        self.signal = signal
        self.symbol = symbol
        self.action = action
        self.strength = Swift.min(1, Swift.max(0, strength))
        self.confidence = Swift.min(1, Swift.max(0, confidence))
        self.facts = facts
        self.time = time
    }
}
