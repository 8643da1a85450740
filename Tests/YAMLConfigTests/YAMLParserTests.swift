import Testing

@testable import YAMLConfig

@Suite struct YAMLParserTests {
    private func parse(_ text: String, limits: YAMLLimits = .default) throws -> YAMLDocument {
        try YAMLParser(limits: limits).parse(text, file: "test.yaml")
    }

    private func fatal(_ text: String, limits: YAMLLimits = .default) -> YAMLDiagnostic? {
        do {
            _ = try parse(text, limits: limits)
            return nil
        } catch {
            return error as? YAMLDiagnostic
        }
    }

    @Test func recordsLineAndColumnOfEveryKeyAndValue() throws {
        let document = try parse("risk:\n  max_open_positions: 6\n  caps: [a, b]\n")
        let risk = try #require(document.root["risk"])
        let entry = try #require(risk.entries?.first)
        #expect(entry.key.origin.location == SourceLocation(file: "test.yaml", line: 2, column: 3))
        #expect(entry.value.origin.location == SourceLocation(file: "test.yaml", line: 2, column: 23))
        let second = try #require(risk.node(at: ["caps", 1]))
        #expect(second.origin.location == SourceLocation(file: "test.yaml", line: 3, column: 13))
        #expect(second.scalar?.text == "b")
    }

    @Test func resolvesAliasesToTheAnchoredNode() throws {
        let document = try parse("base: &b {fee: 40}\ncopy: *b\n")
        #expect(document.root.node(at: ["copy", "fee"])?.scalar?.text == "40")
    }

    @Test func mergeKeysAddOnlyTheKeysTheMappingDoesNotWrite() throws {
        let document = try parse("base: &b {fee: 40, tier: core}\nchild:\n  <<: *b\n  fee: 25\n")
        let child = try #require(document.root["child"])
        #expect(child.entries?.map(\.name) == ["fee", "tier"])
        #expect(child["fee"]?.scalar?.text == "25")
        #expect(child["tier"]?.scalar?.text == "core")
        #expect(document.diagnostics.isEmpty)
    }

    @Test func reportsDuplicateKeyAtTheSecondOccurrenceAndKeepsTheFirst() throws {
        let document = try parse("risk:\n  cap: 1\n  cap: 2\n")
        #expect(document.diagnostics.map(\.code) == [.duplicateKey])
        #expect(document.diagnostics.first?.origin.location == SourceLocation(file: "test.yaml", line: 3, column: 3))
        #expect(document.diagnostics.first?.path == "risk.cap")
        #expect(document.root.node(at: ["risk", "cap"])?.scalar?.text == "1")
    }

    @Test func reportsNonStringKeys() throws {
        let document = try parse("1: one\ntrue: yes\n[a]: list\nname: ok\n")
        #expect(document.diagnostics.map(\.code) == [.nonStringKey, .nonStringKey, .nonStringKey])
        #expect(document.diagnostics.map { $0.origin.location?.line } == [1, 2, 3])
        #expect(document.root.entries?.map(\.name) == ["name"])
    }

    @Test func quotedNumericKeysAreStrings() throws {
        let document = try parse("\"1\": one\n")
        #expect(document.diagnostics.isEmpty)
        #expect(document.root["1"]?.scalar?.text == "one")
    }

    @Test func rejectsASecondDocument() {
        let finding = fatal("a: 1\n---\nb: 2\n")
        #expect(finding?.code == .multipleDocuments)
        #expect(finding?.origin.location?.line == 2)
    }

    @Test func reportsSyntaxErrorsWithTheirPosition() {
        let finding = fatal("a: [1, 2\nb: 3\n")
        #expect(finding?.code == .syntaxError)
        #expect(finding?.origin.location == SourceLocation(file: "test.yaml", line: 2, column: 2))
    }

    @Test func rejectsAnAliasToAnUndefinedAnchor() {
        let finding = fatal("a: *nowhere\n")
        #expect(finding?.code == .unknownAlias)
        #expect(finding?.origin.location == SourceLocation(file: "test.yaml", line: 1, column: 4))
    }

    @Test func stopsABillionLaughsDocumentAtTheNodeLimit() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (previous, name) in zip("abcdefghi", "bcdefghij") {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let finding = fatal(text)
        #expect(finding?.code == .aliasExpansionLimit)
        #expect(finding?.origin.location?.line == 5)
    }

    @Test func stopsDeepNestingAtTheDepthLimit() {
        let finding = fatal(String(repeating: "[", count: 65) + String(repeating: "]", count: 65))
        #expect(finding?.code == .nestingTooDeep)
        #expect(finding?.origin.location == SourceLocation(file: "test.yaml", line: 1, column: 65))
    }

    @Test func acceptsNestingExactlyAtTheDepthLimit() throws {
        _ = try parse(String(repeating: "[", count: 64) + String(repeating: "]", count: 64))
    }

    @Test func stopsAFileWithTooManyNodes() {
        let text = "[" + Array(repeating: "1", count: 101).joined(separator: ",") + "]"
        #expect(fatal(text, limits: YAMLLimits(maxNodes: 100))?.code == .tooManyNodes)
    }

    @Test func refusesAFileOverTheSizeLimitBeforeParsing() {
        let finding = fatal(String(repeating: "# padding\n", count: 20), limits: YAMLLimits(maxFileBytes: 100))
        #expect(finding?.code == .fileTooLarge)
        #expect(finding?.message == "the file has 200 bytes; the limit is 100")
    }

    @Test func reportsTagsOutsideTheCoreSchema() throws {
        let document = try parse("a: !custom 5\nb: !!str 7\n")
        #expect(document.diagnostics.map(\.code) == [.unsupportedTag])
        #expect(document.diagnostics.first?.path == "a")
        #expect(document.root["b"]?.resolved == .string("7"))
    }

    @Test func anEmptyFileIsANullRoot() throws {
        let document = try parse("")
        #expect(document.root.resolved == .null)
    }

    @Test func reportsAMissingFileAsUnreadable() {
        #expect(throws: YAMLDiagnostic.self) { try YAMLParser().parseFile(atPath: "/nonexistent/trader.yaml") }
        do {
            _ = try YAMLParser().parseFile(atPath: "/nonexistent/trader.yaml")
        } catch {
            #expect(error.code == .unreadableFile)
        }
    }
}
