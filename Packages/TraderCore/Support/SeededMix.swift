/// The SplitMix64 finalizer over a key's word and a hash table's seed: what `Symbol` and
/// `ClientOrderID` return as their raw hash, instead of a full SipHash round. Equal words give
/// equal hashes; the seed still varies them between processes.
enum SeededMix {
    /// `word` mixed with `seed`.
    static func hash(_ word: UInt64, seed: Int) -> Int {
        var mixed = word ^ UInt64(truncatingIfNeeded: seed)
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 31))
    }
}
