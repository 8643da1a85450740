import Foundation
import Persistence
import Testing
import TraderCore
import TraderTestKit

/// A writer subprocess is SIGKILLed at random moments, 50 times (`TRADER_CRASH_KILLS` sets more, and
/// `TRADER_CRASH_SEED` another seed: `scripts/crash-soak`), on one state file. After every kill the
/// store must open clean (lock recovered, integrity check passing), hold every commit the
/// writer reported, show no half-written cycle, and never hold an order twice.
@Suite(.serialized) struct CrashRecoveryTests {
    typealias F = StoreFixture

    struct Run {
        let intents: Set<Int>
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
        var intents = Set<Int>()
        var cycles = Set<Int>()
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let number = Int(parts[1]) else { continue }  // a line cut by the kill
            if parts[0] == "intent" { intents.insert(number) } else if parts[0] == "cycle" { cycles.insert(number) }
        }
        return Run(intents: intents, cycles: cycles)
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
            // Every reported commit is there (intents of earlier runs were checked after their run;
            // the order table only grows, as the unique key and consecutive cycles below show).
            #expect(reportedCycles.isSubset(of: settled))
            for number in run.intents {
                #expect(try store.order(ClientOrderID("order-\(number)")) != nil, "intent \(number) was reported but is missing")
            }
            // Nothing half-written: a settled cycle has its fill, its order is filled; an order in
            // flight has no audit record and no fill. At most one order is in flight (the writer
            // was killed between its intent and its outcome).
            #expect(fills.count == settled.count)
            #expect(Set(fills.map(\.fill.tradeID.rawValue)) == Set(settled.map { "trade-\($0)" }))
            #expect(orders.count <= 1)
            for id in orders { #expect(!settled.contains(Int(id.dropFirst("order-".count))!)) }
            // Cycles are consecutive: none skipped, none twice.
            #expect(audit.count == settled.count)
            if let highest = settled.max() { #expect(settled == Set(1...highest)) }
            nextCycle = (settled.max() ?? 0) + 1 + orders.count
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
