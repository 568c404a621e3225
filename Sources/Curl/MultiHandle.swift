internal import CCurl
internal import CCurlShim

/// The owner of the libcurl multi handle: one connection cache and one set of running
/// transfers, shared by every request of an `OutboundHTTPClient`.
final class MultiHandle: @unchecked Sendable {
    // @unchecked Sendable: `wakeUp()` is the one method called off the transfer thread, and
    // libcurl documents curl_multi_wakeup as callable from any thread; it is only called under
    // the TransferQueue's lock while the queue holds this handle, and the transfer thread takes
    // the handle out of the queue before it drops its own, last reference. Every other method,
    // and deinit, runs on the transfer thread alone.
    private let handle: UnsafeMutableRawPointer

    init?(maxConnections: Int, maxConnectionsPerHost: Int) {
        guard CurlLibrary.isInitialized, let handle = curl_multi_init() else { return nil }
        self.handle = handle
        // Idle connections kept for reuse; without it libcurl keeps about four per transfer.
        _ = hub_curl_multi_setopt_long(handle, CURLMOPT_MAXCONNECTS, max(1, maxConnections))
        _ = hub_curl_multi_setopt_long(handle, CURLMOPT_MAX_TOTAL_CONNECTIONS, max(1, maxConnections))
        _ = hub_curl_multi_setopt_long(handle, CURLMOPT_MAX_HOST_CONNECTIONS, max(1, maxConnectionsPerHost))
    }

    deinit {
        curl_multi_cleanup(handle)
    }

    func add(_ transfer: EasyTransfer) -> OutboundError? {
        let code = curl_multi_add_handle(handle, transfer.handle)
        guard code == CURLM_OK else {
            return OutboundError(kind: .other, message: String(cString: curl_multi_strerror(code)))
        }
        return nil
    }

    func remove(_ transfer: EasyTransfer) {
        curl_multi_remove_handle(handle, transfer.handle)
    }

    /// Moves every transfer along as far as it can go without waiting.
    func perform() {
        var running: Int32 = 0
        curl_multi_perform(handle, &running)
    }

    /// Waits for socket activity, libcurl's next timer, `wakeUp()`, or `milliseconds`.
    func poll(milliseconds: Int32) {
        curl_multi_poll(handle, nil, 0, milliseconds, nil)
    }

    /// The next transfer that has ended, as its easy handle and result, or `nil` when none has.
    func nextFinished() -> (easyHandle: UnsafeMutableRawPointer, result: CURLcode)? {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(handle, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            return (easy, message.pointee.data.result)
        }
        return nil
    }

    /// Ends a current or the next `poll` at once; callable from any thread.
    func wakeUp() {
        curl_multi_wakeup(handle)
    }
}
