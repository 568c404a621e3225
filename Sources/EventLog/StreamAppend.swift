/// One stream's part of a multi-stream batch append.
public struct StreamAppend: Sendable, Hashable {
    public var stream: String
    public var municipality: String
    public var expected: ExpectedVersion
    public var events: [NewEvent]

    public init(stream: String, municipality: String, expected: ExpectedVersion, events: [NewEvent]) {
        self.stream = stream
        self.municipality = municipality
        self.expected = expected
        self.events = events
    }
}
