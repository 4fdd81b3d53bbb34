#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import TebikiConcurrency
import TebikiModel
import Testing

/// `ParallelMap.map` gives what a sequential `map` gives, however it is nested or called from
/// several threads at once, and a map inside a map still runs on more than one thread.
@Suite("ParallelMap: results in index order, nested calls on every core")
struct ParallelMapTests {
    /// A cost that differs from index to index, so that threads finish their runs out of order.
    static func work(_ i: Int) -> Int {
        var x = UInt64(i) &* 0x9E37_79B9_7F4A_7C15
        for _ in 0..<(i % 7) * 200 { x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407 }
        return Int(truncatingIfNeeded: x >> 1)
    }

    @Test("the same results as a sequential map", arguments: [0, 1, 2, 3, 7, 16, 17, 100, 1000, 25_000])
    func sameAsSequential(count: Int) {
        #expect(ParallelMap.map(count, Self.work) == (0..<count).map(Self.work))
    }

    @Test("nested maps, three deep, give the sequential results", arguments: [(2, 3, 5), (3, 17, 2), (8, 8, 8), (1, 40, 40)])
    func nested(outer: Int, middle: Int, inner: Int) {
        let parallel = ParallelMap.map(outer) { a in
            ParallelMap.map(middle) { b in ParallelMap.map(inner) { c in Self.work(a * 10_000 + b * 100 + c) } }
        }
        let sequential = (0..<outer).map { a in
            (0..<middle).map { b in (0..<inner).map { c in Self.work(a * 10_000 + b * 100 + c) } }
        }
        #expect(parallel == sequential)
    }

    @Test("maps called from many threads at once each get their own results")
    func concurrentCallers() async {
        let results = await withTaskGroup(of: (Int, Bool).self) { group in
            for caller in 0..<12 {
                group.addTask {
                    let count = 500 + caller * 37
                    let got = ParallelMap.map(count) { i in ParallelMap.map(3) { j in Self.work(caller * 100_000 + i * 3 + j) } }
                    let want = (0..<count).map { i in (0..<3).map { j in Self.work(caller * 100_000 + i * 3 + j) } }
                    return (caller, got == want)
                }
            }
            var all: [Int: Bool] = [:]
            for await (caller, ok) in group { all[caller] = ok }
            return all
        }
        #expect(results.count == 12)
        #expect(results.values.allSatisfy { $0 })
    }

    /// The outer map's second index runs an inner map whose first index waits until its second
    /// has started. Nested in `DispatchQueue.concurrentPerform` (as before), the inner map ran on
    /// one thread and its first index waited in vain; here the thread done with the outer map's
    /// first index helps with the inner map.
    @Test("a map inside a map runs on two threads", .enabled(if: ParallelMapTests.cores > 1))
    func innerMapOnTwoThreads() {
        let started = Atomic<Int>(0)
        let results = ParallelMap.map(2) { outer -> [Bool] in
            guard outer == 1 else { return [true] }
            return ParallelMap.map(2) { inner -> Bool in
                if inner == 1 { started.store(1, ordering: .releasing); return true }
                let clock = ContinuousClock(), deadline = clock.now + .seconds(20)
                while started.load(ordering: .acquiring) == 0, clock.now < deadline {}
                return started.load(ordering: .acquiring) == 1
            }
        }
        #expect(results == [[true], [true, true]])
    }

    /// Inside `sequentially` every index, nested ones too, runs on the calling thread and in
    /// index order: the order tests compare parallel work with.
    @Test("sequentially: every map inside runs on the calling thread, in index order")
    func sequentiallyOnTheCallingThread() {
        let caller = pthread_self()
        let order = Mutex<[Int]>([])
        let onCaller = ParallelMap.sequentially {
            ParallelMap.map(50) { outer -> Bool in
                let inner = ParallelMap.map(3) { _ in pthread_equal(pthread_self(), caller) != 0 }
                order.withLock { $0.append(outer) }
                return pthread_equal(pthread_self(), caller) != 0 && inner.allSatisfy { $0 }
            }
        }
        #expect(onCaller.allSatisfy { $0 })
        #expect(order.withLock { $0 } == Array(0..<50))
    }

    static let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
}
