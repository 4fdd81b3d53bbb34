#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// `map` over `0..<count` on every core, with the results in index order: the same output as a
/// sequential loop, as long as `transform` reads only values shared by all indices and writes
/// nothing outside its result (the build's pages and the check's classes are such work).
///
/// Every call shares one pool of threads, one per core. The calling thread works on its own
/// indices too, and while it waits for the last ones it helps with the calls made inside them.
/// So a `map` inside a `map` still runs on every core (`DispatchQueue.concurrentPerform`, used
/// before, ran a nested loop on one thread), and two stages that are parallel themselves can run
/// beside each other: the one's stretches on one core leave the other core to the other.
package enum ParallelMap {
    /// The results of `transform(0)`, …, `transform(count - 1)`, computed in parallel.
    package static func map<T>(_ count: Int, _ transform: (Int) -> T) -> [T] {
        guard count > 1, !sequential, Pool.shared.threads > 1 else { return (0..<count).map(transform) }
        let slots = Slots<T>(count)
        withoutActuallyEscaping(transform) { transform in
            let job = Job(count: count, threads: Pool.shared.threads) { slots.set($0, transform($0)) }
            Pool.shared.run(job)
        }
        return slots.values()
    }

    /// Whether maps run on the calling thread, one index after the other (see `sequentially`).
    @TaskLocal private static var sequential = false

    /// Runs `body` with every map inside it on the calling thread, in index order: the order
    /// work would take without this pool. Tests compare parallel work with it; production code
    /// has no second, sequential path.
    package static func sequentially<R>(_ body: () throws -> R) rethrows -> R {
        try $sequential.withValue(true, operation: body)
    }

    /// `first()` and `second()`, computed beside each other (each may map in parallel itself).
    package static func pair<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        let results = map(2) { i -> (A?, B?) in i == 0 ? (first(), nil) : (nil, second()) }
        return (results[0].0!, results[1].1!)
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

/// One call of `ParallelMap.map`: its indices, handed out in shrinking runs (large first, for
/// little overhead; small at the end, so that the threads finish together).
private final class Job: @unchecked Sendable {
    let count: Int
    /// The order of creation: a waiting thread helps only jobs younger than its own, which are
    /// the ones started inside its own job's indices (this bounds how deep its stack grows).
    var serial = 0
    private let threads: Int
    /// Set to nil once every index is done, so that no reference to the caller's closure outlives
    /// the call (`withoutActuallyEscaping` checks this).
    private var body: ((Int) -> Void)?
    private let next = Atomic<Int>(0)
    private let done = Atomic<Int>(0)

    init(count: Int, threads: Int, body: @escaping (Int) -> Void) {
        self.count = count
        self.threads = threads
        self.body = body
    }

    var hasWork: Bool { next.load(ordering: .relaxed) < count }

    /// The next indices to compute, or nil when all are handed out.
    func claim() -> Range<Int>? {
        var start = next.load(ordering: .relaxed)
        while start < count {
            let size = max(1, (count - start) / (threads * 4))
            let (exchanged, original) = next.compareExchange(expected: start, desired: start + size, ordering: .relaxed)
            if exchanged { return start..<(start + size) }
            start = original
        }
        return nil
    }

    /// Computes `range`; true when that finished the job.
    func execute(_ range: Range<Int>) -> Bool {
        compute(range)
        return done.add(range.count, ordering: .acquiringAndReleasing).newValue == count
    }

    /// The closure's copy is released on return, before the indices count as done: the caller
    /// may return as soon as they do.
    @inline(never)
    private func compute(_ range: Range<Int>) {
        let body = body!
        for i in range { body(i) }
    }

    func release() { body = nil }
}

/// The threads every `ParallelMap.map` shares: one per core, the caller's own thread included.
private final class Pool: @unchecked Sendable {
    static let shared = Pool()

    /// How many threads work on a job: the pool's, and the caller's.
    let threads: Int
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// The jobs with indices still to hand out, and finished jobs until their caller sees them.
    private var jobs: [Job] = []
    private var finished: Set<ObjectIdentifier> = []
    private var serials = 0

    private init() {
        threads = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
        for _ in 1..<max(threads, 1) { startWorker() }
    }

    /// Runs `job` to the end: the caller computes indices too, then helps younger jobs until
    /// every index of its own is done.
    func run(_ job: Job) {
        pthread_mutex_lock(mutex)
        serials += 1
        job.serial = serials
        jobs.append(job)
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)

        var finishedHere = false
        while let range = job.claim() {
            if job.execute(range) { finishedHere = true }
        }
        pthread_mutex_lock(mutex)
        if !finishedHere {
            while !finished.contains(ObjectIdentifier(job)) {
                if let other = youngestWithWork(after: job.serial) {
                    pthread_mutex_unlock(mutex)
                    work(on: other)
                    pthread_mutex_lock(mutex)
                } else {
                    pthread_cond_wait(changed, mutex)
                }
            }
            finished.remove(ObjectIdentifier(job))
        }
        jobs.removeAll { $0 === job }
        pthread_mutex_unlock(mutex)
        job.release()
    }

    /// Computes one run of `job`'s indices, and tells its caller when that finished the job.
    private func work(on job: Job) {
        guard let range = job.claim(), job.execute(range) else { return }
        pthread_mutex_lock(mutex)
        finished.insert(ObjectIdentifier(job))
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
    }

    /// The youngest job with indices left that was created after `serial` (called under the lock).
    private func youngestWithWork(after serial: Int) -> Job? {
        jobs.last { $0.serial > serial && $0.hasWork }
    }

    private func startWorker() {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        pthread_attr_setstacksize(&attributes, 16 << 20)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let status = pthread_create(&thread, &attributes, { context in
            Unmanaged<Pool>.fromOpaque(context!).takeRetainedValue().workerLoop()
        }, context)
        pthread_attr_destroy(&attributes)
        if status == 0 { pthread_detach(thread) } else { Unmanaged<Pool>.fromOpaque(context).release() }
    }

    /// A pool thread: the youngest job with work first (the innermost, which others wait for).
    private func workerLoop() -> Never {
        pthread_mutex_lock(mutex)
        while true {
            if let job = youngestWithWork(after: 0) {
                pthread_mutex_unlock(mutex)
                work(on: job)
                pthread_mutex_lock(mutex)
            } else {
                pthread_cond_wait(changed, mutex)
            }
        }
    }
}
