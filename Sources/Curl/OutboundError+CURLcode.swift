internal import CCurl

extension OutboundError.Kind {
    /// Sorts libcurl's result codes into the kinds callers act on.
    ///
    /// `message` is needed because a server that demands a client certificate under TLS 1.3
    /// refuses it only after the client's side of the handshake has finished, so libcurl reports
    /// the alert as a failed read or write (CURLE_RECV_ERROR, CURLE_SEND_ERROR) with OpenSSL's
    /// text rather than as a TLS code.
    init(_ code: CURLcode, message: String, exceededResponseLimit: Bool) {
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            self = .timeout
        case CURLE_COULDNT_RESOLVE_HOST:
            self = .couldNotResolve
        case CURLE_COULDNT_CONNECT:
            self = .couldNotConnect
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
            CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_PEER_FAILED_VERIFICATION,
            CURLE_USE_SSL_FAILED, CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_CACERT_BADFILE,
            CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
            CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT:
            self = .tls
        case CURLE_COULDNT_RESOLVE_PROXY, CURLE_PROXY:
            self = .proxy
        case CURLE_WRITE_ERROR where exceededResponseLimit:
            self = .responseTooLarge
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            self = .invalidRequest
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR:
            self = Self.isTLSAlert(message) ? .tls : .other
        default:
            self = .other
        }
    }

    private static func isTLSAlert(_ message: String) -> Bool {
        message.contains("SSL") || message.contains("TLS") || message.contains("tlsv1")
    }
}
