import Testing

@testable import YAMLConfig

@Suite struct YAMLScalarValueTests {
    @Test(arguments: [
        ("", YAMLScalarValue.null), ("~", .null), ("null", .null), ("true", .bool(true)), ("False", .bool(false)),
        ("42", .int(42)), ("-7", .int(-7)), ("0x1F", .int(31)), ("0o17", .int(15)), ("2.5", .double(2.5)),
        (".5", .double(0.5)), ("1e3", .double(1000)), ("-.inf", .double(-.infinity)), ("yes", .string("yes")),
        ("09:30", .string("09:30")), ("1_000", .string("1_000")), ("BTC-USD", .string("BTC-USD")),
    ])
    func resolvesPlainScalarsByTheCoreSchema(text: String, expected: YAMLScalarValue) {
        #expect(YAMLScalarValue.resolvePlain(text) == expected)
    }

    @Test func quotedScalarsAreAlwaysStrings() throws {
        let document = try YAMLParser().parse("a: \"42\"\nb: 'true'\n", file: "t.yaml")
        #expect(document.root["a"]?.resolved == .string("42"))
        #expect(document.root["b"]?.resolved == .string("true"))
    }

    @Test func decodesFreeFormParametersAndRefusesCollectionsAmongThem() throws {
        let root = try YAMLParser().parse("{window: 12, ratio: 1.5, mode: fast, nested: {a: 1}}", file: "p.yaml").root
        let result = YAMLDecoder().decode([String: YAMLScalarValue].self, from: root)
        #expect(result.diagnostics.map(\.description) == [
            "p.yaml:1:46: error: type_mismatch: nested: expected a single value, got a mapping"
        ])
        let valid = YAMLDecoder().decode(
            [String: YAMLScalarValue].self, from: try YAMLParser().parse("{window: 12, ratio: 1.5, mode: fast}", file: "p.yaml").root)
        #expect(valid.value == ["window": .int(12), "ratio": .double(1.5), "mode": .string("fast")])
    }
}
