internal import CCurl
import Logging

/// What the transfer thread does: start the submitted transfers on the multi handle, drive them,
/// answer each one as it ends, and wait in `curl_multi_poll` in between.
///
/// Confined to the transfer thread, so the transfers it holds need no lock.
struct TransferLoop {
    private let multi: MultiHandle
    private let queue: TransferQueue
    private let logger: Logger
    /// Keyed by easy handle, which is what `curl_multi_info_read` names.
    private var running: [UnsafeMutableRawPointer: (transfer: EasyTransfer, submission: TransferQueue.Submission)] = [:]

    /// The thread's whole life; returns when the queue is closed and every transfer has ended,
    /// after releasing the multi handle.
    static func run(queue: TransferQueue, maxConnections: Int, maxConnectionsPerHost: Int, logger: Logger) {
        if let multi = MultiHandle(maxConnections: maxConnections, maxConnectionsPerHost: maxConnectionsPerHost) {
            queue.attach(multi)
            var loop = TransferLoop(multi: multi, queue: queue, logger: logger)
            loop.drive()
            _ = queue.detach()
        } else {
            logger.error("libcurl could not be initialised; outbound HTTP is unavailable")
            let refusal = OutboundError(kind: .other, message: "libcurl could not be initialised")
            for submission in queue.detach(refusing: refusal) {
                submission.reply.resume(returning: .failure(refusal))
            }
        }
        // The multi handle and every easy handle are freed by now: the loop was the last owner.
        queue.markFinished()
    }

    private mutating func drive() {
        while true {
            let (submissions, isClosing) = queue.take()
            for submission in submissions { start(submission) }
            if isClosing && running.isEmpty { return }
            multi.perform()
            answerFinished()
            if isClosing && running.isEmpty { return }
            // The upper bound only matters if a wake-up were lost; libcurl shortens it to its
            // own next timer, and `submit`/`close` end it at once.
            multi.poll(milliseconds: 1_000)
        }
    }

    private mutating func start(_ submission: TransferQueue.Submission) {
        guard let transfer = EasyTransfer() else {
            submission.reply.resume(returning: .failure(OutboundError(kind: .other, message: "libcurl could not create a transfer")))
            return
        }
        do {
            try transfer.configure(submission.request)
        } catch {
            submission.reply.resume(returning: .failure(error))
            return
        }
        if let error = multi.add(transfer) {
            submission.reply.resume(returning: .failure(error))
            return
        }
        running[transfer.handle] = (transfer, submission)
    }

    private mutating func answerFinished() {
        while let (easyHandle, result) = multi.nextFinished() {
            guard let (transfer, submission) = running.removeValue(forKey: easyHandle) else { continue }
            multi.remove(transfer)
            let outcome = transfer.outcome(result)
            if case .failure(let error) = outcome {
                logger.debug(
                    "outbound request failed",
                    metadata: ["outbound.method": "\(submission.request.method)", "outbound.error": "\(error)"]
                )
            }
            submission.reply.resume(returning: outcome)
        }
    }
}
