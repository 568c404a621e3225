import Foundation

/// Where the benchmarks write their figures: each line at once, also when standard output is a
/// file or a pipe. There the C library buffers it until the process ends, so a run stopped early
/// (or killed by a CI time limit) left no figures behind. (`setvbuf` at start-up is not an
/// option: Swift 6 refuses the mutable C global `stdout`.)
enum BenchOutput {
    static func show(_ text: String = "", terminator: String = "\n") {
        print(text, terminator: terminator)
        fflush(nil)
    }
}
