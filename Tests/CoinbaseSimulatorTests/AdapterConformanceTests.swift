import CoinbaseAdapter
import Testing
import TraderCore
import TraderTestKit

/// ``CoinbaseAdapter`` against the simulator over real loopback HTTP passes the venue conformance
/// checks ``PaperVenue`` passes, every one.
@Suite struct AdapterConformanceTests {
    @Test(.timeLimit(.minutes(1)), arguments: VenueConformance.Check.allCases)
    func adapterOverSimulatorPasses(_ check: VenueConformance.Check) async throws {
        try await SimulatorHarness.with { harness in
            try await VenueConformance.verify(check, on: CoinbaseVenueUnderTest(harness: harness))
        }
    }
}
