import Testing
import TraderCore

@Suite struct SymbolMapTests {
    private let btc = Symbol(base: "BTC", quote: "USD")
    private let eth = Symbol(base: "ETH", quote: "USD")
    private let sol = Symbol(base: "SOL", quote: "USD")

    @Test func iteratesInSymbolOrderWhateverTheOrderOfInsertion() {
        var map: SymbolMap<Int> = [:]
        map[sol] = 3
        map[btc] = 1
        map[eth] = 2
        #expect(map.symbols == [btc, eth, sol])
        #expect(map.map(\.value) == [1, 2, 3])
    }

    @Test func setsReplacesAndRemovesBySymbol() {
        var map: SymbolMap<String> = [eth: "two", btc: "one"]
        map[eth] = "TWO"
        map[sol] = nil
        #expect(map[eth] == "TWO" && map[btc] == "one" && map[sol] == nil)
        map[btc] = nil
        #expect(map.symbols == [eth] && map.count == 1)
    }

    @Test func updateValueReturnsWhatItReplacedAndKeepsTheOrder() {
        var map: SymbolMap<Int> = [:]
        #expect(map.updateValue(3, for: sol) == nil)
        #expect(map.updateValue(1, for: btc) == nil)
        #expect(map.updateValue(2, for: eth) == nil)
        #expect(map.updateValue(30, for: sol) == 3)
        #expect(map.symbols == [btc, eth, sol])
        #expect(map.map(\.value) == [1, 2, 30])
    }

    @Test func aLiteralThatNamesASymbolTwiceKeepsTheLastValue() {
        let map: SymbolMap<Int> = [btc: 1, btc: 2]
        #expect(map.count == 1 && map[btc] == 2)
    }

    @Test func equalMapsHaveEqualContentsAndConvertToTheSameDictionary() {
        var refilled: SymbolMap<Int> = [btc: 1, eth: 2]
        refilled.removeAll(keepingCapacity: true)
        #expect(refilled.isEmpty)
        refilled[eth] = 2
        refilled[btc] = 1
        #expect(refilled == [btc: 1, eth: 2])
        #expect(refilled != [btc: 1, eth: 3])
        #expect(refilled.dictionary == [btc: 1, eth: 2])
    }

    @Test func everyInsertionAndLookupAgreesWithADictionary() {
        // Twelve symbols inserted in a scrambled order, so that each lands first, last or between.
        let bases = ["ADA", "BTC", "DOGE", "ETH", "LINK", "SOL", "XRP", "AVAX", "DOT", "LTC", "UNI", "ATOM"]
        let symbols = bases.map { Symbol(base: $0, quote: "USD") }
        var map: SymbolMap<Int> = [:]
        var reference: [Symbol: Int] = [:]
        for (value, symbol) in symbols.enumerated() {
            #expect(map[symbol] == nil)
            #expect(map.updateValue(value, for: symbol) == nil)
            reference[symbol] = value
            #expect(map.symbols == reference.keys.sorted())
            for known in symbols { #expect(map[known] == reference[known]) }
        }
        for (value, symbol) in symbols.enumerated() { #expect(map.updateValue(value + 100, for: symbol) == value) }
        #expect(map.map(\.value) == map.symbols.map { reference[$0]! + 100 })
    }
}
