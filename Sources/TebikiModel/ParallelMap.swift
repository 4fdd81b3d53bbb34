import Dispatch

/// `map` over `0..<count` on every core, with the results in index order: the same output as a
/// sequential loop, as long as `transform` reads only values shared by all indices and writes
/// nothing outside its result (the build's pages and the check's classes are such work).
public enum ParallelMap {
    /// The results of `transform(0)`, …, `transform(count - 1)`, computed in parallel.
    public static func map<T>(_ count: Int, _ transform: (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(transform) }
        let slots = Slots<T>(count)
        withoutActuallyEscaping(transform) { transform in
            let work = Work(transform)
            // A few chunks per core: indices differ in cost (pages of different sizes).
            let chunks = min(count, 16)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var i = chunk
                while i < count {
                    slots.set(i, work.transform(i))
                    i += chunks
                }
            }
        }
        return slots.values()
    }

    /// The closure, handed to the worker threads (each index is computed by one thread).
    private final class Work<T>: @unchecked Sendable {
        let transform: (Int) -> T
        init(_ transform: @escaping (Int) -> T) { self.transform = transform }
    }

    /// Pre-sized storage; each index is written by exactly one thread, read after all finish.
    private final class Slots<T>: @unchecked Sendable {
        private let buffer: UnsafeMutableBufferPointer<T?>
        init(_ count: Int) {
            buffer = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }
        func set(_ i: Int, _ value: T) { buffer[i] = value }
        func values() -> [T] { buffer.map { $0! } }
        deinit {
            buffer.deinitialize()
            buffer.deallocate()
        }
    }
}
