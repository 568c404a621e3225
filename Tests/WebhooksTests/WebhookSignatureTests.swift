import Foundation
import Testing
import Webhooks

@Suite("Standard Webhooks signatures")
struct WebhookSignatureTests {
    // The example of the Standard Webhooks reference libraries.
    let secret = try! WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
    let id = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    let timestamp: Int64 = 1_614_265_330
    let body = Array(#"{"test": 2432232314}"#.utf8)
    var now: Date { Date(timeIntervalSince1970: TimeInterval(timestamp)) }

    @Test("Signs as the reference libraries do")
    func referenceVector() {
        #expect(WebhookSignature.sign(id: id, timestamp: timestamp, body: body, secret: secret)
            == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    @Test("Accepts its own signature, also among several and with a rotated secret")
    func accepts() throws {
        let signature = WebhookSignature.sign(id: id, timestamp: timestamp, body: body, secret: secret)
        try WebhookSignature.verify(
            id: id, timestamp: String(timestamp), signature: signature, body: body, secrets: [secret],
            tolerance: .seconds(300), now: now)
        try WebhookSignature.verify(
            id: id, timestamp: String(timestamp), signature: "v1,bm90IGl0 v2,xyz " + signature, body: body,
            secrets: [WebhookSecret.generate(), secret], tolerance: .seconds(300), now: now.addingTimeInterval(-299))
    }

    @Test("Refuses a changed body, id or timestamp, and another secret")
    func refusesTampering() {
        let signature = WebhookSignature.sign(id: id, timestamp: timestamp, body: body, secret: secret)
        let cases: [(String, String, [UInt8], WebhookSecret)] = [
            (id, String(timestamp), Array(#"{"test": 2432232315}"#.utf8), secret),
            ("msg_other", String(timestamp), body, secret),
            (id, String(timestamp + 1), body, secret),
            (id, String(timestamp), body, WebhookSecret.generate()),
        ]
        for (id, stamp, body, key) in cases {
            #expect(throws: WebhookError(code: .invalidSignature, message: "no v1 signature in webhook-signature matches the body with this adapter's secret")) {
                try WebhookSignature.verify(
                    id: id, timestamp: stamp, signature: signature, body: body, secrets: [key],
                    tolerance: .seconds(300), now: now)
            }
        }
    }

    @Test("Refuses a timestamp outside the tolerance, either way (replay)")
    func replay() {
        let signature = WebhookSignature.sign(id: id, timestamp: timestamp, body: body, secret: secret)
        for offset in [-301.0, 301.0] {
            do {
                try WebhookSignature.verify(
                    id: id, timestamp: String(timestamp), signature: signature, body: body, secrets: [secret],
                    tolerance: .seconds(300), now: now.addingTimeInterval(offset))
                Issue.record("accepted a message \(offset) s off")
            } catch {
                #expect(error.code == .timestampOutOfTolerance)
            }
        }
    }

    @Test("Names the missing or malformed header")
    func missingHeaders() {
        func code(_ id: String?, _ stamp: String?, _ signature: String?) -> WebhookError.Code? {
            do {
                try WebhookSignature.verify(
                    id: id, timestamp: stamp, signature: signature, body: body, secrets: [secret],
                    tolerance: .seconds(300), now: now)
                return nil
            } catch {
                return error.code
            }
        }
        #expect(code(nil, "1", "v1,x") == .missingHeader)
        #expect(code("a", nil, "v1,x") == .missingHeader)
        #expect(code("a", "1", "") == .missingHeader)
        #expect(code("a", "yesterday", "v1,x") == .invalidTimestamp)
        #expect(code("a", String(timestamp), "v1,not base64!") == .invalidSignature)
    }

    @Test("Secrets: whsec_ and bare base64 read alike, short or malformed ones are refused, none is printed")
    func secrets() throws {
        #expect(try WebhookSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") == secret)
        #expect(throws: WebhookError.self) { try WebhookSecret("whsec_c2hvcnQ=") }
        #expect(throws: WebhookError.self) { try WebhookSecret("whsec_!!!") }
        let generated = WebhookSecret.generate()
        #expect(generated.text.hasPrefix("whsec_"))
        #expect(generated != WebhookSecret.generate())
        #expect("\(generated)" == "whsec_…")
    }
}
