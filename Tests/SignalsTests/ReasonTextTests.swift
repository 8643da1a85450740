import Signals
import Testing

@Suite struct ReasonTextTests {
    private func text(_ value: Double) -> String {
        Trigger.Reason.gate(name: "x", value: value, reference: nil).description
    }

    @Test func numbersAreRoundedToCentsAndWrittenWithoutTrailingZeros() {
        #expect(text(43_210.123) == "x 43210.12")
        #expect(text(12.3) == "x 12.3")
        #expect(text(2) == "x 2")
        #expect(text(-0.5) == "x -0.5")
        #expect(text(-1_234.07) == "x -1234.07")
        #expect(text(0.004) == "x 0")
        #expect(text(-0.004) == "x 0")
        #expect(text(0.05) == "x 0.05")
        #expect(text(1e14) == "x 100000000000000")
    }

    /// The fast path must write what the shortest decimal of the cent-rounded value reads.
    @Test func theTextIsTheShortestDecimalOfTheRoundedValue() {
        var generator = SplitMix(seed: 7)
        for _ in 0..<20_000 {
            let value = Double(Int64(bitPattern: generator.next()) % 10_000_000_000) / Double(1 << (generator.next() % 20))
            let rounded = (value * 100).rounded() / 100
            let expected = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
            #expect(text(value) == "x \(expected)", "value \(value)")
        }
    }
}

/// A small deterministic generator for the property test.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
