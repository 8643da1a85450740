/// A request's query parameters in order, with repeated keys (`?product_ids=A&product_ids=B`) kept.
public struct WireQuery: Sendable {
    /// The parameters, as sent.
    public let items: [(name: String, value: String)]

    /// A query of `items`.
    public init(_ items: [(name: String, value: String)]) { self.items = items }

    /// Every value of `name`, in order.
    func all(_ name: String) -> [String] { items.filter { $0.name == name }.map(\.value) }

    /// The first value of `name`, `nil` when absent or empty.
    func first(_ name: String) -> String? { items.first { $0.name == name && !$0.value.isEmpty }?.value }
}
