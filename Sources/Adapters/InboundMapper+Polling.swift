import Foundation

extension InboundMapper {
    /// A polled page split into its updates, each as its own JSON document (what is kept for audit
    /// and read like a webhook body), and the cursor of the next page.
    public func pageItems(from payload: Data) -> Result<(items: [Data], nextCursor: String?), InboundRejection> {
        guard let polling = adapter.polling else {
            return .failure(InboundRejection(code: .notConfigured, message: "adapter \(adapter.name) does not poll"))
        }
        guard let document = JSONValue.parse(payload) else {
            return .failure(InboundRejection(code: .notJSON, message: "the response is not JSON"))
        }
        guard case .array(let items)? = document.at(polling.itemsPointer) else {
            return .failure(InboundRejection(
                code: .missingField, message: "the response has no list of updates at \(Self.shown(polling.itemsPointer))"))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var documents: [Data] = []
        for item in items {
            guard let data = try? encoder.encode(item) else {
                return .failure(InboundRejection(code: .invalidField, message: "an update in the response cannot be read"))
            }
            documents.append(data)
        }
        let cursorSource = polling.cursorInLastItem ? items.last : document
        return .success((documents, cursorSource?.at(polling.nextCursorPointer)?.text))
    }
}
