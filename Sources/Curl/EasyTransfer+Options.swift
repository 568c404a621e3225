internal import CCurl
internal import CCurlShim

extension EasyTransfer {
    /// Sets the handle up for `request`, which `validate()` has accepted.
    func configure(_ request: OutboundRequest) throws(OutboundError) {
        let options = request.options
        maxResponseBytes = max(0, options.maxResponseBytes)
        secrets = options.secrets

        try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
        // Timeouts would otherwise use SIGALRM, which is not safe in a multi-threaded process.
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_URL, request.url)
        // A redirect is the receiver's answer to record, not a place to resend a signed body to.
        try set(CURLOPT_FOLLOWLOCATION, 0)
        try set(CURLOPT_TIMEOUT_MS, options.timeout.curlMilliseconds)
        try set(CURLOPT_CONNECTTIMEOUT_MS, options.connectTimeout.curlMilliseconds)
        try set(CURLOPT_TCP_KEEPALIVE, 1)
        try set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
        // An empty string, unlike no value, also turns off the *_proxy environment variables.
        try set(CURLOPT_PROXY, options.proxy ?? "")

        try configureMethod(request)
        try configureHeaders(request.headers)
        try configureAuthentication(options.authentication)
        try configureTLS(options)
        try configureCallbacks()
    }

    private func configureMethod(_ request: OutboundRequest) throws(OutboundError) {
        if request.method == "HEAD" {
            // A custom HEAD would make libcurl wait for a body that never comes.
            try set(CURLOPT_NOBODY, 1)
            return
        }
        if !request.body.isEmpty || ["POST", "PUT", "PATCH"].contains(request.method) {
            // The size first: without it libcurl would measure the body with strlen.
            try set(CURLOPT_POSTFIELDSIZE, request.body.count)
            if request.body.isEmpty {
                try set(CURLOPT_COPYPOSTFIELDS, "")
            } else {
                let code = request.body.withUnsafeBytes { bytes in
                    hub_curl_easy_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
                }
                try check(code)
            }
        }
        try set(CURLOPT_CUSTOMREQUEST, request.method)
    }

    private func configureHeaders(_ headers: [OutboundHeader]) throws(OutboundError) {
        // "Name;" is libcurl's spelling of an empty value ("Name:" would remove the header), and
        // "Expect:" stops libcurl from waiting for a 100 Continue before larger bodies.
        let lines = headers.map { $0.value.isEmpty ? "\($0.name);" : "\($0.name): \($0.value)" } + ["Expect:"]
        for line in lines {
            guard let appended = curl_slist_append(headerList, line) else {
                throw OutboundError(kind: .other, message: "out of memory building the header list")
            }
            headerList = appended
        }
        try check(hub_curl_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList))
    }

    private func configureAuthentication(_ authentication: OutboundAuthentication) throws(OutboundError) {
        // CURLAUTH_BASIC and CURLAUTH_BEARER are cast macros, which Swift does not import.
        let basic = 1 << 0
        let bearer = 1 << 6
        switch authentication {
        case .none:
            break
        case .basic(let user, let password):
            // Only one method allowed, so libcurl sends it with the first request.
            try set(CURLOPT_HTTPAUTH, basic)
            try set(CURLOPT_USERNAME, user)
            try set(CURLOPT_PASSWORD, password)
        case .bearer(let token):
            try set(CURLOPT_HTTPAUTH, bearer)
            try set(CURLOPT_XOAUTH2_BEARER, token)
        }
    }

    private func configureTLS(_ options: OutboundOptions) throws(OutboundError) {
        if let certificate = options.clientCertificate {
            try set(CURLOPT_SSLCERT, certificate.certificatePath)
            try set(CURLOPT_SSLCERTTYPE, "PEM")
            try set(CURLOPT_SSLKEY, certificate.keyPath)
            try set(CURLOPT_SSLKEYTYPE, "PEM")
            if let password = certificate.keyPassword { try set(CURLOPT_KEYPASSWD, password) }
        }
        if let bundle = options.caBundlePath {
            try set(CURLOPT_CAINFO, bundle)
            // Otherwise the built-in CA directory would still be trusted beside the bundle.
            try check(hub_curl_easy_setopt_string(handle, CURLOPT_CAPATH, nil))
        }
    }

    private func configureCallbacks() throws(OutboundError) {
        // Unretained: the TransferLoop keeps the transfer alive for as long as libcurl runs it.
        let context = Unmanaged.passUnretained(self).toOpaque()
        try check(hub_curl_easy_setopt_write_function(handle) { data, size, count, context in
            guard let data, let context else { return 0 }
            let transfer = Unmanaged<EasyTransfer>.fromOpaque(context).takeUnretainedValue()
            let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
            return transfer.receiveBody(bytes) ? size * count : 0
        })
        try set(CURLOPT_WRITEDATA, pointer: context)
        try check(hub_curl_easy_setopt_header_function(handle) { data, size, count, context in
            guard let data, let context else { return 0 }
            let transfer = Unmanaged<EasyTransfer>.fromOpaque(context).takeUnretainedValue()
            transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
            return size * count
        })
        try set(CURLOPT_HEADERDATA, pointer: context)
    }

    private func set(_ option: CURLoption, _ value: Int) throws(OutboundError) {
        try check(hub_curl_easy_setopt_long(handle, option, value))
    }

    private func set(_ option: CURLoption, _ value: String) throws(OutboundError) {
        try check(hub_curl_easy_setopt_string(handle, option, value))
    }

    private func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer) throws(OutboundError) {
        try check(hub_curl_easy_setopt_pointer(handle, option, pointer))
    }

    private func check(_ code: CURLcode) throws(OutboundError) {
        guard code != CURLE_OK else { return }
        let message = String(cString: curl_easy_strerror(code))
        let kind: OutboundError.Kind =
            code == CURLE_URL_MALFORMAT || code == CURLE_UNSUPPORTED_PROTOCOL ? .invalidRequest : .other
        throw OutboundError(kind: kind, message: message)
    }
}
