/// A coding key made from a string, for values that key dictionaries (``Symbol``,
/// ``ClientOrderID``): such dictionaries encode as objects keyed by the values' text, which sorted
/// keys then make deterministic.
struct AnyCodingKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ stringValue: String) { self.stringValue = stringValue }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
