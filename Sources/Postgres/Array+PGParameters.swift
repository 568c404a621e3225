import CLibPQ

extension Array where Element == PGData {
    /// Lays the parameters out as libpq's parallel C arrays for the duration of `body`.
    ///
    /// All values go into one contiguous buffer, each followed by a NUL because libpq reads
    /// text-format parameters as C strings and ignores their lengths.
    func withCParameters<R>(
        _ body: (
            _ count: Int32, _ values: UnsafePointer<UnsafePointer<CChar>?>?,
            _ lengths: UnsafePointer<Int32>?, _ formats: UnsafePointer<Int32>?
        ) -> R
    ) -> R {
        if isEmpty { return body(0, nil, nil, nil) }
        var storage = [CChar]()
        storage.reserveCapacity(reduce(0) { $0 + ($1.bytes?.count ?? 0) + 1 })
        var offsets = [Int](repeating: -1, count: count)
        var lengths = [Int32](repeating: 0, count: count)
        var formats = [Int32](repeating: 0, count: count)
        for (index, parameter) in enumerated() {
            formats[index] = parameter.format
            guard let bytes = parameter.bytes else { continue }
            offsets[index] = storage.count
            lengths[index] = Int32(bytes.count)
            for byte in bytes { storage.append(CChar(bitPattern: byte)) }
            storage.append(0)
        }
        return storage.withUnsafeBufferPointer { buffer in
            let values: [UnsafePointer<CChar>?] = offsets.map { offset in
                offset < 0 ? nil : buffer.baseAddress! + offset
            }
            return body(Int32(count), values, lengths, formats)
        }
    }
}
