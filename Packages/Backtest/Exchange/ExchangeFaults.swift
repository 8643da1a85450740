/// Faults the simulated exchange injects, deterministically, so that a backtest exercises the
/// paths a real venue forces on the engine.
public struct ExchangeFaults: Hashable, Sendable {
    /// Every `n`-th submit gets no clear answer (a timeout: the shell reports
    /// `submit_outcome_unknown`). Of those, the first, third, fifth ... reached the venue and work
    /// there; the others never arrived, so a lookup finds nothing. `nil`: every submit is answered.
    public var lostSubmitAnswerEvery: Int?

    /// Faults as given; none by default.
    ///
    /// - Precondition: `lostSubmitAnswerEvery`, when set, is at least 1.
    public init(lostSubmitAnswerEvery: Int? = nil) {
        precondition(lostSubmitAnswerEvery.map { $0 >= 1 } ?? true, "lostSubmitAnswerEvery must be at least 1")
        self.lostSubmitAnswerEvery = lostSubmitAnswerEvery
    }

    /// The timeout the shell reports for a submit whose answer was lost.
    public static let lostAnswerReason = "timeout: no answer from the venue"
}
