import Foundation
import HubConfig
import Mustache
import ReportDomain

/// The `outbound:` part: where events go, which ones, and in what shape.
extension AdapterFileReader {
    static let outboundKeys: Set<String> = Set([
        "url", "urls", "format", "template", "filter", "authentication", "tls", "proxy", "timeout", "connect_timeout", "retry",
        "max_in_flight", "circuit_breaker", "response",
    ]).union(secretKeys("secret"))

    func outbound(_ value: ConfigValue, scope: Set<MunicipalityCode>?, party: PartyID?) throws(AdapterFileIssue) -> OutboundSettings {
        try requireKeys(value, Self.outboundKeys)
        let url = try webAddress(try value.requiredChild("url"))
        let filter = try self.filter(value.child("filter"), parent: value, scope: scope, party: party)
        let format = try self.format(value, filter: filter)
        let authentication = try self.authentication(value)
        if authentication.requestField != nil {
            // The key travels in the body, and only a form body has a place for it.
            guard case .template(let template) = format, template.isForm else {
                throw (value.child("authentication") ?? value).issue(
                    "api_key puts the key into a form body: it needs format: template with content_type application/x-www-form-urlencoded")
            }
        }
        var settings = OutboundSettings(
            url: url, format: format, filter: filter, secret: try webhookSecret(in: value),
            authentication: authentication, tls: try tls(value),
            proxy: try value.child("proxy").map { child throws(AdapterFileIssue) in try proxyAddress(child) })
        if let urls = value.child("urls") {
            let wanted = filter.eventTypes ?? Self.eventTypes
            for (eventType, child) in try urls.pairs() {
                guard wanted.contains(eventType) else {
                    throw child.issue("is not an event type this adapter receives; use one of \(wanted.sorted().joined(separator: ", "))")
                }
                settings.urls[eventType] = try webAddress(child)
            }
        }
        if let timeout = value.child("timeout") { settings.timeout = try timeout.duration() }
        if let timeout = value.child("connect_timeout") { settings.connectTimeout = try timeout.duration() }
        if let retry = value.child("retry") {
            let items = try retry.items()
            guard !items.isEmpty else { throw retry.issue("must list at least one wait, such as [5s, 5m, 30m]") }
            var schedule: [Duration] = []
            for item in items { schedule.append(try item.duration()) }
            settings.retrySchedule = schedule
        }
        if let limit = value.child("max_in_flight") { settings.maxInFlight = try limit.count(in: 1...1000) }
        if let breaker = value.child("circuit_breaker") {
            try requireKeys(breaker, ["failures", "pause"])
            if let failures = breaker.child("failures") { settings.circuitBreaker.failures = try failures.count(in: 1...1000) }
            if let pause = breaker.child("pause") { settings.circuitBreaker.pause = try pause.duration() }
        }
        if let response = value.child("response") {
            try requireKeys(response, ["external_id"])
            settings.externalIDPointer = try response.child("external_id").map { child throws(AdapterFileIssue) in try child.jsonPointer() }
        }
        return settings
    }

    private func filter(_ value: ConfigValue?, parent: ConfigValue, scope: Set<MunicipalityCode>?, party: PartyID?) throws(AdapterFileIssue) -> EventFilter {
        var filter = EventFilter(onlyAssignedToParty: party != nil, municipalities: scope ?? [])
        guard let value else { return filter }
        try requireKeys(value, ["event_types", "categories", "only_assigned_to_party", "public_only", "own_changes"])
        if let types = value.child("event_types") {
            var names: Set<String> = []
            for item in try types.items() {
                let name = try item.text()
                guard Self.eventTypes.contains(name) else {
                    throw item.issue("is not an event type; use one of \(Self.eventTypes.sorted().joined(separator: ", "))")
                }
                names.insert(name)
            }
            guard !names.isEmpty else { throw types.issue("must list at least one event type, or be left out for all") }
            filter.eventTypes = names
        }
        if let categories = value.child("categories") {
            var patterns: [String] = []
            for item in try categories.items() {
                let pattern = try item.text()
                try checkCategoryPattern(pattern, at: item, scope: scope)
                patterns.append(pattern)
            }
            guard !patterns.isEmpty else { throw categories.issue("must list at least one category, or be left out for all") }
            filter.categories = patterns
        }
        if let only = value.child("only_assigned_to_party") {
            let on = try only.flag()
            if let party, !on {
                throw only.issue("cannot be false for party \(party)'s system: a party only ever receives the reports forwarded to it (rule 4)")
            }
            if party == nil, on {
                throw only.issue("needs party: the adapter names no party whose reports it would receive")
            }
            filter.onlyAssignedToParty = on
        }
        if let publicOnly = value.child("public_only") { filter.publicOnly = try publicOnly.flag() }
        if let ownChanges = value.child("own_changes") { filter.ownChanges = try ownChanges.flag() }
        return filter
    }

    /// `afval.*` must match a category of the adapter's municipalities; a plain code must be one.
    func checkCategoryPattern(_ pattern: String, at value: ConfigValue, scope: Set<MunicipalityCode>?) throws(AdapterFileIssue) {
        guard let scope else { return }
        let known = knownCategories(scope)
        if pattern.hasSuffix(".*") {
            guard known.contains(where: { EventFilter.category(CategoryCode($0), matches: pattern) }) else {
                throw value.issue("matches no category of \(scope.map(\.rawValue).sorted().joined(separator: ", ")) (known: \(known.sorted().joined(separator: ", ")))")
            }
        } else if !known.contains(pattern) {
            throw value.issue("is not a category of \(scope.map(\.rawValue).sorted().joined(separator: ", ")) (known: \(known.sorted().joined(separator: ", "))); use a code, or a prefix such as afval.*")
        }
    }

    func knownCategories(_ scope: Set<MunicipalityCode>) -> Set<String> {
        Set(scope.compactMap { configuration.municipality($0) }.flatMap(\.categories).map(\.code.rawValue))
    }

    private func format(_ value: ConfigValue, filter: EventFilter) throws(AdapterFileIssue) -> OutboundFormat {
        let formatValue = value.child("format")
        let name = try formatValue?.text() ?? "cloudevents"
        switch name {
        case "cloudevents":
            if let template = value.child("template") {
                throw template.issue("is only used with format: template")
            }
            return .cloudEvents
        case "template":
            guard let template = value.child("template") else {
                throw (formatValue ?? value).issue("format: template needs a template section (content_type and events)")
            }
            return .template(try self.template(template, filter: filter))
        default:
            throw (formatValue ?? value).issue("must be cloudevents or template, but was \"\(name)\"")
        }
    }

    private func template(_ value: ConfigValue, filter: EventFilter) throws(AdapterFileIssue) -> OutboundTemplate {
        try requireKeys(value, ["content_type", "events"])
        let contentType = try value.requiredChild("content_type").text()
        let eventsValue = try value.requiredChild("events")
        var outbound = OutboundTemplate(contentType: contentType, templates: [:])
        for (key, child) in try eventsValue.pairs() {
            guard key == "default" || Self.eventTypes.contains(key) else {
                throw child.issue("is neither an event type nor default; event types: \(Self.eventTypes.sorted().joined(separator: ", "))")
            }
            let text = try child.reading { value throws(HubConfigError) in try value.string() }
            outbound.templates[key] = try compile(text, at: child, pragma: outbound.escapingPragma)
        }
        guard !outbound.templates.isEmpty else { throw eventsValue.issue("must give at least one template (per event type, or default)") }
        let wanted = filter.eventTypes ?? Self.eventTypes
        let missing = wanted.filter { outbound.entry(for: $0) == nil }.sorted()
        if !missing.isEmpty {
            throw eventsValue.issue("has no template for \(missing.joined(separator: ", ")) and no default; add them, or list only templated types under filter.event_types")
        }
        return outbound
    }

    private func compile(_ text: String, at value: ConfigValue, pragma: String) throws(AdapterFileIssue) -> OutboundTemplate.Entry {
        OutboundRenderer.registerContentTypes()
        do {
            // The pragma sits on the template's first line, so the parser's line numbers stay the file's.
            let template = try MustacheTemplate(string: pragma + text)
            return OutboundTemplate.Entry(template: template, line: value.line, path: value.path)
        } catch let error as MustacheTemplate.ParserError {
            // A block scalar's text starts on the line after its `|`.
            let line = value.line.map { $0 + error.context.lineNumber }
            throw AdapterFileIssue(
                file: file, line: line, path: value.path,
                message: "the template does not parse (\(error.error)) at column \(error.context.columnNumber): \(error.context.line.trimmingCharacters(in: .whitespaces))")
        } catch {
            throw value.issue("the template does not parse: \(error)")
        }
    }
}
