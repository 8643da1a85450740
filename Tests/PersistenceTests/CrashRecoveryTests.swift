import Foundation
import Persistence
import Testing
import TraderCore
import TraderTestKit

/// A writer subprocess is SIGKILLed at random moments, 50 times (`TRADER_CRASH_KILLS` sets more, and
/// `TRADER_CRASH_SEED` another seed: `scripts/crash-soak`), on one state file. After every kill the
/// store must open clean (lock recovered, integrity check passing), hold every commit the
/// writer reported, show no half-written cycle (its intent, audit record, fills and engine snapshot
/// all there or none), and never hold an order twice.
@Suite(.serialized) struct CrashRecoveryTests {
    typealias F = StoreFixture

    struct Run {
        let cycles: Set<Int>
    }

    /// Starts the writer, lets it run `milliseconds`, kills it, and returns what it reported.
    static func runAndKill(path: String, firstCycle: Int, milliseconds: Int) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: F.executable("persistence-crash-writer"))
        process.arguments = [path, String(firstCycle)]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The random delay starts at the writer's first report (its first commit), not at the
        // spawn: on a loaded machine starting the process alone can take longer than the delay.
        var data = Data()
        while !data.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }  // the writer exited before reporting: its output says why below
            data.append(chunk)
        }
        usleep(UInt32(milliseconds * 1000))
        kill(process.processIdentifier, SIGKILL)
        data.append(output.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        var cycles = Set<Int>()
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, parts[0] == "cycle", let number = Int(parts[1]) else { continue }  // a line cut by the kill
            cycles.insert(number)
        }
        return Run(cycles: cycles)
    }

    @Test func killingTheWriterAtRandomMomentsLosesNothingItReported() throws {
        let environment = ProcessInfo.processInfo.environment
        let kills = environment["TRADER_CRASH_KILLS"].flatMap(Int.init) ?? 50
        let seed = environment["TRADER_CRASH_SEED"].flatMap(UInt64.init) ?? 2026
        let path = try F.statePath()
        var random = SeededGenerator(seed: seed)
        var reportedCycles = Set<Int>()
        var nextCycle = 1
        for _ in 0..<kills {
            let run = try Self.runAndKill(path: path, firstCycle: nextCycle, milliseconds: Int.random(in: 15...120, using: &random))
            reportedCycles.formUnion(run.cycles)

            let store = try StateStore(path: path)  // opens clean: lock recovered, integrity check passed
            let end = Timestamp(secondsSinceEpoch: 1_794_841_200 + 10_000_000)
            let orders = try Set(store.unsettledOrders().map(\.intent.clientOrderID.rawValue))
            let audit = try store.auditRecords(from: F.start, to: end)
            let fills = try store.fills(since: F.start)
            let settled = Set(audit.map { Int($0.cycleID.dropFirst("cycle-".count))! })
            // Every reported commit is there, and cycles are consecutive: none skipped, none twice.
            #expect(reportedCycles.isSubset(of: settled))
            #expect(audit.count == settled.count)
            guard let highest = settled.max() else { continue }
            #expect(settled == Set(1...highest))
            // Nothing half-written: each cycle's intent is stored, the latest snapshot is the latest
            // cycle's, the orders of all earlier cycles are settled with their fills, and the latest
            // cycle's order alone is in flight (sent, its fill not yet booked).
            for number in settled {
                #expect(try store.order(ClientOrderID("order-\(number)")) != nil, "cycle \(number) is stored without its intent")
            }
            #expect(try store.latestEngineSnapshot()?.cycle == highest)
            #expect(Set(fills.map(\.fill.tradeID.rawValue)) == Set((1..<highest).map { "trade-\($0)" }))
            #expect(orders == ["order-\(highest)"])
            nextCycle = highest + 1
        }
        #expect(reportedCycles.count > kills, "the writer must commit between kills for the test to mean anything")
    }

    @Test func aSecondWriterExitsWithCode2NamingTheHolder() throws {
        let path = try F.statePath()
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: F.executable("persistence-crash-writer"))
        holder.arguments = [path, "1"]
        let holderOutput = Pipe()
        holder.standardOutput = holderOutput
        try holder.run()
        _ = holderOutput.fileHandleForReading.availableData  // its first commit: the lock is held
        defer {
            kill(holder.processIdentifier, SIGKILL)
            holder.waitUntilExit()
        }

        let second = Process()
        second.executableURL = holder.executableURL
        second.arguments = [path, "1000000"]
        let errors = Pipe()
        second.standardError = errors
        second.standardOutput = FileHandle.nullDevice
        try second.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        second.waitUntilExit()
        #expect(second.terminationStatus == 2)
        #expect(message.contains("locked: state file \(path) is in use by process \(holder.processIdentifier)"))

        do {
            _ = try StateStore(path: path)
            Issue.record("opened while another process holds the lock")
        } catch {
            #expect(error.code == .locked)
        }
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        #expect(try StateStore(path: path).unsettledOrders().count <= 1)  // the killed holder's lock is recovered
    }
}
