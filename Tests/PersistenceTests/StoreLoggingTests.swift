import Persistence
import Testing
import TraderTestKit

/// The store reports through the logger it is given: the migrations a new file needs, and
/// nothing about migrations when an up-to-date file opens again.
@Suite struct StoreLoggingTests {
    @Test func aNewStateFileLogsItsMigrationsAndAnUpToDateOneDoesNot() throws {
        let path = try StoreFixture.statePath()
        let (logger, entries) = RecordingLogHandler.logger()
        do { _ = try StateStore(path: path, logger: logger) }
        let migrated = entries.all.filter { $0.message == "state file migrated" }
        #expect(migrated.map(\.level) == [.info])
        #expect(migrated.first?.metadata["migrations"] == "v1,v2,v3,v4,v5,v6,v7")
        let (again, reopened) = RecordingLogHandler.logger()
        _ = try StateStore(path: path, logger: again)
        #expect(reopened.all.map(\.message) == ["state file opened"])
    }
}
