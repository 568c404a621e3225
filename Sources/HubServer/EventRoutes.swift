import Delivery
import EventLog
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// `GET /api/v1/events` (a page of CloudEvents) and `GET /api/v1/events/stream` (Server-Sent Events).
struct EventRoutes: Sendable {
    let dependencies: HubDependencies
    var feed: EventFeed { EventFeed(dependencies: dependencies) }

    func register(on router: HubRoutes) {
        router.get("api/v1/events", use: page)
        router.get("api/v1/events/stream", use: stream)
    }

    @Sendable func page(_ request: Request, context: HubRequestContext) async throws -> Response {
        guard context.caller.mayReadEvents else { throw Self.refusal(context.caller) }
        let query = QueryParameters(request)
        let after = try query.int64("after") ?? 0
        let limit = try query.int("limit", in: 1...1000) ?? 100
        let start = try await feed.point(after: after)
        // Read on for up to 100 ms while held back, so that a client reading right after its own
        // write sees it.
        let events = try await dependencies.store.readPage(after: start, limit: limit, retryingWhileHeldBack: 10).events
        let visible = try await feed.visible(events, to: context.caller)
        // The cursor moves past events the caller may not see too, so a filtered page never stalls.
        let next = events.last?.position ?? after
        var headers: HTTPFields = [.contentType: "application/cloudevents-batch+json"]
        if let name = HTTPField.Name("Hub-Next-After") { headers[name] = String(next) }
        headers[HTTPField.Name("Link")!] = "</api/v1/events?after=\(next)&limit=\(limit)>; rel=\"next\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try CloudEvent.batch(visible))))
    }

    @Sendable func stream(_ request: Request, context: HubRequestContext) async throws -> Response {
        guard context.caller.mayReadEvents else { throw Self.refusal(context.caller) }
        let query = QueryParameters(request)
        let resume = request.headers[HTTPField.Name("Last-Event-ID")!].flatMap(Int64.init)
        let after = try resume ?? query.int64("after") ?? 0
        let start = try await feed.point(after: after)
        // A client that only catches up (or a test) may ask the stream to end after `limit` events.
        let limit = try query.int("limit", in: 1...1_000_000)
        let follower = LogFollower(store: dependencies.store, listener: dependencies.listener)
        let feed = self.feed
        let caller = context.caller
        let logger = context.logger
        let body = ResponseBody { writer in
            var sent = 0
            do {
                following: for try await event in follower.events(after: start) {
                    for cloudEvent in try await feed.visible([event], to: caller) {
                        var message = Array("id: \(cloudEvent.position)\nevent: \(cloudEvent.type)\ndata: ".utf8)
                        message += try cloudEvent.json()
                        message += Array("\n\n".utf8)
                        try await writer.write(ByteBuffer(bytes: message))
                        sent += 1
                        if let limit, sent >= limit { break following }
                    }
                }
            } catch is CancellationError {
            } catch {
                logger.warning("event stream ended", metadata: ["error": "\(error)"])
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
            body: body)
    }

    static func refusal(_ caller: Caller) -> Problem {
        caller.kind == .anonymous
            ? .unauthorized("the events feed needs an API key of a municipality, a party or an operator")
            : .forbidden("this key may not read the events feed")
    }
}
