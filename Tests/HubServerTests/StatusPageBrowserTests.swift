import Foundation
import HTTPTypes
import HubServer
import HummingbirdTesting
import Testing

/// The status page as a phone's browser shows it: Debian's Chromium, headless, against the hub
/// on a real socket. Chromium is installed by deploy/setup.sh; without it this test fails.
@Suite("The status page in a real browser")
struct StatusPageBrowserTests {
    @Test("Headless Chromium renders the public status, the timeline and the fix photo, and no personal data")
    func chromium() async throws {
        try await TestHub.run(.live) { _, client in
            let port = try #require(client.port)
            let created = try await client.call(.post, "/api/v1/reports", json: submissionJSON())
            let id = try #require((created.json["report"] as? [String: Any])?["id"] as? String)
            _ = try await client.call(.post, "/api/v1/reports/\(id)/schedule", key: .wasteCollector, json: #"{"date": "2030-05-01T09:00:00+02:00"}"#)
            _ = try await client.call(.post, "/api/v1/reports/\(id)/done", key: .wasteCollector, json: #"{"photo_url": "https://example.org/fixed.jpg", "note": "Nieuw scharnier geplaatst."}"#)

            let dom = try await Self.render("http://127.0.0.1:\(port)/status/\(id)")
            let text = Self.visibleText(dom)
            #expect(text.contains("Opgelost"), "\(text)")
            #expect(text.contains("Container kapot of vol"))
            #expect(text.contains("Nieuw scharnier geplaatst."))
            #expect(text.contains("Hengelosestraat 12, Enschede"))
            #expect(dom.contains("src=\"https://example.org/fixed.jpg\""))
            #expect(dom.contains("name=\"viewport\""), "readable on a phone")
            #expect(!text.contains("Johan") && !text.contains("johan@example.nl") && !text.contains("06 12345678"))
        }
    }

    /// The DOM after Chromium loaded and laid out the page (`--dump-dom`), from a thread of its own
    /// so that waiting for the browser never blocks Swift's cooperative pool.
    static func render(_ url: String) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                do {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: "/usr/bin/chromium")
                    process.arguments = [
                        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=390,844", "--virtual-time-budget=3000", "--dump-dom", url,
                    ]
                    let output = Pipe()
                    process.standardOutput = output
                    process.standardError = FileHandle.nullDevice
                    try process.run()
                    let data = output.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    continuation.resume(returning: String(decoding: data, as: UTF8.self))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// The text a reader sees: the body without tags, styles or scripts, whitespace collapsed.
    static func visibleText(_ dom: String) -> String {
        var body = dom
        if let start = dom.range(of: "<body") { body = String(dom[start.lowerBound...]) }
        for block in ["style", "script", "head"] {
            while let open = body.range(of: "<\(block)"), let close = body.range(of: "</\(block)>", range: open.upperBound..<body.endIndex) {
                body.removeSubrange(open.lowerBound..<close.upperBound)
            }
        }
        var text = ""
        var inTag = false
        for character in body {
            if character == "<" { inTag = true; text.append(" ") } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
    }
}
