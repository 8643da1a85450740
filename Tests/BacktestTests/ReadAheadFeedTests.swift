import Backtest
import Foundation
import Testing
import TraderCore
import TraderTestKit

/// Files read ahead on a thread of their own come out exactly as the feed gives them: the same
/// bars in the same order across batch boundaries, a file's error after every bar before it, and
/// a reader stopped early gives its feed back.
@Suite struct ReadAheadFeedTests {
    private static let symbol = Symbol(base: "ETH", quote: "BTC")

    private func feed(_ path: String) throws -> HistoricalFeed {
        try HistoricalFeed(sources: [.init(symbol: Self.symbol, path: path)])
    }

    @Test func theBarsAreTheFeedsInOrderAcrossBatches() throws {
        let path = try SharedData.path("data/ethbtc_5m.csv")
        let direct = try feed(path)
        var expected: [Candle] = []
        while let bar = try direct.next() { expected.append(bar.candle) }
        let ahead = ReadAheadFeed(try feed(path), batchSize: 7, depth: 2)
        var read: [Candle] = []
        while let bar = try ahead.next() {
            #expect(bar.symbol == Self.symbol)
            read.append(bar.candle)
        }
        #expect(read.count == expected.count)
        #expect(read == expected)
        #expect(try ahead.next() == nil)
        #expect(ahead.feed.quality.first?.quality.rows == expected.count)
    }

    @Test func aFilesErrorComesAfterEveryBarBeforeIt() throws {
        let folder = NSTemporaryDirectory() + "trader-read-ahead-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Generated rows (mechanics only): ten good bars, then one whose low is above its high.
        var text = "timestamp,open,high,low,close,volume\n"
        for minute in 0..<10 { text += "\(1_700_000_000 + minute * 60),10,11,9,10,1\n" }
        text += "1700000600,10,11,12,10,1\n"
        try text.write(toFile: folder + "/bad.csv", atomically: true, encoding: .utf8)
        func barsBeforeTheError(_ next: () throws(DataError) -> (symbol: Symbol, candle: Candle)?) -> (Int, String) {
            var bars = 0
            do {
                while try next() != nil { bars += 1 }
                return (bars, "no error")
            } catch {
                return (bars, error.description)
            }
        }
        let direct = try feed(folder + "/bad.csv")
        let ahead = ReadAheadFeed(try feed(folder + "/bad.csv"), batchSize: 4, depth: 1)
        let expected = barsBeforeTheError(direct.next)
        #expect(expected.1.hasSuffix("bad.csv:12:18: error: invalid_candle: open 10 and close 10 must lie within low 12 and high 11"))
        #expect(expected.0 == 9)  // the feed reads one bar ahead of the one it hands out
        let read = barsBeforeTheError(ahead.next)
        #expect(read == expected)
    }

    @Test func aReaderStoppedEarlyGivesItsFeedBack() throws {
        let ahead = ReadAheadFeed(try feed(try SharedData.path("data/ethbtc_5m.csv")), batchSize: 16, depth: 1)
        for _ in 0..<3 { _ = try ahead.next() }
        #expect((ahead.feed.quality.first?.quality.rows ?? 0) >= 3)
    }
}
