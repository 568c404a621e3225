/// The answer to `POST /servicerequestupdates`, listed as `service_request_updates/request_update`.
///
/// Answer a re-posted `update_id` with the same document: the update is stored once.
public struct Open311UpdateCreated: Open311ListItem, Hashable {
    public static var open311ListName: String { "service_request_updates" }
    public static var open311ItemName: String { "request_update" }

    /// The id the update is stored under.
    public var updateID: String
    /// The poster's account id, when there is one; left out otherwise.
    public var accountID: String?

    public init(updateID: String, accountID: String? = nil) {
        self.updateID = updateID
        self.accountID = accountID
    }

    public var open311Value: Open311Value {
        var fields: [Open311Field] = [Open311Field("update_id", .text(updateID))]
        fields.append("account_id", ifPresent: accountID.map(Open311Value.text))
        return .record(fields)
    }
}
