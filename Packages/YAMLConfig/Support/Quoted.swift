/// A value quoted in a message, cut to a bounded length: a finding about a 4 MB value is a line,
/// not 4 MB of output.
public enum Quoted {
    /// The most characters of a value a message shows.
    public static let maxCharacters = 64

    /// `"text"`, or its first ``maxCharacters`` characters and `…"` with the full length in bytes.
    public static func text(_ text: some StringProtocol) -> String {
        guard text.count > maxCharacters else { return "\"\(text)\"" }
        return "\"\(text.prefix(maxCharacters))…\" (\(text.utf8.count) bytes)"
    }
}
