/// The state of one ``YAMLDecoder/decode(_:from:)`` call: the findings so far, and the one place
/// where every value is decoded, checked and, after an error, replaced by a placeholder so that
/// decoding goes on and finds the next error too.
final class DecodingSession {
    /// Thrown when a value cannot be decoded and no placeholder can stand in for it: decoding stops,
    /// keeping the findings it has.
    struct Abort: Error {}

    let decoder: YAMLDecoder
    private(set) var diagnostics: [YAMLDiagnostic] = []

    init(decoder: YAMLDecoder) {
        self.decoder = decoder
    }

    func record(
        _ code: YAMLDiagnostic.Code, at origin: YAMLOrigin, path: [YAMLPathComponent], _ message: String,
        severity: YAMLDiagnostic.Severity = .error
    ) {
        diagnostics.append(
            YAMLDiagnostic(
                code: code, severity: severity, origin: origin, path: YAMLPathComponent.render(path), message: message))
    }

    /// Findings in file order (line, then column); environment findings after file findings, by
    /// variable name. Ties keep the order they were found in.
    func sortedDiagnostics() -> [YAMLDiagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let left = OriginOrder(lhs.element.origin)
            let right = OriginOrder(rhs.element.origin)
            return left == right ? lhs.offset < rhs.offset : left < right
        }.map(\.element)
    }

    /// Decodes one value. `node` is `nil` when the value is absent and a placeholder is wanted
    /// without further findings.
    func decode<Value: Decodable>(
        _ type: Value.Type, node: YAMLNode?, path: [YAMLPathComponent], rule: YAMLFieldRule?
    ) throws -> Value {
        guard let node else { return try placeholder(type, path: path) }
        if let custom = decoder.customScalars[ObjectIdentifier(type)] {
            return try decodeCustom(custom, node: node, path: path) as! Value
        }
        switch type {
        case is String.Type: return try decodeString(node, path: path, rule: rule) as! Value
        case is Bool.Type: return try decodeBool(node, path: path) as! Value
        case is Double.Type: return try decodeNumber(node, path: path, rule: rule) as! Value
        case is Float.Type: return Float(try decodeNumber(node, path: path, rule: rule)) as! Value
        case is Int.Type: return try decodeInteger(Int.self, node, path: path, rule: rule) as! Value
        default: break
        }
        if let integerType = type as? any FixedWidthInteger.Type {
            return try decodeInteger(integerType, node, path: path, rule: rule) as! Value
        }
        if let enumType = type as? any (RawRepresentable & CaseIterable).Type,
            let value = try decodeEnum(enumType, node: node, path: path)
        {
            return value as! Value
        }
        return try decodeComposite(type, node: node, path: path, rule: rule)
    }

    /// A value that stands in after an error; `Abort` when the type cannot make one silently.
    func placeholder<Value: Decodable>(_ type: Value.Type, path: [YAMLPathComponent]) throws -> Value {
        if let custom = decoder.customScalars[ObjectIdentifier(type)] { return custom.placeholder as! Value }
        switch type {
        case is String.Type: return "" as! Value
        case is Bool.Type: return false as! Value
        case is Double.Type: return 0.0 as! Value
        case is Float.Type: return Float(0) as! Value
        default: break
        }
        if let integerType = type as? any FixedWidthInteger.Type { return integerType.zero as! Value }
        if let enumType = type as? any (RawRepresentable & CaseIterable).Type,
            let first = Self.firstCase(of: enumType)
        {
            return first as! Value
        }
        do {
            return try Value(from: NodeDecoder(node: nil, session: self, path: path))
        } catch {
            throw Abort()
        }
    }

    // MARK: - Composite values

    private func decodeComposite<Value: Decodable>(
        _ type: Value.Type, node: YAMLNode, path: [YAMLPathComponent], rule: YAMLFieldRule?
    ) throws -> Value {
        let rules = (type as? any YAMLFieldRules.Type)?.yamlFieldRules ?? [:]
        let nodeDecoder = NodeDecoder(node: node, session: self, path: path, fieldRules: rules, rule: rule)
        let value: Value
        do {
            value = try Value(from: nodeDecoder)
        } catch let abort as Abort {
            throw abort
        } catch {
            record(error, at: node.origin, path: path)
            return try placeholder(type, path: path)
        }
        nodeDecoder.reportUnknownKeys()
        if rule?.requiresNonEmpty == true, let collection = value as? any Collection, collection.isEmpty {
            record(.invalidValue, at: node.origin, path: path, "must not be empty")
        }
        return value
    }

    private func record(_ error: any Error, at origin: YAMLOrigin, path: [YAMLPathComponent]) {
        switch error {
        case let error as YAMLValueError:
            record(error.code, at: origin, path: path, error.message)
        case DecodingError.dataCorrupted(let context), DecodingError.typeMismatch(_, let context),
            DecodingError.valueNotFound(_, let context):
            record(.invalidValue, at: origin, path: path, context.debugDescription)
        case DecodingError.keyNotFound(let key, _):
            record(.missingKey, at: origin, path: path + [.key(key.stringValue)], "required key is missing")
        default:
            record(.invalidValue, at: origin, path: path, String(describing: error))
        }
    }

    // MARK: - Scalars

    private func decodeCustom(_ custom: YAMLDecoder.CustomScalar, node: YAMLNode, path: [YAMLPathComponent]) throws
        -> any Sendable
    {
        guard let scalar = node.scalar, let value = node.resolved, value != .null else {
            return mismatch(custom.expectation, node: node, path: path, placeholder: custom.placeholder)
        }
        var context = YAMLScalarContext(
            text: scalar.text, value: value, origin: node.origin, path: YAMLPathComponent.render(path))
        do {
            let decoded = try custom.decode(&context)
            for warning in context.warnings {
                record(warning.code, at: node.origin, path: path, warning.message, severity: .warning)
            }
            return decoded
        } catch {
            record(error.code, at: node.origin, path: path, error.message)
            return custom.placeholder
        }
    }

    private func decodeString(_ node: YAMLNode, path: [YAMLPathComponent], rule: YAMLFieldRule?) throws -> String {
        guard let scalar = node.scalar, node.resolved != .null else {
            return mismatch("a string", node: node, path: path, placeholder: "")
        }
        if rule?.requiresNonEmpty == true, scalar.text.isEmpty {
            record(.invalidValue, at: node.origin, path: path, "must not be empty")
        }
        return scalar.text
    }

    private func decodeBool(_ node: YAMLNode, path: [YAMLPathComponent]) throws -> Bool {
        guard case .bool(let value) = node.resolved else {
            return mismatch("true or false", node: node, path: path, placeholder: false)
        }
        return value
    }

    private func decodeNumber(_ node: YAMLNode, path: [YAMLPathComponent], rule: YAMLFieldRule?) throws -> Double {
        let expectation = (rule ?? YAMLFieldRule()).expectation(wholeNumber: false)
        guard let value = node.resolved?.doubleValue, value.isFinite else {
            return mismatch(expectation, node: node, path: path, placeholder: 0)
        }
        if let rule, !rule.admits(value) {
            record(.outOfRange, at: node.origin, path: path, "expected \(expectation), got \(YAMLFieldRule.format(value))")
        }
        return value
    }

    private func decodeInteger<Integer: FixedWidthInteger>(
        _ type: Integer.Type, _ node: YAMLNode, path: [YAMLPathComponent], rule: YAMLFieldRule?
    ) throws -> Integer {
        let expectation = (rule ?? YAMLFieldRule()).expectation(wholeNumber: true)
        guard case .int(let wide) = node.resolved, let value = Integer(exactly: wide) else {
            return mismatch(expectation, node: node, path: path, placeholder: .zero)
        }
        if let rule, !rule.admits(Double(wide)) {
            record(.outOfRange, at: node.origin, path: path, "expected \(expectation), got \(wide)")
        }
        return value
    }

    private func mismatch<Value>(_ expectation: String, node: YAMLNode, path: [YAMLPathComponent], placeholder: Value)
        -> Value
    {
        record(.typeMismatch, at: node.origin, path: path, "expected \(expectation), got \(node.kindDescription)")
        return placeholder
    }

    // MARK: - Enums

    /// Decodes a `String`-backed enum, listing the allowed values when the text is none of them;
    /// `nil` for enums with other raw types, which decode as composites.
    private func decodeEnum<Enum: RawRepresentable & CaseIterable>(
        _ type: Enum.Type, node: YAMLNode, path: [YAMLPathComponent]
    ) throws -> Enum? {
        guard Enum.RawValue.self == String.self else { return nil }
        let allowed = Enum.allCases.map { $0.rawValue as! String }
        let expectation = "one of " + allowed.joined(separator: ", ")
        guard let first = Enum.allCases.first else { return nil }
        guard let text = node.scalar?.text, node.resolved != .null else {
            return mismatch(expectation, node: node, path: path, placeholder: first)
        }
        if let value = Enum(rawValue: text as! Enum.RawValue) { return value }
        var message = "expected \(expectation), got \(Quoted.text(text))"
        if let suggestion = Suggestion.closest(to: text, among: allowed) { message += "; did you mean \"\(suggestion)\"?" }
        record(.invalidEnum, at: node.origin, path: path, message)
        return first
    }

    private static func firstCase<Enum: RawRepresentable & CaseIterable>(of type: Enum.Type) -> Enum? {
        Enum.allCases.first
    }
}

/// Orders origins for reports: file findings first (by file, then line and column), then
/// environment findings by variable.
private struct OriginOrder: Comparable {
    let key: (Int, String, Int, Int)

    init(_ origin: YAMLOrigin) {
        switch origin {
        case .file(let location): key = (0, location.file, location.line, location.column)
        case .environment(let variable): key = (1, variable, 0, 0)
        }
    }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.key == rhs.key }
    static func < (lhs: Self, rhs: Self) -> Bool { lhs.key < rhs.key }
}
