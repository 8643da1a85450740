import Testing
import YAMLConfig

@Suite struct SuggestionTests {
    @Test func suggestsTheNearestCandidateForATypo() {
        #expect(Suggestion.closest(to: "max_open_positionz", among: ["max_open_positions", "max_drawdown_pct"]) == "max_open_positions")
        #expect(Suggestion.closest(to: "LIEV", among: ["DRY_RUN", "PAPER", "LIVE"]) == "LIVE")
    }

    @Test func suggestsNothingForAnUnrelatedWord() {
        #expect(Suggestion.closest(to: "leverage", among: ["mode", "venue", "state"]) == nil)
    }
}
