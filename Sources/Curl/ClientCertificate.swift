/// The certificate and key a request presents for mutual TLS, both PEM files.
public struct ClientCertificate: Sendable, Hashable {
    public var certificatePath: String
    public var keyPath: String
    /// The passphrase of an encrypted key; `nil` for a plain one.
    public var keyPassword: String?

    public init(certificatePath: String, keyPath: String, keyPassword: String? = nil) {
        self.certificatePath = certificatePath
        self.keyPath = keyPath
        self.keyPassword = keyPassword
    }
}
