/// A secret named in an adapter file, and its value as found when the file was read.
///
/// Files name where a secret lives (an environment variable or a file), so the files can be
/// committed; a missing variable or file stops the hub at startup rather than failing the first
/// delivery. Printing a reference never prints the value.
public struct SecretReference: Sendable, Hashable, CustomStringConvertible {
    /// Where the value comes from.
    public enum Source: Sendable, Hashable {
        /// `…_env: NAME`: an environment variable.
        case environment(String)
        /// `…_file: path`: a file (absolute path), its content without surrounding white space.
        case file(String)
        /// The value written in the adapter file itself; `hub adapters check` warns about it.
        case literal
    }

    public var source: Source
    /// The secret itself.
    public var value: String

    public init(source: Source, value: String) {
        self.source = source
        self.value = value
    }

    public var description: String {
        switch source {
        case .environment(let name): "environment variable \(name)"
        case .file(let path): "file \(path)"
        case .literal: "a value written in the adapter file"
        }
    }
}
