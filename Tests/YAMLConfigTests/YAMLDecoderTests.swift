import Foundation
import Testing
import YAMLConfig

/// Sample schema types, plainly written, to exercise the decoder.
private struct Limits: Decodable, Equatable, YAMLFieldRules {
    enum Mode: String, CaseIterable, Decodable { case dryRun = "DRY_RUN", paper = "PAPER", live = "LIVE" }
    var mode: Mode
    var maxTotalExposurePct: Double
    var maxOpenPositions: Int
    var enabled: Bool
    var name: String
    var note: String?
    var symbols: [String]
    var caps: [String: Double]

    static let yamlFieldRules: [String: YAMLFieldRule] = [
        "max_total_exposure_pct": .range(0...100), "max_open_positions": .range(1...50), "symbols": .nonEmpty,
        "caps": .range(0...100),
    ]
}

private struct Wrapper: Decodable, Equatable {
    var limits: Limits
}

/// A type decoded through a registered custom scalar decoding.
private struct Ticker: Decodable, Equatable, Sendable {
    var text: String
    init(_ text: String) { self.text = text }
    init(from decoder: any Decoder) throws { text = try decoder.singleValueContainer().decode(String.self) }
}

@Suite struct YAMLDecoderTests {
    private let valid = """
        limits:
          mode: PAPER
          max_total_exposure_pct: 70
          max_open_positions: 6
          enabled: true
          name: core
          symbols: [BTC-USD]
          caps: {BTC: 30}
        """

    private func decode<T: Decodable>(_ type: T.Type, _ text: String, decoder: YAMLDecoder = YAMLDecoder(
        keyDecoding: .convertFromSnakeCase)) throws -> YAMLDecodingResult<T>
    {
        decoder.decode(type, from: try YAMLParser().parse(text, file: "policy.yaml").root)
    }

    @Test func decodesAValidDocument() throws {
        let result = try decode(Wrapper.self, valid)
        #expect(result.diagnostics.isEmpty)
        let limits = try #require(result.value?.limits)
        #expect(limits.mode == .paper)
        #expect(limits.maxTotalExposurePct == 70)
        #expect(limits.maxOpenPositions == 6)
        #expect(limits.note == nil)
        #expect(limits.caps == ["BTC": 30])
    }

    @Test func typeMismatchNamesTheRangeAndTheValue() throws {
        let result = try decode(Wrapper.self, valid.replacingOccurrences(of: "70", with: "fifty"))
        #expect(result.value == nil)
        #expect(result.diagnostics.map(\.description) == [
            "policy.yaml:3:27: error: type_mismatch: limits.max_total_exposure_pct: expected a number from 0 to 100, got \"fifty\""
        ])
    }

    @Test func reportsOutOfRangeAtTheBoundaryPlusOne() throws {
        let atLimit = try decode(Wrapper.self, valid.replacingOccurrences(of: "positions: 6", with: "positions: 50"))
        #expect(atLimit.diagnostics.isEmpty)
        let over = try decode(Wrapper.self, valid.replacingOccurrences(of: "positions: 6", with: "positions: 51"))
        #expect(over.diagnostics.map(\.code) == [.outOfRange])
        #expect(over.diagnostics.first?.message == "expected a whole number from 1 to 50, got 51")
    }

    @Test func wholeNumbersRefuseFractions() throws {
        let result = try decode(Wrapper.self, valid.replacingOccurrences(of: "positions: 6", with: "positions: 6.5"))
        #expect(result.diagnostics.first?.message == "expected a whole number from 1 to 50, got \"6.5\"")
    }

    @Test func enumErrorsListTheAllowedValuesAndSuggestTheNearest() throws {
        let result = try decode(Wrapper.self, valid.replacingOccurrences(of: "PAPER", with: "LIEV"))
        #expect(result.diagnostics.map(\.code) == [.invalidEnum])
        #expect(result.diagnostics.first?.message == "expected one of DRY_RUN, PAPER, LIVE, got \"LIEV\"; did you mean \"LIVE\"?")
    }

    @Test func unknownKeysGetADidYouMeanSuggestion() throws {
        let result = try decode(Wrapper.self, valid + "\n  max_open_position: 3\n")
        #expect(result.diagnostics.map(\.description) == [
            "policy.yaml:9:3: error: unknown_key: limits.max_open_position: unknown key \"max_open_position\"; did you mean \"max_open_positions\"?"
        ])
    }

    @Test func reportsEveryErrorInOnePassInFileOrder() throws {
        let text = """
            limits:
              mode: live
              max_total_exposure_pct: 170
              enabled: maybe
              name: core
              symbols: []
              caps: {BTC: 130}
              extra: 1
            """
        let result = try decode(Wrapper.self, text)
        #expect(result.value == nil)
        #expect(result.diagnostics.map(\.code.rawValue) == [
            "missing_key", "invalid_enum", "out_of_range", "type_mismatch", "invalid_value", "out_of_range",
            "unknown_key",
        ])
        #expect(result.diagnostics.map(\.path) == [
            "limits.max_open_positions", "limits.mode", "limits.max_total_exposure_pct", "limits.enabled",
            "limits.symbols", "limits.caps.BTC", "limits.extra",
        ])
        #expect(result.diagnostics.map { $0.origin.location!.line } == [2, 2, 3, 4, 6, 7, 8])
    }

    @Test func aNullSectionReportsEachRequiredKeyOnce() throws {
        let result = try decode(Wrapper.self, "limits:\n")
        #expect(result.diagnostics.count == 7)
        #expect(Set(result.diagnostics.map(\.code)) == [.missingKey])
    }

    @Test func aListWhereAMappingBelongsIsATypeMismatch() throws {
        let result = try decode(Wrapper.self, "limits: [1, 2]\n")
        #expect(result.diagnostics.map(\.description) == [
            "policy.yaml:1:9: error: type_mismatch: limits: expected a mapping, got a list"
        ])
    }

    @Test func customScalarDecodingsCanWarnAndFail() throws {
        var decoder = YAMLDecoder()
        decoder.register(Ticker.self, expecting: "a ticker", placeholder: Ticker("?")) { (context) throws(YAMLValueError) in
            guard context.text.allSatisfy(\.isLetter) else { throw YAMLValueError(code: "bad_ticker", "not letters") }
            if context.text != context.text.uppercased() { context.warn("lower_case", "upper-cased") }
            return Ticker(context.text.uppercased())
        }
        let result = try decode([Ticker].self, "[abc, DEF, 12]", decoder: decoder)
        #expect(result.diagnostics.map(\.code.rawValue) == ["lower_case", "bad_ticker"])
        #expect(result.diagnostics.map(\.severity) == [.warning, .error])
        #expect(result.value == nil)
        let warningsOnly = try decode([Ticker].self, "[abc, DEF]", decoder: decoder)
        #expect(warningsOnly.value == [Ticker("ABC"), Ticker("DEF")])
    }

    @Test func snakeCaseConversionMatchesSwiftNames() {
        #expect(YAMLKeyDecoding.snakeCase("maxTotalExposurePct") == "max_total_exposure_pct")
        #expect(YAMLKeyDecoding.snakeCase("min24hVolume") == "min24h_volume")
        #expect(YAMLKeyDecoding.snakeCase("mode") == "mode")
    }
}
