import TraderCore

/// The option chains of the underlyings a node trades, asked of the venue once a day (listings
/// change with the day's new expiries, not within it) and kept in between.
actor OptionChains {
    private let source: any OptionMarketData
    private var chains: [Symbol: (day: Int, chain: OptionChain)] = [:]

    init(source: any OptionMarketData) {
        self.source = source
    }

    /// The chain of each of `symbols` on local date `day`: kept ones from that day, the others
    /// asked of the venue. A symbol whose chain the venue does not give is missing (the engine then
    /// refuses its option entries as `missing_option_quote`), with the error.
    func chains(for symbols: [Symbol], day: Int) async -> (chains: [Symbol: OptionChain], failures: [Symbol: VenueError]) {
        var result: [Symbol: OptionChain] = [:]
        var failures: [Symbol: VenueError] = [:]
        for symbol in symbols {
            if let kept = chains[symbol], kept.day == day {
                result[symbol] = kept.chain
                continue
            }
            do throws(VenueError) {
                let chain = try await source.optionChain(for: symbol)
                chains[symbol] = (day, chain)
                result[symbol] = chain
            } catch {
                failures[symbol] = error
            }
        }
        return (result, failures)
    }
}
