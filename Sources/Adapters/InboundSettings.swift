/// How the hub reads the system's webhooks: verified how, and where in the JSON body each field is.
public struct InboundSettings: Sendable {
    /// The Standard Webhooks secret the system signs with.
    public var secret: SecretReference
    /// How far `webhook-timestamp` may be from now (replay window), default 5 minutes.
    public var tolerance: Duration
    /// A JSON pointer to the system's own id of the update; `nil` means the `webhook-id` header.
    public var messageIDPointer: String?
    /// Where the report is named, and how.
    public var reportPointer: ReportReferencePointer
    /// Where their status code is.
    public var statusPointer: String
    public var notePointer: String?
    /// A photo of the fix (http(s) address).
    public var photoPointer: String?
    /// The planned date, for `schedule`.
    public var expectedDatePointer: String?
    /// When the status changed at their end.
    public var updatedAtPointer: String?
    /// Why, for `reject` and `reopen`.
    public var reasonPointer: String?
    /// Their category code, for `categorise`.
    public var categoryPointer: String?
    /// The party's id in the hub configuration, for `forward`.
    public var partyPointer: String?

    public init(
        secret: SecretReference, tolerance: Duration = .seconds(300), messageIDPointer: String? = nil,
        reportPointer: ReportReferencePointer, statusPointer: String, notePointer: String? = nil,
        photoPointer: String? = nil, expectedDatePointer: String? = nil, updatedAtPointer: String? = nil,
        reasonPointer: String? = nil, categoryPointer: String? = nil, partyPointer: String? = nil
    ) {
        self.categoryPointer = categoryPointer
        self.partyPointer = partyPointer
        self.secret = secret
        self.tolerance = tolerance
        self.messageIDPointer = messageIDPointer
        self.reportPointer = reportPointer
        self.statusPointer = statusPointer
        self.notePointer = notePointer
        self.photoPointer = photoPointer
        self.expectedDatePointer = expectedDatePointer
        self.updatedAtPointer = updatedAtPointer
        self.reasonPointer = reasonPointer
    }
}
