/// Listed options from a venue: the chain of an underlying and a contract's quote (the options
/// bot's market data, beside ``MarketData``'s underlying prices).
public protocol OptionMarketData: Sendable {
    /// The expiries and strikes listed on `underlying`.
    ///
    /// - Throws: ``VenueError`` (`not_found` when the venue lists no options on it).
    func optionChain(for underlying: Symbol) async throws(VenueError) -> OptionChain

    /// The best bid and ask of `contract`, with their sizes in contracts, as a quote on its
    /// underlying's symbol (premium per unit of the underlying).
    ///
    /// - Throws: ``VenueError`` (`not_found` for a contract the venue does not list or quote).
    func quote(for contract: OptionContract) async throws(VenueError) -> Quote
}
