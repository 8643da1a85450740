import Testing
import TraderCore

@Suite struct TimestampTests {
    @Test func parsesUTCInstants() {
        #expect(ISO8601Format.parse("1970-01-01T00:00:00Z")?.nanosecondsSinceEpoch == 0)
        #expect(ISO8601Format.parse("2026-11-20T14:00:00Z")?.secondsSinceEpoch == 1_795_183_200)
        #expect(ISO8601Format.parse("2024-02-29T23:59:59.5Z")?.nanosecondsSinceEpoch == 1_709_251_199_500_000_000)
    }

    @Test func appliesTheOffset() {
        #expect(ISO8601Format.parse("2026-11-20T09:00:00-05:00") == ISO8601Format.parse("2026-11-20T14:00:00Z"))
    }

    @Test(arguments: ["yesterday", "2026-02-30T00:00:00Z", "2026-11-20T24:00:00Z", "2026-11-20T14:00:00", "2026-11-20"])
    func rejectsMalformedOrImpossibleTimes(text: String) {
        #expect(ISO8601Format.parse(text) == nil)
    }

    @Test func formatsInUTCTrimmingTheFraction() {
        #expect(Timestamp(secondsSinceEpoch: 1_795_183_200).description == "2026-11-20T14:00:00Z")
        #expect(Timestamp(nanosecondsSinceEpoch: 1_500_000_000).description == "1970-01-01T00:00:01.5Z")
        #expect(Timestamp(secondsSinceEpoch: -1).description == "1969-12-31T23:59:59Z")
    }

    @Test func roundTripsThroughItsSpelling() {
        for seconds: Int64 in [0, 951_782_400, 1_709_251_199, 4_102_444_800] {
            let timestamp = Timestamp(secondsSinceEpoch: seconds)
            #expect(ISO8601Format.parse(timestamp.description) == timestamp)
        }
    }

    @Test func theEarliestAndLatestInstantsFormatAndParseBack() {
        // An engine that never traded saves its next pruning time as the earliest instant.
        let earliest = Timestamp(nanosecondsSinceEpoch: .min)
        let latest = Timestamp(nanosecondsSinceEpoch: .max)
        #expect(earliest.description == "1677-09-21T00:12:43.145224192Z")
        #expect(latest.description == "2262-04-11T23:47:16.854775807Z")
        #expect(Timestamp(earliest.description) == earliest)
        #expect(Timestamp(latest.description) == latest)
        #expect(Timestamp(nanosecondsSinceEpoch: -1).description == "1969-12-31T23:59:59.999999999Z")
    }
}
