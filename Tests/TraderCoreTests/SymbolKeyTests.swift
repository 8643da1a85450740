import Testing
import TraderCore
import TraderTestKit

/// Symbols hash, compare and order by their packed codes; these must agree with the strings.
@Suite struct SymbolKeyTests {
    @Test func packedOrderAndEqualityAgreeWithTheCodes() {
        var random = SeededGenerator(seed: 7)
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        func code() -> String {
            var text = String((0..<Int.random(in: 0...11, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            text.insert(alphabet[Int.random(in: 10..<36, using: &random)], at: text.startIndex)  // at least one letter
            return text
        }
        for _ in 0..<5_000 {
            let (aBase, aQuote, bBase, bQuote) = (code(), code(), code(), code())
            let (a, b) = (Symbol(base: aBase, quote: aQuote), Symbol(base: bBase, quote: bQuote))
            #expect((a < b) == ((aBase, aQuote) < (bBase, bQuote)), "\(a) \(b)")
            #expect((a == b) == (aBase == bBase && aQuote == bQuote), "\(a) \(b)")
            #expect(a.base == aBase && a.quote == aQuote && a.description == "\(aBase)-\(aQuote)")
        }
    }

    @Test func theCodesComeBackFromTheirPackedFormAtEveryLength() {
        for code in ["A", "1INCH", "USDC", "B0", "A00000000000", "ZZZZZZZZZZZZ", "0000000000Z9", "9A"] {
            #expect(Symbol(base: code, quote: "USD").base == code)
            #expect(Symbol(base: "USD", quote: code).quote == code)
        }
    }

    @Test func aSymbolIsSixteenPlainBytes() {
        #expect(MemoryLayout<Symbol>.size == 16)
        #expect(_isPOD(Symbol.self))
    }

    @Test func aPrefixOrdersFirstAndReversedPairsDiffer() {
        #expect(Symbol(base: "AB", quote: "USD") < Symbol(base: "ABC", quote: "USD"))
        #expect(Symbol(base: "BTC", quote: "USD") != Symbol(base: "USD", quote: "BTC"))
        #expect(Symbol(base: "ZZZZZZZZZZZZ", quote: "USD") > Symbol(base: "ZZZZZZZZZZZ9", quote: "USD"))
        let set: Set = [Symbol(base: "BTC", quote: "USD"), Symbol(base: "BTC", quote: "USD"), Symbol(base: "USD", quote: "BTC")]
        #expect(set.count == 2)
    }
}
