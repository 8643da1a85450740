/// How Swift coding keys map to YAML keys.
public enum YAMLKeyDecoding: Hashable, Sendable {
    /// A key matches the YAML key spelled exactly the same.
    case useDefaultKeys
    /// A camelCase key (`maxDailyLossPct`) matches the snake_case YAML key (`max_daily_loss_pct`);
    /// a key spelled exactly like the YAML key (a dictionary key such as `BTC`) still matches as is.
    case convertFromSnakeCase

    /// The YAML spelling of a Swift key under this strategy.
    public func yamlKey(for swiftKey: String) -> String {
        switch self {
        case .useDefaultKeys: swiftKey
        case .convertFromSnakeCase: Self.snakeCase(swiftKey)
        }
    }

    /// `maxDailyLossPct` → `max_daily_loss_pct`: an underscore before each upper-case letter that
    /// follows a lower-case letter or a digit, then everything lower-cased.
    public static func snakeCase(_ key: String) -> String {
        var result = ""
        var previousIsLowerOrDigit = false
        for character in key {
            if character.isUppercase, previousIsLowerOrDigit { result.append("_") }
            result += character.lowercased()
            previousIsLowerOrDigit = character.isLowercase || character.isNumber
        }
        return result
    }
}
