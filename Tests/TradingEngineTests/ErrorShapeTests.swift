import Persistence
import Testing
import TradingEngine
import TraderCore

/// The venue's, the store's and the engine's errors have one shape: a stable code, a message and
/// an optional cause, printed the same way.
@Suite struct ErrorShapeTests {
    private func shape<E: TraderError>(_ error: E) -> [String?] {
        [error.code.rawValue, error.message, error.cause]
    }

    @Test func everyErrorHasACodeAMessageAndAnOptionalCause() {
        #expect(shape(VenueError(.timeout, message: "place t-1", cause: "curl 28: operation timed out")) == [
            "timeout", "place t-1", "curl 28: operation timed out",
        ])
        #expect(shape(StoreError(.io, "state.sqlite: write failed", cause: "disk I/O error")) == [
            "io", "state.sqlite: write failed", "disk I/O error",
        ])
        #expect(shape(EngineError(.unknownOrder, "fill for t-9")) == ["unknown_order", "fill for t-9", nil])
    }

    @Test func storeAndEngineErrorsPrintCodeMessageAndCause() {
        #expect(StoreError(.io, "state.sqlite: write failed", cause: "disk I/O error").description
            == "io: state.sqlite: write failed; cause: disk I/O error")
        #expect(EngineError(.inconsistentReport, "filled 1 of 0.5").description == "inconsistent_report: filled 1 of 0.5")
        #expect(VenueError(.rateLimited, message: "GET /orders", retryAfter: .seconds(2)).description
            == "rate_limited: GET /orders; retry after 2.0 seconds")
    }
}
