@testable import Backtest
import Foundation
import Testing
import TraderCore
import TraderTestKit

@Suite struct CandleCSVReaderTests {
    @Test func theBenchmarkFileReadsCompleteWithExactFirstAndLastBars() throws {
        let reader = try CandleCSVReader(path: try SharedData.path("data/ftx_btcperp_1m.csv"))
        let candles = try reader.readAll()
        #expect(candles.count == 45_031)
        #expect(candles.first == Candle(
            time: Timestamp(secondsSinceEpoch: 1_640_991_660), open: Price("46319")!, high: Price("46385")!, low: Price("46319")!,
            close: Price("46377")!, volume: Quantity("2300413.7295")!))
        #expect(candles.last?.time == Timestamp(secondsSinceEpoch: 1_643_693_460))  // 2022-02-01 05:31 UTC
        #expect(reader.quality.interval == .oneMinute)
        #expect(reader.quality.gapCount == 0 && reader.quality.duplicatesDropped == 0)
    }

    @Test func decimalsUpToEighteenDigitsReadAsFixedPointParsesThem() {
        // Generated spellings (mechanics only): the reader's short path must agree with
        // FixedPoint's own parser on every field it takes, and refuse what that refuses.
        var random = SeededGenerator(seed: 19)
        for _ in 0..<5_000 {
            let whole = String(UInt64.random(in: 0...999_999_999_999, using: &random))
            let fractionLength = Int.random(in: 0...8, using: &random)
            let fraction = String((0..<fractionLength).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
            let text = fractionLength == 0 ? whole : whole + "." + fraction
            #expect(CandleCSVReader.decimal(Array(text.utf8)) == FixedPoint(text), "\(text)")
        }
        for text in ["", ".", "1.2.3", "-1", "+1", "1e5", "92233720368.54775807", "999999999999999999", "12a"] {
            #expect(CandleCSVReader.decimal(Array(text.utf8)) == nil, "\(text)")
        }
        #expect(CandleCSVReader.decimal(Array("92233720368.54775806".utf8)) == FixedPoint(raw: .max - 1))
    }

    @Test func digitsPastTheEighthDecimalRoundHalfToEven() throws {
        let candles = try CandleCSVReader(path: try SharedData.path("data/ethbtc_5m.csv")).readAll()
        #expect(candles[1].open == Price("0.09946999")!)  // the file says 0.09946999000000001
        #expect(CandleCSVReader.decimal(Array("1.000000005".utf8)) == FixedPoint("1")!)
        #expect(CandleCSVReader.decimal(Array("1.000000015".utf8)) == FixedPoint("1.00000002")!)
        #expect(CandleCSVReader.decimal(Array("1.0000000050001".utf8)) == FixedPoint("1.00000001")!)
        #expect(CandleCSVReader.decimal(Array("92233720368.54775807".utf8)) == nil)  // FixedPoint's reserved minimum's twin
        #expect(CandleCSVReader.decimal(Array("1e-05".utf8)) == nil)
    }

    @Test func gapsAreCountedAndAnExactRepeatIsDropped() throws {
        let path = try write("""
            timestamp,open,high,low,close,volume
            60,1,2,1,2,10
            120,2,3,2,3,10
            120,2,3,2,3,10
            420,3,3,3,3,0
            480,3,4,3,4,1\r
            540,4,4,4,4,1
            """)
        let reader = try CandleCSVReader(path: path)
        #expect(try reader.readAll().map(\.time.secondsSinceEpoch) == [60, 120, 420, 480, 540])
        #expect(reader.quality.duplicatesDropped == 1)
        #expect(reader.quality.gapCount == 1 && reader.quality.missingBars == 4)
        #expect(reader.quality.gaps == [.init(after: seconds(120), resumesAt: seconds(420), missingBars: 4)])
    }

    @Test func eachBadRowIsReportedWithFileLineAndColumn() throws {
        let header = "timestamp,open,high,low,close,volume\n60,1,2,1,2,10\n"
        let cases: [(row: String, expected: String)] = [
            ("120,1,2,1,2", ":3:12: error: malformed_row: expected 6 fields, found 5"),
            ("120,1,2,1,2,3,4", ":3:15: error: malformed_row: expected 6 fields, found 7"),
            ("120,1,2x,1,2,3", ":3:7: error: invalid_number: high \"2x\" is not a decimal number in the fixed-point range"),
            ("12.5,1,2,1,2,3", ":3:1: error: invalid_number: timestamp \"12.5\" is not whole Unix seconds"),
            ("120,1,2,0,2,3", ":3:9: error: invalid_candle: low 0 is not a positive price"),
            ("120,3,2,1,2,3", ":3:7: error: invalid_candle: open 3 and close 2 must lie within low 1 and high 2"),
            ("120,1,2,1.5,2,3", ":3:9: error: invalid_candle: open 1 and close 2 must lie within low 1.5 and high 2"),
            (
                "1502946000000,1,2,1,2,3",
                ":3:1: error: invalid_number: timestamp 1502946000000 is outside Unix seconds 0 to 9200000000 (1970 to 2261); "
                    + "it looks like milliseconds, and the file must give seconds"
            ),
            ("9223372036,1,2,1,2,3", ":3:1: error: invalid_number: timestamp 9223372036 is outside Unix seconds 0 to 9200000000 (1970 to 2261)"),
            ("-1,1,2,1,2,3", ":3:1: error: invalid_number: timestamp -1 is outside Unix seconds 0 to 9200000000 (1970 to 2261)"),
            ("30,1,2,1,2,3", ":3:1: error: out_of_order: timestamp 30 is before the previous row's 60"),
            ("60,1,2,1,2,11", ":3:1: error: duplicate_timestamp: timestamp 60 repeats the row before with other values"),
        ]
        for (row, expected) in cases {
            let path = try write(header + row + "\n")
            let reader = try CandleCSVReader(path: path)
            #expect(throws: DataError.self) { try reader.readAll() }
            do {
                _ = try CandleCSVReader(path: path).readAll()
            } catch {
                #expect(error.description == path + expected)
            }
        }
    }

    @Test func aWrongHeaderOrMissingFileIsRefusedBeforeAnyRow() throws {
        let path = try write("time,open,high,low,close,volume\n60,1,2,1,2,10\n")
        #expect { try CandleCSVReader(path: path) } throws: {
            ($0 as? DataError)?.description
                == "\(path):1:1: error: bad_header: expected \"timestamp,open,high,low,close,volume\", found \"time,open,high,low,close,volume\""
        }
        #expect { try CandleCSVReader(path: path + ".missing") } throws: { ($0 as? DataError)?.code == .io }
    }

    @Test func aLineLongerThanTheBufferIsStillRead() throws {
        let padding = String(repeating: "0", count: 70_000)
        let path = try write("timestamp,open,high,low,close,volume\n60,\(padding)1,2,1,2,10\n")
        #expect(try CandleCSVReader(path: path).readAll().first?.open == Price("1")!)
    }

    @Test func aLineWithoutAnEndPastOneMebibyteIsAMalformedRow() throws {
        let path = try write("timestamp,open,high,low,close,volume\n" + String(repeating: "1", count: 1 << 21))
        #expect { try CandleCSVReader(path: path).readAll() } throws: {
            ($0 as? DataError)?.description == "\(path):2:1: error: malformed_row: a line longer than 1048576 bytes"
        }
    }

    @Test func aFIFOOrADeviceIsRefusedWithoutWaitingForAWriter() throws {
        let path = NSTemporaryDirectory() + "trader-csv-fifo-" + UUID().uuidString
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        for candidate in [path, "/dev/zero"] {
            #expect { try CandleCSVReader(path: candidate) } throws: {
                ($0 as? DataError)?.description == "\(candidate): error: io: not a regular file"
            }
        }
    }

    @Test func aLongFieldIsQuotedCutInTheMessage() throws {
        let long = String(repeating: "x", count: 500)
        let path = try write("timestamp,open,high,low,close,volume\n\(long),1,2,1,2,3\n")
        #expect { try CandleCSVReader(path: path).readAll() } throws: {
            ($0 as? DataError)?.message == "timestamp \"\(String(repeating: "x", count: 64))…\" is not whole Unix seconds"
        }
    }

    private func seconds(_ value: Int64) -> Timestamp { Timestamp(secondsSinceEpoch: value) }

    /// Writes a small hand-made CSV (generated data for the reader's mechanics) to a temporary file.
    private func write(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "trader-csv-" + UUID().uuidString + ".csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
