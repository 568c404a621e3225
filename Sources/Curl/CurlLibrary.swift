internal import CCurl

/// libcurl's process-wide set-up, which has to run once before the first handle.
enum CurlLibrary {
    /// A static let is initialised exactly once, under a lock, the first time it is read; libcurl
    /// is never cleaned up again because other code in the process may still use it.
    static let isInitialized: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK
}
