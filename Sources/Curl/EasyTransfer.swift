internal import CCurl
internal import CCurlShim

/// The owner of one libcurl easy handle and of everything libcurl reads or fills through it
/// while the transfer runs: the header list, the error buffer and the response collected so far.
///
/// Not Sendable: it is made, run and released on the transfer thread, which is also the only
/// thread libcurl calls its callbacks on.
final class EasyTransfer {
    let handle: UnsafeMutableRawPointer
    /// libcurl writes its detailed failure text here (CURLOPT_ERRORBUFFER).
    let errorBuffer: UnsafeMutablePointer<CChar>
    /// libcurl keeps a pointer to the list, not a copy: it must outlive the transfer.
    var headerList: UnsafeMutablePointer<curl_slist>?
    var maxResponseBytes = 0
    var secrets: [String] = []
    private(set) var responseHeaders: [OutboundHeader] = []
    private(set) var responseBody: [UInt8] = []
    private(set) var exceededResponseLimit = false

    init?() {
        guard CurlLibrary.isInitialized, let handle = curl_easy_init() else { return nil }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// The response, or why there is none, once libcurl has reported the transfer done.
    func outcome(_ result: CURLcode) -> Result<OutboundResponse, OutboundError> {
        guard result == CURLE_OK else {
            // The buffer holds libcurl's first complaint of the transfer, which is not always
            // about the failure itself: the code's own text comes first.
            let detail = String(cString: errorBuffer)
            let kind = OutboundError.Kind(result, message: detail, exceededResponseLimit: exceededResponseLimit)
            var message = String(cString: curl_easy_strerror(result))
            if kind == .responseTooLarge {
                message = "the response body is larger than \(maxResponseBytes) bytes"
            } else if !detail.isEmpty {
                message += ": " + detail
            }
            return .failure(OutboundError(kind: kind, message: redacted(message)))
        }
        var status = 0
        _ = hub_curl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var seconds = 0.0
        _ = hub_curl_easy_getinfo_double(handle, CURLINFO_TOTAL_TIME, &seconds)
        return .success(
            OutboundResponse(status: status, headers: responseHeaders, body: responseBody, totalTime: .seconds(seconds))
        )
    }

    /// Keeps a body chunk; false once the body would pass the limit, which makes libcurl abort.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard responseBody.count + bytes.count <= maxResponseBytes else {
            exceededResponseLimit = true
            return false
        }
        responseBody.append(contentsOf: bytes)
        return true
    }

    /// Takes one raw header line, status lines included.
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        var line = Substring(String(decoding: bytes, as: UTF8.self))
        while let last = line.last, last == "\r\n" || last == "\n" || last == "\r" { line = line.dropLast() }
        if line.hasPrefix("HTTP/") {
            // A new status line starts another response (after a 1xx or a proxy's CONNECT
            // answer): only the final one's fields count.
            responseHeaders.removeAll()
            return
        }
        guard !line.isEmpty else { return }
        if let first = line.first, first == " " || first == "\t" {
            // An obsolete folded continuation of the previous field.
            guard !responseHeaders.isEmpty else { return }
            responseHeaders[responseHeaders.count - 1].value += " " + Self.trimmed(line)
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        responseHeaders.append(
            OutboundHeader(
                name: Self.trimmed(line[..<colon]).lowercased(),
                value: Self.trimmed(line[line.index(after: colon)...])
            )
        )
    }

    private static func trimmed(_ text: Substring) -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = text.firstIndex(where: { !isBlank($0) }),
            let end = text.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(text[start...end])
    }

    /// libcurl's texts rarely quote credentials, but a proxy URL or a key file error could.
    private func redacted(_ message: String) -> String {
        secrets.filter { $0.count >= 3 }.reduce(message) { text, secret in
            text.replacing(secret, with: "<redacted>")
        }
    }
}
