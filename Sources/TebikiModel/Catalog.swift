/// Elements kept in content order with lookup by id: the order of the YAML is the order of the guides.
package struct Catalog<Element: Identifiable & Sendable>: Sendable, RandomAccessCollection
where Element.ID: Hashable & Sendable {
    /// The elements in content order.
    package private(set) var elements: [Element]
    private var index: [Element.ID: Int]

    /// Creates a catalog. Later duplicates replace earlier ones in lookups (the loader reports them).
    package init(_ elements: [Element] = []) {
        self.elements = elements
        var index: [Element.ID: Int] = [:]
        for (i, e) in elements.enumerated() where index[e.id] == nil { index[e.id] = i }
        self.index = index
    }

    /// The element with `id`, if any.
    package subscript(id id: Element.ID) -> Element? {
        guard let i = index[id] else { return nil }
        return elements[i]
    }

    /// The position of the element with `id` (the first, for a duplicate id), if any.
    package func position(of id: Element.ID) -> Int? { index[id] }

    /// True when an element has `id`.
    package func contains(id: Element.ID) -> Bool { index[id] != nil }

    /// The ids in content order.
    package var ids: [Element.ID] { elements.map(\.id) }

    /// Appends an element (ignored in lookups when its id is already taken).
    package mutating func append(_ element: Element) {
        if index[element.id] == nil { index[element.id] = elements.count }
        elements.append(element)
    }

    package var startIndex: Int { elements.startIndex }
    package var endIndex: Int { elements.endIndex }
    package subscript(position: Int) -> Element { elements[position] }
}

extension Catalog: Equatable where Element: Equatable {
    package static func == (a: Catalog, b: Catalog) -> Bool { a.elements == b.elements }
}
extension Catalog: Hashable where Element: Hashable {
    package func hash(into hasher: inout Hasher) { hasher.combine(elements) }
}
