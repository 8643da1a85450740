import Testing
import YAMLConfig

private struct Risk: Decodable, Equatable, YAMLFieldRules {
    var maxDailyLossPct: Double
    var symbols: [String]
    static let yamlFieldRules: [String: YAMLFieldRule] = ["max_daily_loss_pct": .range(0...100)]
}

private struct Policy: Decodable, Equatable {
    var risk: Risk
}

@Suite struct EnvironmentOverrideTests {
    private let text = "risk:\n  max_daily_loss_pct: 3\n  symbols: [BTC-USD]\n"

    private func load(_ environment: [String: String]) throws -> (YAMLDecodingResult<Policy>, [YAMLDiagnostic]) {
        let root = try YAMLParser().parse(text, file: "policy.yaml").root
        let overrides = YAMLEnvironmentOverrides(prefix: "TRADER_", environment: environment)
        let applied = overrides.apply(to: root, claiming: ["risk"])
        let result = YAMLDecoder(keyDecoding: .convertFromSnakeCase).decode(Policy.self, from: applied.root)
        return (result, applied.diagnostics + overrides.unclaimed(byAnyOf: [["risk"]]))
    }

    @Test func overridesANestedValue() throws {
        let (result, findings) = try load(["TRADER_RISK__MAX_DAILY_LOSS_PCT": "2.5"])
        #expect(findings.isEmpty)
        #expect(result.value?.risk.maxDailyLossPct == 2.5)
    }

    @Test func overridesAListWithAFlowSequence() throws {
        let (result, _) = try load(["TRADER_RISK__SYMBOLS": "[ETH-USD, SOL-USD]"])
        #expect(result.value?.risk.symbols == ["ETH-USD", "SOL-USD"])
    }

    @Test func anInvalidOverrideIsReportedAgainstTheVariable() throws {
        let (result, _) = try load(["TRADER_RISK__MAX_DAILY_LOSS_PCT": "250"])
        #expect(result.value == nil)
        #expect(result.diagnostics.map(\.description) == [
            "env:TRADER_RISK__MAX_DAILY_LOSS_PCT: error: out_of_range: risk.max_daily_loss_pct: expected a number from 0 to 100, got 250"
        ])
    }

    @Test func anOverrideOfAnUnknownKeyIsAnUnknownKeyNamingTheVariable() throws {
        let (result, _) = try load(["TRADER_RISK__MAX_DAILY_LOS_PCT": "2"])
        #expect(result.diagnostics.map(\.origin) == [.environment(variable: "TRADER_RISK__MAX_DAILY_LOS_PCT")])
        #expect(result.diagnostics.map(\.code) == [.unknownKey])
    }

    @Test func aNestedOverrideOfNoSectionIsReportedWithASuggestion() throws {
        let (_, findings) = try load(["TRADER_RSIK__MAX_DAILY_LOSS_PCT": "2", "TRADER_SHARED": "/data"])
        #expect(findings.map(\.description) == [
            "env:TRADER_RSIK__MAX_DAILY_LOSS_PCT: error: invalid_override: rsik.max_daily_loss_pct: no configuration section \"rsik\"; did you mean TRADER_RISK__...?"
        ])
    }

    @Test func anOverrideThroughAListIsRefused() throws {
        let (_, findings) = try load(["TRADER_RISK__SYMBOLS__FIRST": "X"])
        #expect(findings.map(\.code) == [.invalidOverride])
        #expect(findings.first?.message == "cannot set \"first\" inside a list; only mapping keys can be overridden")
    }

    @Test func anUnparseableValueIsRefused() throws {
        let (_, findings) = try load(["TRADER_RISK__SYMBOLS": "[unclosed"])
        #expect(findings.map(\.code) == [.invalidOverride])
    }
}
