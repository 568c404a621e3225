import Foundation

/// How one contractor's system speaks: where the hub delivers to it, how it reads a work order,
/// what it answers, and its words for its own steps. The two of the demo follow their adapter
/// files, adapters/lichtpunt.yaml and adapters/afval-twente.yaml.
public enum ContractorDialect: String, Sendable, CaseIterable {
    /// Lichtpunt, the street-lighting maintainer: numbers its work orders itself and names them in
    /// its updates.
    case lichtpunt
    /// Afval Twente, the waste collector: keeps the hub's report id as its reference.
    case afvalTwente = "afval-twente"

    /// The adapter's name, as in adapters/.
    public var adapter: String { rawValue }

    public var displayName: String {
        switch self {
        case .lichtpunt: "Lichtpunt"
        case .afvalTwente: "Afval Twente"
        }
    }

    /// The path of the adapter file's `outbound.url`.
    public var deliveryPath: String {
        switch self {
        case .lichtpunt: "/v1/werkorders"
        case .afvalTwente: "/koppelingen/meldingen"
        }
    }

    var orderPrefix: String {
        switch self {
        case .lichtpunt: "LP"
        case .afvalTwente: "AT"
        }
    }

    /// A delivered message, read: the hub's report id, whether it is a new work order, and the
    /// words to show.
    func read(_ message: [String: Any]) -> (hubID: String, isNew: Bool, words: String)? {
        switch self {
        case .lichtpunt:
            guard let id = message["melding_id"] as? String else { return nil }
            let kind = message["soort"] as? String ?? "?"
            let status = message["status"] as? String ?? ""
            return (id, kind == "werkorder.nieuw", "\(kind) \(status)")
        case .afvalTwente:
            guard let id = message["referentie"] as? String else { return nil }
            let action = message["actie"] as? String ?? "?"
            return (id, action == "OPDRACHT", "actie \(action)")
        }
    }

    /// What the system answers to a new work order: its own number.
    func answer(number: String) -> [String: Any] {
        switch self {
        case .lichtpunt: ["werkorder": ["id": number]]
        case .afvalTwente: ["ordernummer": number, "ontvangen": true]
        }
    }

    /// The system's word for a step.
    func code(_ step: ContractorStep) -> String {
        switch (self, step) {
        case (.lichtpunt, .scheduled): "GEPLAND"
        case (.lichtpunt, .started): "IN_UITVOERING"
        case (.lichtpunt, .done): "GEREED"
        case (.lichtpunt, .notOurs): "NIET_ONS"
        case (.afvalTwente, .scheduled): "INGEPLAND"
        case (.afvalTwente, .started): "ONDERWEG"
        case (.afvalTwente, .done): "AFGEROND"
        case (.afvalTwente, .notOurs): "NIET_VOOR_ONS"
        }
    }

    /// The update the system sends about a work order, in its own fields.
    func update(
        _ step: ContractorStep, order: WorkOrder, messageID: String, date: Date?, note: String?, photoURL: String?, at: Date
    ) -> [String: Any] {
        let stamp = at.formatted(.iso8601)
        var message: [String: Any]
        switch self {
        case .lichtpunt:
            message = ["mutatie_id": messageID, "werkorder": order.number, "status": code(step), "tijdstip": stamp]
            message["gepland_op"] = date.map { $0.formatted(.iso8601) }
            message["opmerking"] = note
            message["foto_url"] = photoURL
            if step == .notOurs { message["reden"] = note }
        case .afvalTwente:
            message = ["referentie": order.hubID, "stand": code(step), "tijd": stamp]
            message["datum"] = date.map { $0.formatted(.iso8601) }
            message["bericht"] = note
            message["foto"] = photoURL
        }
        return message
    }
}

/// What a contractor reports about its work.
public enum ContractorStep: String, Sendable, CaseIterable {
    case scheduled, started, done, notOurs = "not-ours"
}
