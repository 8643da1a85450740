/// An option contract with its quote.
public struct OptionOffer: Hashable, Sendable {
    /// The contract.
    public let contract: OptionContract
    /// Its latest quote (premium per unit of the underlying).
    public let quote: Quote

    /// Creates an offer.
    public init(contract: OptionContract, quote: Quote) {
        self.contract = contract
        self.quote = quote
    }
}

/// The contracts the options bot would buy on one underlying now (the call and the put its policy
/// picks), each with its quote; a side the venue did not quote is missing.
public struct OptionBoard: Hashable, Sendable {
    /// The call to buy on a rise.
    public var call: OptionOffer?
    /// The put to buy on a fall.
    public var put: OptionOffer?

    /// Creates a board.
    public init(call: OptionOffer? = nil, put: OptionOffer? = nil) {
        self.call = call
        self.put = put
    }

    /// The offer of `right`.
    public subscript(right: OptionContract.Right) -> OptionOffer? {
        switch right {
        case .call: call
        case .put: put
        }
    }
}
