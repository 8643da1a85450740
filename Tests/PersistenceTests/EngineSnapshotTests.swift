import Persistence
import Testing
import TraderCore

/// The engine's saved state: the latest snapshots kept, opaque bytes returned as written.
@Suite struct EngineSnapshotTests {
    private func snapshot(_ cycle: Int) -> EngineSnapshot {
        EngineSnapshot(
            cycle: cycle, time: StoreFixture.start.advanced(bySeconds: Int64(cycle) * 60), format: 1, payload: Array("state \(cycle)".utf8))
    }

    @Test func theLatestSnapshotComesBackAsWrittenAndOnlyTheLastThreeAreKept() throws {
        let store = try StateStore(path: try StoreFixture.statePath())
        #expect(try store.latestEngineSnapshot() == nil)
        for cycle in 1...5 { try store.saveEngineSnapshot(snapshot(cycle)) }
        #expect(try store.latestEngineSnapshot() == snapshot(5))
        #expect(try store.engineSnapshotCycles() == [3, 4, 5])
    }

    @Test func aSnapshotSurvivesReopeningTheFile() throws {
        let path = try StoreFixture.statePath()
        do {
            let store = try StateStore(path: path)
            try store.saveEngineSnapshot(snapshot(7))
        }
        #expect(try StateStore(path: path).latestEngineSnapshot() == snapshot(7))
    }

    @Test func savingACycleTwiceIsRefusedAndKeepsTheFirst() throws {
        let store = try StateStore(path: try StoreFixture.statePath())
        try store.saveEngineSnapshot(snapshot(1))
        #expect(throws: StoreError.self) {
            try store.saveEngineSnapshot(EngineSnapshot(cycle: 1, time: StoreFixture.start, format: 1, payload: [0]))
        }
        #expect(try store.latestEngineSnapshot() == snapshot(1))
    }

    @Test func aReconciliationAmendsTheSnapshotOfTheCycleItFollows() throws {
        let store = try StateStore(path: try StoreFixture.statePath())
        try store.saveEngineSnapshot(snapshot(4))
        let amended = EngineSnapshot(cycle: 4, time: StoreFixture.start.advanced(bySeconds: 600), format: 1, payload: Array("reconciled".utf8))
        try store.commitCycle(CycleRecord(audit: StoreFixture.audit("reconcile-1"), engineSnapshot: amended, amendsEngineSnapshot: true))
        #expect(try store.latestEngineSnapshot() == amended)
        #expect(try store.engineSnapshotCycles() == [4])
    }

    @Test func aReadOnlyStoreReadsBesideItsOwnerWithoutTheLockAndWritesNothing() throws {
        let path = try StoreFixture.statePath()
        let owner = try StateStore(path: path)
        try owner.saveEngineSnapshot(snapshot(2))
        let reader = try StateStore(readingOnly: path)
        #expect(try reader.latestEngineSnapshot() == snapshot(2))
        try owner.saveEngineSnapshot(snapshot(3))
        #expect(try reader.latestEngineSnapshot() == snapshot(3))
        #expect(throws: StoreError.self) { try reader.saveEngineSnapshot(snapshot(4)) }
        #expect(try owner.engineSnapshotCycles() == [2, 3])
    }

    @Test func aReadOnlyStoreOfAMissingFileIsAnError() throws {
        let error = #expect(throws: StoreError.self) { _ = try StateStore(readingOnly: try StoreFixture.statePath()) }
        #expect(error?.code == .io)
    }
}
