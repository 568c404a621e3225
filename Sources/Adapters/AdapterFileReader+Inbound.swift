import HubConfig

/// The `inbound:` and `polling:` parts: how the system's updates are verified and read.
extension AdapterFileReader {
    static let inboundKeys: Set<String> = Set([
        "tolerance", "message_id", "report", "status", "note", "photo", "expected_date", "updated_at", "reason",
        "category", "party",
    ]).union(secretKeys("secret"))

    func inbound(_ value: ConfigValue, root: ConfigValue) throws(AdapterFileIssue) -> InboundSettings {
        try requireKeys(value, Self.inboundKeys)
        let reportValue = try value.requiredChild("report")
        try requireKeys(reportValue, ["hub_id", "external_id"])
        let report: ReportReferencePointer
        switch (reportValue.child("hub_id"), reportValue.child("external_id")) {
        case (let hub?, nil):
            report = .hubID(try hub.jsonPointer())
        case (nil, let external?):
            report = .externalID(try external.jsonPointer())
            if root.child("outbound")?.child("response")?.child("external_id") == nil {
                warn(external, "finds reports by the id this system gave them, but outbound.response.external_id is not set, so the hub links no such ids")
            }
        default:
            throw reportValue.issue("needs exactly one of hub_id (a pointer to the hub's report id) or external_id (a pointer to the system's own id)")
        }
        func pointer(_ key: String) throws(AdapterFileIssue) -> String? {
            try value.child(key).map { child throws(AdapterFileIssue) in try child.jsonPointer() }
        }
        return InboundSettings(
            secret: try webhookSecret(in: value),
            tolerance: try value.child("tolerance").map { child throws(AdapterFileIssue) in try child.duration() } ?? .seconds(300),
            messageIDPointer: try pointer("message_id"),
            reportPointer: report,
            statusPointer: try value.requiredChild("status").jsonPointer(),
            notePointer: try pointer("note"),
            photoPointer: try pointer("photo"),
            expectedDatePointer: try pointer("expected_date"),
            updatedAtPointer: try pointer("updated_at"),
            reasonPointer: try pointer("reason"),
            categoryPointer: try pointer("category"),
            partyPointer: try pointer("party"))
    }

    func polling(_ value: ConfigValue) throws(AdapterFileIssue) -> PollingSettings {
        try requireKeys(value, [
            "url", "interval", "cursor_parameter", "next_cursor", "next_cursor_in_last_item", "items", "authentication", "tls", "proxy",
            "timeout",
        ])
        let cursor: (pointer: String, inLastItem: Bool)
        switch (value.child("next_cursor"), value.child("next_cursor_in_last_item")) {
        case (let inResponse?, nil): cursor = (try inResponse.jsonPointer(), false)
        case (nil, let inItem?): cursor = (try inItem.jsonPointer(), true)
        default:
            throw value.issue(
                "needs exactly one of next_cursor (a pointer into the response) or next_cursor_in_last_item (a pointer into its last update, e.g. /updated_datetime)")
        }
        let name = try parameterName(try value.requiredChild("cursor_parameter"))
        var settings = PollingSettings(
            url: try webAddress(try value.requiredChild("url")),
            interval: try value.requiredChild("interval").duration(),
            cursorParameter: name,
            nextCursorPointer: cursor.pointer,
            // Without items the answer is itself the list (Open311's servicerequestupdates).
            itemsPointer: try value.child("items").map { child throws(AdapterFileIssue) in try child.jsonPointer() } ?? "",
            authentication: try authentication(value), tls: try tls(value),
            proxy: try value.child("proxy").map { child throws(AdapterFileIssue) in try proxyAddress(child) },
            cursorInLastItem: cursor.inLastItem)
        if let timeout = value.child("timeout") { settings.timeout = try timeout.duration() }
        return settings
    }
}
