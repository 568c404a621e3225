import HTTPTypes

/// The fields the echo server reports in, and the ones the tests send.
extension HTTPField.Name {
    static let echoMethod = Self("X-Echo-Method")!
    static let echoAuthorization = Self("X-Echo-Authorization")!
    static let echoCustom = Self("X-Echo-Custom")!
    static let echoContentType = Self("X-Echo-Content-Type")!
    static let echoExpect = Self("X-Echo-Expect")!
    static let peerPort = Self("X-Peer-Port")!
    static let custom = Self("X-Custom")!
    static let multi = Self("X-Multi")!
}
