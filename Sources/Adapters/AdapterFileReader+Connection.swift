import Foundation
import HubConfig

/// The parts outbound and polling share: addresses, secrets, authentication, TLS.
extension AdapterFileReader {
    /// An absolute http(s) address with a host; plain http to anything but this machine is a warning.
    func webAddress(_ value: ConfigValue) throws(AdapterFileIssue) -> String {
        let text = try value.text()
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty
        else {
            throw value.issue("must be an http:// or https:// address with a host, such as https://example.nl/meldingen, but was \"\(text)\"")
        }
        if scheme == "http", !["localhost", "127.0.0.1", "::1"].contains(host) {
            warn(value, "uses plain http: reports and signatures cross the network unencrypted; use https")
        }
        return text
    }

    func proxyAddress(_ value: ConfigValue) throws(AdapterFileIssue) -> String {
        let text = try value.text()
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              ["http", "https", "socks5", "socks5h"].contains(scheme), url.host != nil
        else {
            throw value.issue("must be a proxy address such as http://proxy.gemeente.nl:8080 (http, https, socks5 or socks5h), but was \"\(text)\"")
        }
        return text
    }

    /// The keys `NAME_env`, `NAME_file` and `NAME` that a secret called NAME may be given by.
    static func secretKeys(_ name: String) -> Set<String> {
        [name, name + "_env", name + "_file"]
    }

    /// A secret given by exactly one of `NAME_env`, `NAME_file` or `NAME` in `value`; `nil` when none is given.
    func secret(_ name: String, in value: ConfigValue) throws(AdapterFileIssue) -> SecretReference? {
        let given = [name + "_env", name + "_file", name].compactMap { key in value.child(key).map { (key, $0) } }
        guard let (key, child) = given.first else { return nil }
        guard given.count == 1 else {
            throw given[1].1.issue("give the secret once: \(given.map(\.0).joined(separator: " and ")) are both set")
        }
        let text = try child.text()
        if key.hasSuffix("_env") {
            guard let secret = environment[text], !secret.isEmpty else {
                throw child.issue("the environment variable \(text) is not set (or empty); the hub does not start without it")
            }
            return SecretReference(source: .environment(text), value: secret)
        }
        if key.hasSuffix("_file") {
            let path = resolve(text)
            guard let content = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw child.issue("cannot read the secret file \(path)")
            }
            let secret = content.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !secret.isEmpty else { throw child.issue("the secret file \(path) is empty") }
            return SecretReference(source: .file(path), value: secret)
        }
        warn(child, "the secret is written in the adapter file; anyone who can read the file can use it. Use \(name)_env or \(name)_file")
        return SecretReference(source: .literal, value: text)
    }

    func requiredSecret(_ name: String, in value: ConfigValue) throws(AdapterFileIssue) -> SecretReference {
        guard let secret = try secret(name, in: value) else {
            throw value.issue("needs \(name)_env (an environment variable), \(name)_file or \(name)")
        }
        return secret
    }

    /// A Standard Webhooks secret: `whsec_` and the base64 of at least 24 bytes.
    func webhookSecret(in value: ConfigValue) throws(AdapterFileIssue) -> SecretReference {
        let secret = try requiredSecret("secret", in: value)
        let place = Self.secretKeys("secret").sorted().compactMap { value.child($0) }.first ?? value
        guard secret.value.hasPrefix("whsec_"), let key = Data(base64Encoded: String(secret.value.dropFirst(6))), key.count >= 24 else {
            throw place.issue("the secret (\(secret)) must be a Standard Webhooks secret: whsec_ followed by the base64 of at least 24 random bytes")
        }
        return secret
    }

    func authentication(_ parent: ConfigValue) throws(AdapterFileIssue) -> AuthenticationSettings {
        guard let value = parent.child("authentication") else { return .none }
        try requireKeys(value, Set(["type", "username", "field"]).union(Self.secretKeys("token")).union(Self.secretKeys("password")))
        let typeValue = try value.requiredChild("type")
        switch try typeValue.text() {
        case "none":
            return .none
        case "bearer":
            return .bearer(token: try requiredSecret("token", in: value))
        case "basic":
            return .basic(username: try value.requiredChild("username").text(), password: try requiredSecret("password", in: value))
        case "api_key":
            let field = try value.child("field").map { child throws(AdapterFileIssue) in try parameterName(child) } ?? "api_key"
            return .apiKey(field: field, key: try requiredSecret("token", in: value))
        case let other:
            throw typeValue.issue("must be none, bearer, basic or api_key, but was \"\(other)\"")
        }
    }

    /// The name of a query parameter or form field: letters, digits, `_`, `-` and `.`, such as
    /// `start_date` or `api_key`.
    func parameterName(_ value: ConfigValue) throws(AdapterFileIssue) -> String {
        let name = try value.text()
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }) else {
            throw value.issue("must be a parameter name (letters, digits, _ - .), such as api_key, but was \"\(name)\"")
        }
        return name
    }

    func tls(_ parent: ConfigValue) throws(AdapterFileIssue) -> TLSSettings? {
        guard let value = parent.child("tls") else { return nil }
        try requireKeys(value, Set(["client_certificate", "client_key", "ca_bundle"]).union(Self.secretKeys("key_password")))
        let certificate = try value.child("client_certificate").map { child throws(AdapterFileIssue) in try existingFile(child) }
        let key = try value.child("client_key").map { child throws(AdapterFileIssue) in try existingFile(child) }
        if (certificate == nil) != (key == nil) {
            throw value.issue("client_certificate and client_key go together: give both or neither")
        }
        let settings = TLSSettings(
            clientCertificate: certificate, clientKey: key, keyPassword: try secret("key_password", in: value),
            caBundle: try value.child("ca_bundle").map { child throws(AdapterFileIssue) in try existingFile(child) })
        if settings.keyPassword != nil && key == nil {
            throw value.issue("key_password is only used with client_key")
        }
        return settings
    }

    /// A path relative to the adapter file's folder (or absolute) of a file that exists.
    func existingFile(_ value: ConfigValue) throws(AdapterFileIssue) -> String {
        let path = resolve(try value.text())
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw value.issue("the file \(path) does not exist (relative paths start at the adapter file's folder)")
        }
        return path
    }

    func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : folder.appendingPathComponent(path).standardizedFileURL.path
    }
}
