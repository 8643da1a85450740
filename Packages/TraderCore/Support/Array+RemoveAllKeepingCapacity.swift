extension Array {
    /// Removes every element and keeps the storage: for the buffers a cycle refills in place.
    ///
    /// `removeAll(keepingCapacity: true)` goes through the generic `replaceSubrange`, several
    /// hundred instructions even for one element; removing from the end costs a few per element.
    @inlinable package mutating func removeAllKeepingCapacity() {
        while !isEmpty { removeLast() }
    }
}
