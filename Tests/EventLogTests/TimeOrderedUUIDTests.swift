import EventLog
import Foundation
import Testing

@Suite struct TimeOrderedUUIDTests {
    @Test func versionAndVariantBitsAreThoseOfVersion7() {
        let id = UUID.timeOrdered()
        let bytes = withUnsafeBytes(of: id.uuid) { Array($0) }
        #expect(bytes[6] >> 4 == 7)
        #expect(bytes[8] >> 6 == 0b10)
    }

    @Test func idsOfLaterMillisecondsSortLater() {
        let earlier = UUID.timeOrdered(at: Date(timeIntervalSince1970: 1_795_000_000))
        let later = UUID.timeOrdered(at: Date(timeIntervalSince1970: 1_795_000_000.002))
        #expect(earlier.uuidString.lowercased() < later.uuidString.lowercased())
        #expect(earlier.uuidString.lowercased().hasPrefix("01a1ee"), "\(earlier): 48 bits of milliseconds first")
    }
}
