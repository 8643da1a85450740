import TraderCore

/// How one kind of value is written as a TWS field and read back (the reference's §1.1): integers
/// and decimals as plain text, booleans as `0`/`1`, UNSET as an empty field. Reading accepts what
/// TWS and the Python clients write: `2147483647` or DBL_MAX for UNSET, any `strtod` form of a decimal.
public struct FieldCodec<Value: Sendable>: Sendable {
    /// The field's text for `value`.
    public let write: @Sendable (Value) -> String
    /// The value of `text`; `nil` when it is not one.
    public let read: @Sendable (String) -> Value?

    /// A codec from its two directions.
    public init(write: @escaping @Sendable (Value) -> String, read: @escaping @Sendable (String) -> Value?) {
        self.write = write
        self.read = read
    }
}

extension FieldCodec where Value == String {
    /// Text as it is.
    public static let string = FieldCodec(write: { $0 }, read: { $0 })
}

extension FieldCodec where Value == Int {
    /// A required integer.
    public static let int = FieldCodec(write: { String($0) }, read: { Int($0) })
}

extension FieldCodec where Value == Int? {
    /// An integer or UNSET (written empty).
    public static let optionalInt = FieldCodec(write: { $0.map(String.init) ?? "" }, read: { text in
        if TWSValue.isUnset(text) { return .some(nil) }
        return Int(text).map { .some($0) }
    })
}

extension FieldCodec where Value == Bool {
    /// `1` or `0`; an empty field reads as false.
    public static let bool = FieldCodec(write: { $0 ? "1" : "0" }, read: { text in
        if text.isEmpty { return false }
        return Int(text).map { $0 != 0 }
    })
}

extension FieldCodec where Value == FixedPoint {
    /// An exact decimal; an empty or UNSET field reads as zero.
    public static let decimal = FieldCodec(write: { $0.description }, read: { text in
        if TWSValue.isUnset(text) { return .zero }
        return TWSValue.decimal(text)
    })
}

extension FieldCodec where Value == FixedPoint? {
    /// An exact decimal or UNSET (written empty).
    public static let optionalDecimal = FieldCodec(write: { $0?.description ?? "" }, read: { text in
        if TWSValue.isUnset(text) { return .some(nil) }
        return TWSValue.decimal(text).map { .some($0) }
    })
}

extension FieldCodec where Value == Double {
    /// A double (greeks, implied volatility), written as Swift prints it.
    public static let double = FieldCodec(write: { String($0) }, read: { text in
        if text.isEmpty { return 0 }
        return Double(text).flatMap { $0.isFinite ? $0 : nil }
    })
}

/// The protocol's value rules shared by the codecs.
public enum TWSValue {
    /// Whether `text` is one of the protocol's spellings of "not set": empty, `2147483647`,
    /// `9223372036854775807`, or a number at DBL_MAX.
    public static func isUnset(_ text: String) -> Bool {
        if text.isEmpty || text == "2147483647" || text == "9223372036854775807" { return true }
        guard text.utf8.count >= 20, let double = Double(text) else { return false }
        return double >= 1.79e308
    }

    /// An exact decimal from its text, or the nearest one for a `strtod` form with more digits or
    /// an exponent; `nil` for text that is not a finite number.
    public static func decimal(_ text: String) -> FixedPoint? {
        if let exact = FixedPoint(text) { return exact }
        guard let double = Double(text), double.isFinite else { return nil }
        return FixedPoint(nearest: double)
    }
}
