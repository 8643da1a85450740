import TraderCore
import YAMLConfig

/// The YAML decoder for trader configuration: snake_case keys, and symbols, times of day, time
/// zones and timestamps decoded with their own finding codes (symbols in venue spellings normalize
/// with a warning).
enum ConfigDecoding {
    static let decoder: YAMLDecoder = {
        var decoder = YAMLDecoder(keyDecoding: .convertFromSnakeCase)
        decoder.register(Symbol.self, expecting: "a BASE-QUOTE symbol", placeholder: Symbol(base: "X", quote: "X")) {
            (context) throws(YAMLValueError) in
            switch Symbol.parse(context.text) {
            case .canonical(let symbol):
                return symbol
            case .normalized(let symbol):
                context.warn(.symbolNormalized, "\"\(context.text)\" normalized to \(symbol); write it as \(symbol)")
                return symbol
            case .invalid(let reason):
                throw YAMLValueError(code: .invalidSymbol, "\"\(context.text)\" is not a symbol: \(reason)")
            }
        }
        decoder.register(TimeOfDay.self, expecting: "a time HH:MM", placeholder: TimeOfDay("00:00")!) {
            (context) throws(YAMLValueError) in
            guard let time = TimeOfDay(context.text) else {
                throw YAMLValueError(code: .invalidTimeOfDay, "expected a time HH:MM, got \"\(context.text)\"")
            }
            return time
        }
        decoder.register(TimeZoneName.self, expecting: "an IANA time zone", placeholder: TimeZoneName("UTC")!) {
            (context) throws(YAMLValueError) in
            guard let zone = TimeZoneName(context.text) else {
                throw YAMLValueError(
                    code: .unknownTimeZone, "unknown time zone \"\(context.text)\"; expected an IANA name such as America/New_York")
            }
            return zone
        }
        decoder.register(Timestamp.self, expecting: "an ISO 8601 time", placeholder: Timestamp(nanosecondsSinceEpoch: 0)) {
            (context) throws(YAMLValueError) in
            guard let timestamp = ISO8601Format.parse(context.text) else {
                throw YAMLValueError(
                    code: .invalidTimestamp, "expected an ISO 8601 time such as 2026-11-20T14:00:00Z, got \"\(context.text)\"")
            }
            return timestamp
        }
        return decoder
    }()
}
