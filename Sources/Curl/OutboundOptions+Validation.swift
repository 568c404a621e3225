extension OutboundOptions {
    /// libcurl takes these as C strings, which a NUL would cut short silently.
    func validate() throws(OutboundError) {
        switch authentication {
        case .none:
            break
        case .bearer(let token):
            // The token goes into a header line as is.
            guard !token.isEmpty, token.utf8.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) else {
                throw OutboundError(kind: .invalidRequest, message: "the bearer token is empty or contains a space or a control character")
            }
        case .basic(let user, let password):
            guard !user.utf8.contains(0), !password.utf8.contains(0) else {
                throw OutboundError(kind: .invalidRequest, message: "the basic credentials contain a NUL character")
            }
        }
        var strings = [caBundlePath, proxy]
        if let clientCertificate {
            strings += [clientCertificate.certificatePath, clientCertificate.keyPath, clientCertificate.keyPassword]
        }
        guard strings.allSatisfy({ !($0?.utf8.contains(0) ?? false) }) else {
            throw OutboundError(kind: .invalidRequest, message: "a path, the key password or the proxy contains a NUL character")
        }
        if let proxy, !proxy.utf8.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) {
            throw OutboundError(kind: .invalidRequest, message: "the proxy contains a space or a control character")
        }
    }

    /// What an error message must never show.
    var secrets: [String] {
        var secrets: [String] = []
        switch authentication {
        case .none: break
        case .bearer(let token): secrets.append(token)
        case .basic(_, let password): secrets.append(password)
        }
        if let password = clientCertificate?.keyPassword { secrets.append(password) }
        return secrets
    }
}
