import Curl

extension OutboundOptions {
    /// libcurl's settings for an adapter's connection (its outbound side or its polling), with the
    /// secrets the file named already resolved.
    public init(
        timeout: Duration, connectTimeout: Duration = .seconds(5), authentication: AuthenticationSettings, tls: TLSSettings?,
        proxy: String?
    ) {
        self.init(timeout: timeout, connectTimeout: connectTimeout)
        switch authentication {
        // The key of .apiKey is part of the request, not of libcurl's authentication.
        case .none, .apiKey: self.authentication = .none
        case .bearer(let token): self.authentication = .bearer(token: token.value)
        case .basic(let username, let password): self.authentication = .basic(user: username, password: password.value)
        }
        if let tls {
            if let certificate = tls.clientCertificate, let key = tls.clientKey {
                clientCertificate = ClientCertificate(certificatePath: certificate, keyPath: key, keyPassword: tls.keyPassword?.value)
            }
            caBundlePath = tls.caBundle
        }
        self.proxy = proxy
    }
}
