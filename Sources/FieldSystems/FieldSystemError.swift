/// The hub refused what a simulated system sent: the status and the hub's problem text, so a test
/// or the demo shows why.
public struct FieldSystemError: Error, CustomStringConvertible, Sendable {
    public var system: String
    public var status: Int
    public var detail: String

    public var description: String { "\(system): the hub answered \(status): \(detail)" }

    static func check(_ answer: HubLink.Answer, system: String) throws -> HubLink.Answer {
        guard (200..<300).contains(answer.status) else {
            throw FieldSystemError(system: system, status: answer.status, detail: answer.text)
        }
        return answer
    }
}
