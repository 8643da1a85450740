/// Columns of text aligned for a terminal: labels to the left, numbers to the right, two spaces
/// between columns.
struct TextTable {
    enum Alignment {
        case left, right
    }

    /// The column headers, if any.
    let headers: [String]?
    /// Each column's alignment.
    let alignments: [Alignment]
    /// The rows, in order.
    private(set) var rows: [[String]] = []

    /// A table with `headers` (or none), aligned by `alignments`, one per column.
    init(_ headers: [String]? = nil, _ alignments: [Alignment]) {
        self.headers = headers
        self.alignments = alignments
    }

    mutating func add(_ row: [String]) {
        rows.append(row)
    }

    /// The table's lines, indented by `indent`.
    func rendered(indent: String = "  ") -> String {
        let all = (headers.map { [$0] } ?? []) + rows
        var widths = Array(repeating: 0, count: alignments.count)
        for row in all {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        return all.map { row in
            let cells = row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return alignments[column] == .left ? cell + padding : padding + cell
            }
            return indent + cells.joined(separator: "  ").trimmingTrailingSpaces
        }.joined(separator: "\n")
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
