/// A schema rule on one field beyond its type: a numeric range, or a collection or string that
/// must not be empty. Types list their rules through ``YAMLFieldRules``.
public struct YAMLFieldRule: Hashable, Sendable {
    /// The smallest allowed number, if any.
    public var minimum: Double?
    /// Whether ``minimum`` itself is excluded.
    public var excludesMinimum = false
    /// The largest allowed number, if any.
    public var maximum: Double?
    /// Whether an empty list, mapping or string is refused.
    public var requiresNonEmpty = false

    /// Numbers from `bounds.lowerBound` to `bounds.upperBound`, both included.
    public static func range(_ bounds: ClosedRange<Double>) -> Self {
        Self(minimum: bounds.lowerBound, maximum: bounds.upperBound)
    }

    /// Numbers at least `minimum`.
    public static func atLeast(_ minimum: Double) -> Self { Self(minimum: minimum) }

    /// Numbers strictly greater than `minimum`.
    public static func greaterThan(_ minimum: Double) -> Self { Self(minimum: minimum, excludesMinimum: true) }

    /// Numbers strictly greater than `minimum` and at most `maximum`.
    public static func greaterThan(_ minimum: Double, atMost maximum: Double) -> Self {
        Self(minimum: minimum, excludesMinimum: true, maximum: maximum)
    }

    /// A list, mapping or string with at least one element.
    public static let nonEmpty = Self(requiresNonEmpty: true)

    /// Whether `value` satisfies the numeric bounds.
    public func admits(_ value: Double) -> Bool {
        if let minimum, excludesMinimum ? value <= minimum : value < minimum { return false }
        if let maximum, value > maximum { return false }
        return true
    }

    /// What the rule expects, for messages: "a number from 0 to 100", "a whole number at least 1".
    func expectation(wholeNumber: Bool) -> String {
        let noun = wholeNumber ? "a whole number" : "a number"
        switch (minimum, maximum) {
        case (let low?, let high?) where excludesMinimum:
            return "\(noun) greater than \(Self.format(low)) and at most \(Self.format(high))"
        case (let low?, let high?): return "\(noun) from \(Self.format(low)) to \(Self.format(high))"
        case (let low?, nil): return "\(noun) \(excludesMinimum ? "greater than" : "at least") \(Self.format(low))"
        case (nil, let high?): return "\(noun) at most \(Self.format(high))"
        case (nil, nil): return noun
        }
    }

    static func format(_ value: Double) -> String { YAMLFieldRuleFormat.number(value) }
}

/// A type whose fields carry ``YAMLFieldRule``s, keyed by the field's YAML key.
public protocol YAMLFieldRules {
    /// The rules, keyed by YAML key (`"max_total_exposure_pct": .range(0...100)`).
    static var yamlFieldRules: [String: YAMLFieldRule] { get }
}

/// Number formatting for findings.
public enum YAMLFieldRuleFormat {
    /// A number as people write it: `100`, not `100.0`; `2.5` as is.
    public static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
