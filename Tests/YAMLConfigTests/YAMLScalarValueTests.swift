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
}
