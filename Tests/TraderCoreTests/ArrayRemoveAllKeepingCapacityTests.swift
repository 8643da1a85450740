import Testing
import TraderCore

@Suite struct ArrayRemoveAllKeepingCapacityTests {
    @Test func removesEveryElementAndKeepsTheStorage() {
        var values = ["a", "b", "c"]
        values.reserveCapacity(16)
        let capacity = values.capacity
        values.removeAllKeepingCapacity()
        #expect(values.isEmpty)
        #expect(values.capacity == capacity)
        values.append("d")
        #expect(values == ["d"])
    }

    @Test func anEmptyArrayStaysEmpty() {
        var values: [Int] = []
        values.removeAllKeepingCapacity()
        #expect(values.isEmpty)
    }
}
