/// The options listed on one underlying: the expiries and the strikes (the strikes are the union
/// over the expiries, as venues list them: not every pair need be a contract).
public struct OptionChain: Hashable, Sendable, Codable {
    /// The underlying.
    public let underlying: Symbol
    /// Units of the underlying a contract stands for.
    public let multiplier: Int
    /// The expiries, `YYYYMMDD`, earliest first.
    public let expiries: [String]
    /// The strikes, lowest first.
    public let strikes: [Price]

    /// A chain; the expiries and strikes are sorted here.
    public init(underlying: Symbol, multiplier: Int, expiries: [String], strikes: [Price]) {
        self.underlying = underlying
        self.multiplier = multiplier
        self.expiries = expiries.sorted()
        self.strikes = strikes.sorted()
    }
}
