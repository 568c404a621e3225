/// Mutual TLS for one system. Paths are absolute: the file's relative paths are resolved against
/// the adapter file's folder, and each file was found when the adapter was read.
public struct TLSSettings: Sendable {
    /// PEM client certificate (e.g. PKIoverheid).
    public var clientCertificate: String?
    /// PEM private key of the client certificate.
    public var clientKey: String?
    /// The key's password, when it is encrypted.
    public var keyPassword: SecretReference?
    /// PEM bundle of the certificate authorities to trust instead of the system's.
    public var caBundle: String?

    public init(clientCertificate: String? = nil, clientKey: String? = nil, keyPassword: SecretReference? = nil, caBundle: String? = nil) {
        self.clientCertificate = clientCertificate
        self.clientKey = clientKey
        self.keyPassword = keyPassword
        self.caBundle = caBundle
    }
}
