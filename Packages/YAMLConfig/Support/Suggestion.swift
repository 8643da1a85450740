/// "Did you mean" suggestions: the closest candidate by edit distance, when it is close enough to
/// be a plausible typo.
public enum Suggestion {
    /// The longest text compared with the candidates, in bytes.
    static let maxLength = 64

    /// The candidate nearest to `text`, when its edit distance (case-insensitive) is at most a third
    /// of the text's length (and at least 1); `nil` otherwise.
    public static func closest(to text: String, among candidates: some Sequence<String>) -> String? {
        // Names are short: a long text is no typo of one, and its edit distance would cost its length times theirs.
        guard text.utf8.count <= maxLength else { return nil }
        let target = Array(text.lowercased().utf8)
        let allowed = max(1, target.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased().utf8))
            if distance <= allowed, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and transpositions
    /// of neighbours (`LIEV` → `LIVE`) each cost one.
    static func editDistance(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
        guard !lhs.isEmpty else { return rhs.count }
        guard !rhs.isEmpty else { return lhs.count }
        var beforePrevious = [Int](repeating: 0, count: rhs.count + 1)
        var previous = Array(0...rhs.count)
        var current = [Int](repeating: 0, count: rhs.count + 1)
        for i in 1...lhs.count {
            current[0] = i
            for j in 1...rhs.count {
                let substitution = previous[j - 1] + (lhs[i - 1] == rhs[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[rhs.count]
    }
}
