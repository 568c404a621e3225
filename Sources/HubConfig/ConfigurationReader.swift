import ReportDomain

/// Turns the YAML document into checked configuration values. Every check that can fail names
/// the line and path of the value, so an operator can fix the file without reading Swift.
struct ConfigurationReader {
    let root: ConfigValue

    func read() throws(HubConfigError) -> HubConfiguration {
        try root.checkKeys(["public_url", "municipalities", "parties", "api_keys"])
        let publicURL = try root.optional("public_url")?.nonEmptyString() ?? "http://localhost:8080"
        guard publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://") else {
            throw try root.required("public_url").error("must start with http:// or https://")
        }
        let parties = try root.optional("parties")?.list().map { value throws(HubConfigError) in try party(value) } ?? []
        try checkUnique(parties.map(\.id.rawValue), in: root.optional("parties"), what: "party id")
        let partyIDs = Set(parties.map(\.id))
        let municipalities = try root.required("municipalities").list().map { value throws(HubConfigError) in
            try municipality(value, partyIDs: partyIDs)
        }
        try checkUnique(municipalities.map(\.code.rawValue), in: root.optional("municipalities"), what: "municipality code")
        let codes = Set(municipalities.map(\.code.rawValue))
        let keys = try root.optional("api_keys")?.list().map { value throws(HubConfigError) in
            try apiKey(value, municipalities: codes, parties: Set(parties.map(\.id.rawValue)))
        } ?? []
        try checkUnique(keys.map(\.id), in: root.optional("api_keys"), what: "api key id")
        try checkUnique(keys.map(\.sha256), in: root.optional("api_keys"), what: "api key sha256")
        return HubConfiguration(
            publicURL: String(publicURL.reversed().drop(while: { $0 == "/" }).reversed()),
            municipalities: municipalities, parties: parties, apiKeys: keys)
    }

    private func checkUnique(_ values: [String], in list: ConfigValue?, what: String) throws(HubConfigError) {
        var seen = Set<String>()
        for (index, value) in values.enumerated() where !seen.insert(value).inserted {
            let item = try list?.list()[index]
            throw (item ?? root).error("\(what) \"\(value)\" appears twice")
        }
    }

    private func party(_ value: ConfigValue) throws(HubConfigError) -> PartyConfig {
        try value.checkKeys(["id", "name", "processing_agreement"])
        let idValue = try value.required("id")
        let id = try idValue.nonEmptyString()
        let name = try value.required("name").nonEmptyString()
        let party = try domain(idValue) { () throws(ReportError) in
            try Party(id: PartyID(id), displayName: name, hasProcessingAgreement: false)
        }
        return PartyConfig(
            id: party.id, name: name,
            processingAgreement: try value.optional("processing_agreement")?.bool() ?? false)
    }

    private func municipality(_ value: ConfigValue, partyIDs: Set<PartyID>) throws(HubConfigError) -> MunicipalityConfig {
        try value.checkKeys(["code", "name", "contact", "public_status", "service_levels", "notifications", "satisfaction_survey", "categories"])
        let codeValue = try value.required("code")
        let text = try codeValue.nonEmptyString()
        let code = try domain(codeValue) { () throws(ReportError) in try MunicipalityCode.validated(text) }
        let categories = try value.required("categories").list().map { item throws(HubConfigError) in
            try category(item, partyIDs: partyIDs)
        }
        guard !categories.isEmpty else { throw try value.required("categories").error("must list at least one category") }
        try checkUnique(categories.map(\.code.rawValue), in: value.optional("categories"), what: "category code")
        var levels = try value.optional("service_levels").map { levels throws(HubConfigError) in try serviceLevels(levels) } ?? ServiceLevelPolicy()
        for category in categories {
            if let level = category.serviceLevel { levels.byCategory[category.code] = level }
        }
        let policy = MunicipalityPolicy(
            municipality: code,
            publicStatus: try value.optional("public_status").map { status throws(HubConfigError) in try publicStatus(status) } ?? PublicStatusPolicy(),
            serviceLevels: levels,
            notificationsEnabled: try value.optional("notifications")?.bool() ?? true,
            satisfactionSurveyEnabled: try value.optional("satisfaction_survey")?.bool() ?? false)
        return MunicipalityConfig(
            code: code, name: try value.required("name").nonEmptyString(),
            contact: try value.optional("contact")?.nonEmptyString(), categories: categories, policy: policy)
    }

    private func category(_ value: ConfigValue, partyIDs: Set<PartyID>) throws(HubConfigError) -> CategoryConfig {
        try value.checkKeys(["code", "name", "description", "group", "keywords", "route_to", "service_level", "attributes"])
        let codeValue = try value.required("code")
        let text = try codeValue.nonEmptyString()
        let code = try domain(codeValue) { () throws(ReportError) in try CategoryCode.validated(text) }
        var routeTo: PartyID?
        if let route = value.optional("route_to") {
            let id = PartyID(try route.nonEmptyString())
            guard partyIDs.contains(id) else { throw route.error("names party \"\(id)\", which is not under parties") }
            routeTo = id
        }
        return CategoryConfig(
            code: code, name: try value.required("name").nonEmptyString(),
            description: try value.optional("description")?.string() ?? "",
            group: try value.optional("group")?.nonEmptyString(),
            keywords: try value.optional("keywords")?.strings() ?? [],
            routeTo: routeTo,
            serviceLevel: try value.optional("service_level").map { level throws(HubConfigError) in try serviceLevel(level) },
            attributes: try value.optional("attributes")?.list().map { item throws(HubConfigError) in try attribute(item) } ?? [])
    }

    private func attribute(_ value: ConfigValue) throws(HubConfigError) -> ServiceAttributeConfig {
        try value.checkKeys(["code", "description", "datatype", "required", "values"])
        let datatypeValue = try value.required("datatype")
        guard let datatype = ServiceAttributeConfig.Datatype(rawValue: try datatypeValue.nonEmptyString()) else {
            throw datatypeValue.error("must be one of \(ServiceAttributeConfig.Datatype.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let values = try value.optional("values")?.entries().map { entry throws(HubConfigError) in
            (key: entry.key, name: try entry.value.nonEmptyString())
        } ?? []
        if (datatype == .singlevaluelist || datatype == .multivaluelist) && values.isEmpty {
            throw value.error("a \(datatype.rawValue) attribute needs values (a mapping of key to name)")
        }
        return ServiceAttributeConfig(
            code: try value.required("code").nonEmptyString(),
            description: try value.required("description").nonEmptyString(),
            datatype: datatype, required: try value.optional("required")?.bool() ?? false, values: values)
    }

    private func publicStatus(_ value: ConfigValue) throws(HubConfigError) -> PublicStatusPolicy {
        try value.checkKeys([
            "requires_key", "completed_by_party_counts_as_resolved", "administrative_closure_counts_as_resolved",
            "completed_by_party_closes_open311", "labels",
        ])
        var labels = PublicStatusPolicy.dutchLabels
        for (key, label) in try value.optional("labels")?.entries() ?? [] {
            guard let kind = PublicStatusKind(rawValue: key) else {
                throw label.error("is not a public status; use \(PublicStatusKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            labels[kind] = try label.nonEmptyString()
        }
        return PublicStatusPolicy(
            labels: labels,
            completedByPartyCountsAsResolved: try value.optional("completed_by_party_counts_as_resolved")?.bool() ?? true,
            administrativeClosureCountsAsResolved: try value.optional("administrative_closure_counts_as_resolved")?.bool() ?? false,
            requiresLogin: try value.optional("requires_key")?.bool() ?? false,
            completedByPartyClosesOpen311: try value.optional("completed_by_party_closes_open311")?.bool() ?? false)
    }

    private func serviceLevels(_ value: ConfigValue) throws(HubConfigError) -> ServiceLevelPolicy {
        try value.checkKeys(["standard", "urgency"])
        var byUrgency: [Urgency: ServiceLevel] = [:]
        for (key, level) in try value.optional("urgency")?.entries() ?? [] {
            guard let urgency = Urgency(rawValue: key) else {
                throw level.error("is not an urgency; use \(Urgency.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            byUrgency[urgency] = try serviceLevel(level)
        }
        return ServiceLevelPolicy(
            standard: try value.optional("standard").map { level throws(HubConfigError) in try serviceLevel(level) },
            byUrgency: byUrgency)
    }

    private func serviceLevel(_ value: ConfigValue) throws(HubConfigError) -> ServiceLevel {
        try value.checkKeys(["acknowledge_within", "resolve_within"])
        return ServiceLevel(
            acknowledgeWithin: try value.optional("acknowledge_within").map { item throws(HubConfigError) in try duration(item) },
            resolveWithin: try value.optional("resolve_within").map { item throws(HubConfigError) in try duration(item) })
    }

    /// `90s`, `30m`, `2h`, `5d`, `1w`.
    private func duration(_ value: ConfigValue) throws(HubConfigError) -> HandlingTime {
        let text = try value.nonEmptyString()
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
        guard let unit = text.last.flatMap({ units[$0] }), let amount = Int(text.dropLast()), amount > 0 else {
            throw value.error("must be a positive whole number with a unit s, m, h, d or w, such as 2h or 5d, but was \"\(text)\"")
        }
        return HandlingTime(seconds: amount * unit)
    }

    private func apiKey(_ value: ConfigValue, municipalities: Set<String>, parties: Set<String>) throws(HubConfigError) -> APIKeyConfig {
        try value.checkKeys(["id", "role", "municipalities", "party", "sha256"])
        let roleValue = try value.required("role")
        guard let role = CallerRole(rawValue: try roleValue.nonEmptyString()) else {
            throw roleValue.error("must be one of \(CallerRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let hashValue = try value.required("sha256")
        let hash = try hashValue.nonEmptyString().lowercased()
        guard hash.count == 64, hash.allSatisfy(\.isHexDigit) else {
            throw hashValue.error("must be the 64 hex digits of the key's sha256 (`hub keys new` prints them); never put the key itself here")
        }
        let scope = try value.optional("municipalities")?.strings() ?? []
        for (index, code) in scope.enumerated() where !municipalities.contains(code) {
            throw try value.required("municipalities").list()[index].error("names municipality \"\(code)\", which is not under municipalities")
        }
        if role == .municipality && scope.isEmpty {
            throw value.error("a municipality key needs municipalities: the ones it acts for")
        }
        var party: String?
        if let partyValue = value.optional("party") {
            let id = try partyValue.nonEmptyString()
            guard parties.contains(id) else { throw partyValue.error("names party \"\(id)\", which is not under parties") }
            party = id
        }
        if role == .party && party == nil { throw value.error("a party key needs party: the party it speaks for") }
        if role != .party && party != nil { throw value.error("only a party key has a party") }
        return APIKeyConfig(id: try value.required("id").nonEmptyString(), role: role, municipalities: scope, party: party, sha256: hash)
    }

    /// Runs a domain constructor and turns its refusal into an error at `value`.
    private func domain<T>(_ value: ConfigValue, _ make: () throws(ReportError) -> T) throws(HubConfigError) -> T {
        do {
            return try make()
        } catch {
            throw value.error(error.message)
        }
    }
}
