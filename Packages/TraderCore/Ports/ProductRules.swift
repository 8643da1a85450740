/// What a venue allows for one product: increments, size limits, minimum notional and its trading
/// status. Every order is shaped by these exactly before it is sent.
public struct ProductRules: Hashable, Sendable {
    /// The product's trading status as the venue reports it.
    public enum Status: String, CaseIterable, Hashable, Sendable, Codable {
        /// Trading normally.
        case online
        /// Only cancels are accepted.
        case cancelOnly = "cancel_only"
        /// Only limit orders are accepted.
        case limitOnly = "limit_only"
        /// Only post-only limit orders are accepted.
        case postOnly = "post_only"
        /// Trading is disabled.
        case disabled
        /// The venue or product is unreachable.
        case offline
    }

    /// The product.
    public let symbol: Symbol
    /// Sizes are multiples of this.
    public let baseIncrement: Quantity
    /// Prices are multiples of this (the tick).
    public let priceIncrement: Price
    /// The smallest size accepted.
    public let minSize: Quantity
    /// The largest size accepted.
    public let maxSize: Quantity
    /// The smallest notional accepted, in the quote currency.
    public let minNotional: FixedPoint
    /// The trading status.
    public let status: Status

    /// Creates rules.
    ///
    /// - Precondition: the increments are above zero and `minSize ≤ maxSize`.
    public init(
        symbol: Symbol, baseIncrement: Quantity, priceIncrement: Price, minSize: Quantity, maxSize: Quantity,
        minNotional: FixedPoint, status: Status
    ) {
        precondition(!baseIncrement.isZero && priceIncrement.value.raw > 0, "increments must be positive for \(symbol)")
        precondition(minSize <= maxSize, "min size above max size for \(symbol)")
        self.symbol = symbol
        self.baseIncrement = baseIncrement
        self.priceIncrement = priceIncrement
        self.minSize = minSize
        self.maxSize = maxSize
        self.minNotional = minNotional
        self.status = status
    }

    /// Creates rules from venue data.
    ///
    /// - Throws: ``VenueError`` `malformed_reply` for an increment that is not positive,
    ///   a minimum size above the maximum, or a negative minimum notional.
    public init(
        validatingSymbol symbol: Symbol, baseIncrement: Quantity, priceIncrement: Price, minSize: Quantity, maxSize: Quantity,
        minNotional: FixedPoint, status: Status
    ) throws(VenueError) {
        guard !baseIncrement.isZero, priceIncrement.value.raw > 0 else {
            throw VenueError(.malformedReply, message: "product rules: \(symbol): increments must be positive, got base \(baseIncrement) and price \(priceIncrement)")
        }
        guard minSize <= maxSize else {
            throw VenueError(.malformedReply, message: "product rules: \(symbol): min size \(minSize) is above max size \(maxSize)")
        }
        guard !minNotional.isNegative else {
            throw VenueError(.malformedReply, message: "product rules: \(symbol): min notional \(minNotional) is negative")
        }
        self.init(
            symbol: symbol, baseIncrement: baseIncrement, priceIncrement: priceIncrement, minSize: minSize, maxSize: maxSize,
            minNotional: minNotional, status: status)
    }

    /// The same rules with another status.
    public func with(status: Status) -> ProductRules {
        ProductRules(
            symbol: symbol, baseIncrement: baseIncrement, priceIncrement: priceIncrement, minSize: minSize, maxSize: maxSize,
            minNotional: minNotional, status: status)
    }

    /// Whether new orders of this kind may be placed now.
    public func accepts(_ kind: Order.Kind) -> Bool {
        switch (status, kind) {
        case (.online, _): true
        case (.limitOnly, .limit): true
        case (.postOnly, .limit(_, let postOnly)): postOnly
        default: false
        }
    }
}
