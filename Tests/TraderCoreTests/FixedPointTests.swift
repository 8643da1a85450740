import Foundation
import Testing
import TraderCore
import TraderTestKit

@Suite struct FixedPointTests {
    private func value(_ text: String) -> FixedPoint { FixedPoint(text)! }

    @Test(arguments: [
        ("0.00000001", 1), ("65432.1", 6_543_210_000_000), ("-3", -300_000_000), ("+2.50", 250_000_000),
        ("0", 0), ("-0", 0), (".5", 50_000_000), ("1.000000000000", 100_000_000),
        ("92233720368.54775807", Int64.max),
    ])
    func parsesVenueDecimalStringsExactly(text: String, raw: Int64) {
        #expect(FixedPoint(text)?.raw == raw)
    }

    @Test(arguments: ["", "-", ".", "1e5", "0.000000001", "1,5", "1.2.3", " 1", "abc", "92233720368.54775808", "--1"])
    func refusesWhatIsNotAnExactDecimal(text: String) {
        #expect(FixedPoint(text) == nil)
    }

    @Test func formatsTheShortestExactSpelling() {
        #expect(value("65432.10").description == "65432.1")
        #expect(value("0.00000001").description == "0.00000001")
        #expect(value("-3.000").description == "-3")
        #expect(value("-0.5").description == "-0.5")
    }

    @Test func multipliesWithAnExplicitRoundingRule() throws {
        let price = value("65432.1")
        let size = value("0.00012345")
        #expect(try price.multiplied(by: size, rounding: .down).description == "8.07759274")
        #expect(try price.multiplied(by: size, rounding: .up).description == "8.07759275")
        #expect(try price.multiplied(by: size, rounding: .toNearestOrEven).description == "8.07759274")
    }

    @Test func multipliesLargeOperandsThroughTheWidePath() throws {
        let notional = try value("90000").multiplied(by: value("1000000"), rounding: .towardZero)
        #expect(notional.description == "90000000000")
    }

    @Test func roundsHalfwayCasesByTheRule() throws {
        let half = value("0.00000001")
        let quarter = try half.divided(by: value("2"), rounding: .toNearestOrAwayFromZero)
        #expect(quarter.raw == 1)
        #expect(try half.divided(by: value("2"), rounding: .toNearestOrEven).raw == 0)
        #expect(try value("-0.00000001").divided(by: value("2"), rounding: .toNearestOrAwayFromZero).raw == -1)
        #expect(try value("-0.00000001").divided(by: value("2"), rounding: .down).raw == -1)
        #expect(try value("-0.00000001").divided(by: value("2"), rounding: .up).raw == 0)
    }

    @Test func roundsToAProductIncrementExactly() throws {
        let size = value("0.12345678")
        #expect(try size.rounded(toIncrement: value("0.0001"), .down).description == "0.1234")
        #expect(try size.rounded(toIncrement: value("0.0001"), .up).description == "0.1235")
        #expect(try value("65432.17").rounded(toIncrement: value("0.05"), .toNearestOrAwayFromZero).description == "65432.15")
        #expect(try value("-1.25").rounded(toIncrement: value("0.5"), .towardZero).description == "-1")
    }

    @Test func reportsOverflowInsteadOfWrapping() {
        let max = "92233720368.54775807"
        #expect(throws: ArithmeticError(.overflow, operation: "\(max) + 0.00000001")) { try FixedPoint.max.adding(.ulp) }
        #expect(throws: ArithmeticError(.overflow, operation: "-\(max) - 0.00000001")) { try FixedPoint.min.subtracting(.ulp) }
        #expect(throws: ArithmeticError(.overflow, operation: "\(max) × 2")) {
            try FixedPoint.max.multiplied(by: FixedPoint(2), rounding: .down)
        }
        #expect(throws: ArithmeticError(.overflow, operation: "\(max) ÷ 0.5")) {
            try FixedPoint.max.divided(by: FixedPoint("0.5")!, rounding: .down)
        }
    }

    @Test func reportsDivisionByZero() {
        do {
            _ = try FixedPoint(1).divided(by: .zero, rounding: .down)
            Issue.record("expected a division-by-zero error")
        } catch {
            #expect(error.code == .divisionByZero)
        }
        #expect(throws: ArithmeticError.self) { try FixedPoint(1).rounded(toIncrement: .zero, .down) }
    }

    @Test func encodesAndDecodesAsAJSONString() throws {
        let encoded = try JSONEncoder().encode([value("65432.1"), value("-0.00000001")])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["65432.1","-0.00000001"]"#)
        #expect(try JSONDecoder().decode([FixedPoint].self, from: encoded) == [value("65432.1"), value("-0.00000001")])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([FixedPoint].self, from: Data(#"["1e5"]"#.utf8)) }
    }
}

/// Property tests over seeded random values (the generator is seeded so every run checks the same
/// cases and a failure can be replayed).
@Suite struct FixedPointPropertyTests {
    private func randomValue(_ generator: inout SeededGenerator) -> FixedPoint {
        let magnitude = [Int64(1_000), 100_000_000, 10_000_000_000_000, Int64.max][Int.random(in: 0..<4, using: &generator)]
        return FixedPoint(raw: Int64.random(in: -magnitude...magnitude, using: &generator))
    }

    @Test func theSpellingRoundTrips() {
        var generator = SeededGenerator(seed: 1)
        for _ in 0..<20_000 {
            let value = randomValue(&generator)
            #expect(FixedPoint(value.description) == value)
        }
    }

    @Test func roundingToAnIncrementStaysWithinOneIncrementOnTheRuleSide() throws {
        var generator = SeededGenerator(seed: 2)
        let increments = ["0.00000001", "0.0001", "0.01", "0.05", "1", "25"].map { FixedPoint($0)! }
        for _ in 0..<20_000 {
            let value = FixedPoint(raw: Int64.random(in: -1_000_000_000_000...1_000_000_000_000, using: &generator))
            let increment = increments[Int.random(in: 0..<increments.count, using: &generator)]
            let down = try value.rounded(toIncrement: increment, .down)
            let up = try value.rounded(toIncrement: increment, .up)
            let nearest = try value.rounded(toIncrement: increment, .toNearestOrAwayFromZero)
            #expect(down.isMultiple(of: increment) && up.isMultiple(of: increment))
            #expect(down <= value && value <= up)
            #expect(try up.subtracting(down).raw <= increment.raw)
            #expect(nearest == down || nearest == up)
            #expect(try value.subtracting(nearest).magnitude.raw * 2 <= increment.raw)
        }
    }

    @Test func arithmeticEitherIsExactOrReportsOverflow() {
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<20_000 {
            let (a, b) = (randomValue(&generator), randomValue(&generator))
            let exactSum = Int128(a.raw) + Int128(b.raw)
            do {
                #expect(Int128(try a.adding(b).raw) == exactSum)
            } catch {
                #expect(exactSum > Int128(Int64.max) || exactSum <= Int128(Int64.min))
            }
            let exactProduct = Int128(a.raw) * Int128(b.raw)
            do {
                let product = try a.multiplied(by: b, rounding: .towardZero)
                #expect(Int128(product.raw) == exactProduct / Int128(FixedPoint.scale))
            } catch {
                let quotient = exactProduct / Int128(FixedPoint.scale)
                #expect(quotient > Int128(Int64.max) || quotient <= Int128(Int64.min))
            }
        }
    }
}
