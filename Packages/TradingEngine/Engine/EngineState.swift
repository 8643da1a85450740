import RiskKit
import Signals
import TraderCore

/// Everything a ``TradingEngine`` has learned by trading, as one value to save after a cycle and
/// restore at start: the portfolio, the risk memory, every order it still holds with its history,
/// the order follow-up (TTL placements, cancels in flight, re-quotes due, lookups awaited), the
/// universe's red flags and discoveries, the marks, and its counters. Saved as JSON
/// (``encodedJSON()``, which a live node writes every cycle) and read back with `JSONDecoder`.
///
/// Signals' debounce (the whale signal's last firing) is included; indicators are not: they
/// rebuild from candles, so a restarted engine proposes nothing until its signals have warmed up
/// again (fail closed), and the shell feeds it the stored recent candles with
/// ``TradingEngine/warmUp(with:)`` to end that at once.
public struct EngineState: Hashable, Sendable, Codable {
    /// The format this version writes and reads.
    public static let currentFormat = 1

    /// The format the state was written in.
    public let format: Int
    /// Cycles run.
    public let cycle: Int
    /// Cash, positions and working orders.
    public let portfolio: Portfolio
    /// The risk layer's memory.
    public let riskState: RiskState
    /// The orders the engine holds, by client order id.
    public let orders: [ClientOrderID: Order]
    /// Red flags whose ban has not run out.
    public let redFlags: [RedFlag]
    /// The symbols discovery admitted.
    public let discovered: [Symbol]
    /// The latest mark of each symbol seen.
    public let marks: SymbolMap<Price>
    /// The whale signal's debounce, by symbol (empty in states saved before it was kept).
    public let whaleStates: [Symbol: WhaleSignal.State]
    /// The emulated option brackets (empty for the spot bot, and in states saved before options).
    public let brackets: [OptionBracket]
    /// What the exits remember of each open position (empty without exits, and in states saved
    /// before them).
    public let exitWatches: [Symbol: ExitWatch]

    let intentSequence: Int
    let nextPruning: Timestamp
    let placements: [ClientOrderID: OrderManager.Placement]
    /// Sorted, so that equal states encode to equal bytes.
    let cancelling: [ClientOrderID]
    let dueRequotes: [OrderManager.Requote]
    let awaitingLookup: [ClientOrderID]

    private enum CodingKeys: String, CodingKey {
        case format, cycle, portfolio, orders, discovered, marks, placements, cancelling
        case riskState = "risk_state"
        case redFlags = "red_flags"
        case intentSequence = "intent_sequence"
        case nextPruning = "next_pruning"
        case dueRequotes = "due_requotes"
        case awaitingLookup = "awaiting_lookup"
        case whaleStates = "whale_states"
        case brackets = "option_brackets"
        case exitWatches = "exit_watches"
    }

    /// Decodes a saved state; one saved before the whale debounce was kept restores without it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(Int.self, forKey: .format)
        cycle = try container.decode(Int.self, forKey: .cycle)
        portfolio = try container.decode(Portfolio.self, forKey: .portfolio)
        riskState = try container.decode(RiskState.self, forKey: .riskState)
        orders = try container.decode([ClientOrderID: Order].self, forKey: .orders)
        redFlags = try container.decode([RedFlag].self, forKey: .redFlags)
        discovered = try container.decode([Symbol].self, forKey: .discovered)
        marks = try container.decode(SymbolMap<Price>.self, forKey: .marks)
        whaleStates = try container.decodeIfPresent([Symbol: WhaleSignal.State].self, forKey: .whaleStates) ?? [:]
        brackets = try container.decodeIfPresent([OptionBracket].self, forKey: .brackets) ?? []
        exitWatches = try container.decodeIfPresent([Symbol: ExitWatch].self, forKey: .exitWatches) ?? [:]
        intentSequence = try container.decode(Int.self, forKey: .intentSequence)
        nextPruning = try container.decode(Timestamp.self, forKey: .nextPruning)
        placements = try container.decode([ClientOrderID: OrderManager.Placement].self, forKey: .placements)
        cancelling = try container.decode([ClientOrderID].self, forKey: .cancelling)
        dueRequotes = try container.decode([OrderManager.Requote].self, forKey: .dueRequotes)
        awaitingLookup = try container.decode([ClientOrderID].self, forKey: .awaitingLookup)
    }

    init(
        cycle: Int, portfolio: Portfolio, riskState: RiskState, orders: [ClientOrderID: Order], universe: UniverseManager,
        marks: SymbolMap<Price>, whaleStates: [Symbol: WhaleSignal.State], brackets: [OptionBracket], exitWatches: [Symbol: ExitWatch], intentSequence: Int,
        nextPruning: Timestamp, manager: OrderManager
    ) {
        format = Self.currentFormat
        self.cycle = cycle
        self.portfolio = portfolio
        self.riskState = riskState
        self.orders = orders
        redFlags = universe.redFlags
        discovered = universe.discovered
        self.marks = marks
        self.whaleStates = whaleStates
        self.brackets = brackets
        self.exitWatches = exitWatches
        self.intentSequence = intentSequence
        self.nextPruning = nextPruning
        placements = manager.placements
        cancelling = manager.cancelling.sorted()
        dueRequotes = manager.dueRequotes
        awaitingLookup = manager.awaitingLookup.sorted()
    }
}
