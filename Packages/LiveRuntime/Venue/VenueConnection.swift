import TraderCore

/// Where a live node trades: the venue's four ports, usually one adapter (or the paper venue)
/// behind all of them.
public struct VenueConnection: Sendable {
    /// Quotes, candles and books.
    public let market: any MarketData
    /// Products and their rules.
    public let catalog: any ProductCatalog
    /// Orders.
    public let orders: any OrderGateway
    /// Balances and positions.
    public let accounts: any AccountSource
    /// Option chains and quotes, where the venue lists options (the options bot needs them).
    public var options: (any OptionMarketData)?
    /// Native brackets, where the venue places them (the options bot then lets the venue hold its
    /// exits); `nil` and the engine emulates them.
    public var brackets: (any BracketOrderGateway)?

    /// The connection to `venue` for everything but market data, which comes from `market`.
    public init<Venue: ProductCatalog & OrderGateway & AccountSource>(market: any MarketData, rest venue: Venue) {
        self.market = market
        catalog = venue
        orders = venue
        accounts = venue
        brackets = venue as? any BracketOrderGateway
    }

    /// The connection to `venue`, which implements every port.
    public init<Venue: MarketData & ProductCatalog & OrderGateway & AccountSource>(_ venue: Venue) {
        market = venue
        catalog = venue
        orders = venue
        accounts = venue
        brackets = venue as? any BracketOrderGateway
    }

    /// The connection to `venue`, which implements every port and lists options.
    public init<Venue: MarketData & ProductCatalog & OrderGateway & AccountSource & OptionMarketData>(_ venue: Venue) {
        market = venue
        catalog = venue
        orders = venue
        accounts = venue
        options = venue
        brackets = venue as? any BracketOrderGateway
    }
}

extension VenueConnection {
    /// Places `bracket` through the venue's native brackets.
    ///
    /// - Throws: ``VenueError`` `rejected` (`unsupported_order`) when the venue places none (the
    ///   engine then emulates its exits, and never asks); what the venue throws.
    func placeBracket(_ bracket: OrderBracket) async throws(VenueError) -> PlaceAcknowledgement {
        guard let brackets else { throw VenueError(.rejected, message: "the venue places no native brackets", rejection: .unsupportedOrder) }
        return try await brackets.place(bracket)
    }
}
