extension Duration {
    /// For libcurl's `_MS` options, which read 0 as "no limit": a zero or negative duration
    /// becomes the shortest real one instead, and a huge one stays finite.
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        if seconds < 0 { return 1 }
        if seconds > 1_000_000_000 { return 1_000_000_000_000 }
        return max(1, Int(seconds * 1_000 + attoseconds / 1_000_000_000_000_000))
    }
}
