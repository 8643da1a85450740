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
                context.warn(.symbolNormalized, "\(Quoted.text(context.text)) normalized to \(symbol); write it as \(symbol)")
                return symbol
            case .invalid(let reason):
                throw YAMLValueError(code: .invalidSymbol, "\(Quoted.text(context.text)) is not a symbol: \(reason)")
            }
        }
        register(TimeOfDay.self, code: .invalidTimeOfDay, placeholder: TimeOfDay("00:00")!, in: &decoder)
        register(TimeZoneName.self, code: .unknownTimeZone, placeholder: TimeZoneName("UTC")!, in: &decoder)
        register(Timestamp.self, code: .invalidTimestamp, placeholder: Timestamp(nanosecondsSinceEpoch: 0), in: &decoder)
        return decoder
    }()

    /// Decodes a ``StringCodable`` value from a scalar, reporting a malformed one with `code`.
    private static func register<Value: StringCodable & Sendable>(
        _ type: Value.Type, code: YAMLDiagnostic.Code, placeholder: Value, in decoder: inout YAMLDecoder
    ) {
        decoder.register(type, expecting: Value.expectedFormat, placeholder: placeholder) {
            (context) throws(YAMLValueError) in
            guard let value = Value(context.text) else {
                throw YAMLValueError(code: code, "expected \(Value.expectedFormat), got \(Quoted.text(context.text))")
            }
            return value
        }
    }
}
