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
            let (a, b) = (Symbol(base: code(), quote: code()), Symbol(base: code(), quote: code()))
            #expect((a < b) == ((a.base, a.quote) < (b.base, b.quote)), "\(a) \(b)")
            #expect((a == b) == (a.base == b.base && a.quote == b.quote), "\(a) \(b)")
        }
    }

    @Test func aPrefixOrdersFirstAndReversedPairsDiffer() {
        #expect(Symbol(base: "AB", quote: "USD") < Symbol(base: "ABC", quote: "USD"))
        #expect(Symbol(base: "BTC", quote: "USD") != Symbol(base: "USD", quote: "BTC"))
        #expect(Symbol(base: "ZZZZZZZZZZZZ", quote: "USD") > Symbol(base: "ZZZZZZZZZZZ9", quote: "USD"))
        let set: Set = [Symbol(base: "BTC", quote: "USD"), Symbol(base: "BTC", quote: "USD"), Symbol(base: "USD", quote: "BTC")]
        #expect(set.count == 2)
    }
}
