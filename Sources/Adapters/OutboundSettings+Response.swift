import Foundation

extension OutboundSettings {
    /// The receiver's own id for the report in its answer to a delivery (`response.external_id`),
    /// as text; nil when the file names no pointer, the answer is not JSON or has nothing there.
    public func externalID(inResponse body: Data) -> String? {
        guard let pointer = externalIDPointer, let document = JSONValue.parse(body), let text = document.at(pointer)?.text,
              !text.isEmpty
        else { return nil }
        return text
    }
}
