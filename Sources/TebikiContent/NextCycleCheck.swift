import TebikiModel

/// Tables hand over to each other with `next`; a cycle would never decide. Each `next` that
/// closes a cycle is reported where it is written. Depth-first search, linear in tables and links.
struct NextCycleCheck {
    let ctx: LoadContext

    func run(_ links: [(from: String, to: String, location: SourceLocation)]) {
        var outgoing: [String: [(to: String, location: SourceLocation)]] = [:]
        var order: [String] = []
        for link in links {
            if outgoing[link.from] == nil { order.append(link.from) }
            outgoing[link.from, default: []].append((link.to, link.location))
        }
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var path: [String] = []

        func visit(_ table: String) {
            marks[table] = .visiting
            path.append(table)
            for (to, location) in outgoing[table] ?? [] {
                switch marks[to] {
                case .visiting:
                    let cycle = path.drop { $0 != to } + [to]
                    ctx.error(.contentInvalidValue, at: location,
                              "'next: \(to)' closes a cycle of tables: \(cycle.joined(separator: " → ")); tables must hand over without coming back")
                case .done: continue
                case nil: visit(to)
                }
            }
            path.removeLast()
            marks[table] = .done
        }
        for table in order where marks[table] == nil { visit(table) }
    }
}
