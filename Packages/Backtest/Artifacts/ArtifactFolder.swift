#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder a run's artifacts go to, written so that a reader never mixes two runs.
///
/// A run writes into `.partial/` inside the folder (created with its parents when missing). When
/// it completes, the previous run's `metrics.json` is removed first, every other artifact is
/// renamed into place, and `metrics.json` comes last: its presence marks a complete set from one
/// run. A run that is interrupted leaves the previous run's files as they were, beside a
/// `.partial/` that the next run replaces.
struct ArtifactFolder {
    /// The folder the reader sees.
    let path: String
    /// Where this run writes.
    let staging: String
    /// The file whose presence marks a complete set; renamed into place last.
    static let completionMarker = "metrics.json"

    /// Creates the folder and its parents when missing, and an empty staging folder.
    ///
    /// - Throws: ``ArtifactError`` when `path` (or a parent) is not a folder or cannot be created.
    init(path: String) throws(ArtifactError) {
        self.path = path
        self.staging = path + "/.partial"
        try Self.makeFolders(path)
        try Self.removeFlatFolder(staging)
        guard mkdir(staging, 0o755) == 0 else { throw ArtifactError(path: staging, message: String(cString: strerror(errno))) }
    }

    /// The path of `name` while the run writes it.
    func stagingPath(_ name: String) -> String { staging + "/" + name }

    /// Moves the files named into place, the completion marker last, and removes the staging folder.
    func publish(_ names: [String]) throws(ArtifactError) {
        let marker = path + "/" + Self.completionMarker
        guard unlink(marker) == 0 || errno == ENOENT else { throw ArtifactError(path: marker, message: String(cString: strerror(errno))) }
        for name in names where name != Self.completionMarker { try move(name) }
        if names.contains(Self.completionMarker) { try move(Self.completionMarker) }
        try Self.removeFlatFolder(staging)
    }

    private func move(_ name: String) throws(ArtifactError) {
        guard rename(stagingPath(name), path + "/" + name) == 0 else {
            throw ArtifactError(path: path + "/" + name, message: String(cString: strerror(errno)))
        }
    }

    /// `mkdir -p`: refuses a path (or parent) that exists and is not a folder.
    private static func makeFolders(_ path: String) throws(ArtifactError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            var info = stat()
            if stat(prefix, &info) == 0 {
                guard info.st_mode & S_IFMT == S_IFDIR else { throw ArtifactError(path: prefix, message: "not a folder") }
            } else if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw ArtifactError(path: prefix, message: String(cString: strerror(errno)))
            }
            prefix += "/"
        }
    }

    /// Removes a folder of plain files (an earlier interrupted run's staging folder), if present.
    private static func removeFlatFolder(_ path: String) throws(ArtifactError) {
        guard let directory = opendir(path) else {
            guard errno == ENOENT else { throw ArtifactError(path: path, message: String(cString: strerror(errno))) }
            return
        }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != ".." else { continue }
            guard unlink(path + "/" + name) == 0 else { throw ArtifactError(path: path + "/" + name, message: String(cString: strerror(errno))) }
        }
        guard rmdir(path) == 0 else { throw ArtifactError(path: path, message: String(cString: strerror(errno))) }
    }
}
