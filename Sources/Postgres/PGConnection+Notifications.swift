import CLibPQ

extension PGConnection {
    /// The socket to wait on for notifications.
    var socket: Int32 { PQsocket(handle) }

    /// Reads what arrived on the socket without blocking and returns the notifications in it.
    func receiveNotifications() throws(PGError) -> [PGNotification] {
        guard PQconsumeInput(handle) == 1 else { throw connectionError() }
        var received = [PGNotification]()
        while let notify = PQnotifies(handle) {
            received.append(
                PGNotification(
                    channel: String(cString: notify.pointee.relname),
                    payload: String(cString: notify.pointee.extra),
                    senderPID: notify.pointee.be_pid))
            PQfreemem(notify)
        }
        return received
    }

    /// Quotes an identifier (a channel name) for the places where SQL cannot take a parameter.
    func quotedIdentifier(_ name: String) throws(PGError) -> String {
        guard let quoted = PQescapeIdentifier(handle, name, name.utf8.count) else { throw connectionError() }
        defer { PQfreemem(quoted) }
        return String(cString: quoted)
    }
}

extension PGConnection {
    /// False once the server closed the session (libpq then reports a bad status).
    var isListening: Bool { PQstatus(handle) == CONNECTION_OK }
}
