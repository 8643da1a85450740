import Backtest
import Foundation
import Testing
import TraderCore

@Suite struct HistoricalFeedTests {
    static func write(_ rows: [Int64], named name: String, in folder: String) throws -> String {
        let path = folder + "/" + name
        let body = rows.map { "\($0),10,11,9,10,1" }.joined(separator: "\n")
        try ("timestamp,open,high,low,close,volume\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("trader-feed-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func severalFilesReplayInTimeThenSymbolOrderWithinFromAndTo() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let btc = Symbol(base: "BTC", quote: "USD")
        let eth = Symbol(base: "ETH", quote: "USD")
        let feed = try HistoricalFeed(
            sources: [
                .init(symbol: eth, path: try Self.write([60, 120, 180, 240], named: "eth.csv", in: folder)),
                .init(symbol: btc, path: try Self.write([0, 60, 120, 180], named: "btc.csv", in: folder)),
            ], from: Timestamp(secondsSinceEpoch: 60), to: Timestamp(secondsSinceEpoch: 240))
        var seen: [String] = []
        while let (symbol, candle) = try feed.next() { seen.append("\(symbol)@\(candle.time.secondsSinceEpoch)") }
        #expect(seen == ["BTC-USD@60", "ETH-USD@60", "BTC-USD@120", "ETH-USD@120", "BTC-USD@180", "ETH-USD@180"])
        #expect(feed.interval == .oneMinute)
        #expect(feed.progress == 1)
    }

    @Test func filesOfDifferentIntervalsNeedResampling() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let minutes = try Self.write(Array(stride(from: 0, to: 600, by: 60)), named: "m.csv", in: folder)
        let fives = try Self.write([0, 300], named: "f.csv", in: folder)
        let sources: [HistoricalFeed.Source] = [
            .init(symbol: Symbol(base: "BTC", quote: "USD"), path: minutes), .init(symbol: Symbol(base: "ETH", quote: "USD"), path: fives),
        ]
        #expect(throws: DataError.self) { try HistoricalFeed(sources: sources) }
        let feed = try HistoricalFeed(sources: sources, resampleTo: .fiveMinutes)
        var count = 0
        while let (_, candle) = try feed.next() {
            #expect(candle.time.secondsSinceEpoch % 300 == 0)
            count += 1
        }
        #expect(count == 4)
    }
}
