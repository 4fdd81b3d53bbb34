import TebikiModel

/// Reads edition.yaml: the edition's date, title, source pages, currency, window and entry tables.
struct EditionReader {
    let ctx: LoadContext

    func read(_ node: YNode?, file: SourceFile, expectedID: String) -> Edition? {
        let required = ["id", "date", "title", "pages", "currency", "window", "entry_table", "route_table", "zero_amount"]
        guard var f = ctx.root(node, file: file, required: required) else {
            ctx.unavailable.insert(.page)
            return nil
        }
        f.what = "the edition"
        let id = ctx.id(f, "id")
        if let id, id.value != expectedID {
            ctx.error(.contentInvalidValue, at: id.location,
                      "the edition's id is '\(id.value)' but tebiki.yaml declares this folder as edition '\(expectedID)'")
        }
        let date = ctx.date(f, "date")
        let title = ctx.localized(f, "title")

        var pages: [String: String]?
        if let n = f["pages"] {
            if let entries = ctx.entries(n, "'pages' of the edition", expected: "a mapping of page ids to seed files") {
                var found: [String: String] = [:]
                for (key, value) in entries {
                    ctx.declare(.page, key)
                    if let path = ctx.text(value, "the file of page '\(key.value)'") { found[key.value] = path.value }
                }
                pages = found
            } else {
                ctx.unavailable.insert(.page)
            }
        } else {
            ctx.unavailable.insert(.page)
        }

        var currency: (code: String, places: Int)?
        if let n = f["currency"], let c = ctx.fields(n, "'currency' of the edition", required: ["code", "places"]) {
            let code = ctx.text(c, "code"), places = ctx.integer(c, "places")
            if let code, !(code.value.count == 3 && code.value.allSatisfy { $0.isASCII && $0.isUppercase }) {
                ctx.error(.contentInvalidValue, at: code.location, "'code' of the currency must be an ISO 4217 code such as USD, found '\(code.value)'")
            }
            if let places, !(0...6).contains(places), let pn = c["places"] {
                ctx.error(.contentInvalidValue, at: pn.location, "'places' of the currency must be 0 to 6, found \(places)")
            }
            if let code, let places { currency = (code.value, places) }
        }

        var window: Window?
        if let n = f["window"], let w = ctx.fields(n, "'window' of the edition", required: ["length", "unit", "counts_from"], optional: ["request"]) {
            let length = ctx.integer(w, "length")
            if let length, length < 0, let ln = w["length"] {
                ctx.error(.contentInvalidValue, at: ln.location, "'length' of the window must be 0 or more, found \(length)")
            }
            let unit = ctx.choice(w, "unit", as: Window.Unit.self)
            let from = ctx.id(w, "counts_from")
            if let from, let signature = ctx.fact(from.value, at: from.location, "'counts_from' of the window"),
               let type = signature.type, type != .date {
                ctx.error(.contentInvalidValue, at: from.location, "'counts_from' of the window must be a date fact; '\(from.value)' is \(type.rawValue)")
            }
            var request: FactID?
            if let r = ctx.id(w, "request"), let signature = ctx.fact(r.value, at: r.location, "'request' of the window") {
                if let type = signature.type, type != .date {
                    ctx.error(.contentInvalidValue, at: r.location, "'request' of the window must be a date fact; '\(r.value)' is \(type.rawValue)")
                } else {
                    request = r.value
                }
            }
            if let length, let unit, let from {
                window = Window(length: length, unit: unit, countsFrom: from.value, requestFact: request)
            }
        }

        let entry = ctx.reference(f, "entry_table", to: .table)
        let route = ctx.reference(f, "route_table", to: .table)
        var zero: (outcome: String, reason: String)?
        if let n = f["zero_amount"], let z = ctx.fields(n, "'zero_amount' of the edition", required: ["outcome", "reason"]) {
            let outcome = ctx.reference(z, "outcome", to: .outcome), reason = ctx.reference(z, "reason", to: .reason)
            if let outcome, let reason { zero = (outcome.value, reason.value) }
        }

        guard let id, let date, let title, let pages, let currency, let window, let entry, let route, let zero else { return nil }
        return Edition(
            id: id.value, date: date, title: title, pages: pages, currency: currency.code, currencyPlaces: currency.places,
            window: window, entryTable: entry.value, routeTable: route.value, zeroAmountOutcome: zero.outcome,
            zeroAmountReason: zero.reason, location: f.location)
    }
}
