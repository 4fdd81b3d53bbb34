/// A tidy top-down layout of a tree of boxes: each node's box centred over its children, the
/// rows of one depth top-aligned, subtrees pushed apart only as far as their outlines (contours)
/// require. Each node may carry a label box drawn just above it (the answers on its edge).
/// Coordinates are whole tenths of a pixel, so the result is exact and machine-independent.
package struct TreeLayout: Sendable, Hashable {
    /// What to lay out for one node.
    package struct Item: Sendable, Hashable {
        /// Box size.
        package var width: Int, height: Int
        /// Size of the label above the box (0 × 0 for none).
        package var labelWidth: Int, labelHeight: Int
        /// Indices of the children.
        package var children: [Int]
        /// Creates an item.
        package init(width: Int, height: Int, labelWidth: Int = 0, labelHeight: Int = 0, children: [Int] = []) {
            self.width = width; self.height = height; self.labelWidth = labelWidth; self.labelHeight = labelHeight
            self.children = children
        }
    }

    /// A placed rectangle.
    package struct Rect: Sendable, Hashable {
        package var x: Int, y: Int, width: Int, height: Int
        package var maxX: Int { x + width }
        package var maxY: Int { y + height }
        package var midX: Int { x + width / 2 }
        /// Creates a rectangle.
        package init(x: Int, y: Int, width: Int, height: Int) { self.x = x; self.y = y; self.width = width; self.height = height }
        /// Whether two rectangles share any area (touching edges do not count).
        package func overlaps(_ o: Rect) -> Bool {
            x < o.maxX && o.x < maxX && y < o.maxY && o.y < maxY
        }
    }

    /// Spacing, in tenths of a pixel.
    package struct Spacing: Sendable, Hashable {
        /// Between neighbouring subtrees.
        package var horizontal: Int = 160
        /// From a box's bottom to the line that joins its children.
        package var toBus: Int = 160
        /// From that line to the labels, and from the labels to the boxes.
        package var aroundLabel: Int = 80
        /// Around the whole drawing.
        package var margin: Int = 80
        /// Creates spacing.
        package init() {}
    }

    /// Each node's box, by index.
    package var boxes: [Rect]
    /// Each node's label box (zero-sized for the root and for nodes without a label).
    package var labels: [Rect]
    /// For each depth ≥ 1, the y of the horizontal line joining parents to children.
    package var busY: [Int]
    /// The size of the whole drawing.
    package var width: Int, height: Int

    /// Lays out `items`; `items[0]` is the root, and every other item is the child of exactly one.
    package init(_ items: [Item], spacing: Spacing = Spacing()) {
        let n = items.count
        guard n > 0 else { boxes = []; labels = []; busY = []; width = 0; height = 0; return }
        var depth = [Int](repeating: 0, count: n)
        var order: [Int] = [0]  // pre-order
        var stack = [0]
        while let i = stack.popLast() {
            if i != 0 { order.append(i) }
            for c in items[i].children.reversed() { depth[c] = depth[i] + 1; stack.append(c) }
        }
        let maxDepth = depth.max() ?? 0

        // Rows: per depth, the tallest label band and the tallest box.
        var labelBand = [Int](repeating: 0, count: maxDepth + 1)
        var boxBand = [Int](repeating: 0, count: maxDepth + 1)
        for i in 0..<n {
            labelBand[depth[i]] = max(labelBand[depth[i]], items[i].labelHeight)
            boxBand[depth[i]] = max(boxBand[depth[i]], items[i].height)
        }
        var boxTop = [Int](repeating: 0, count: maxDepth + 1)
        var bus = [Int](repeating: 0, count: maxDepth + 1)
        var y = spacing.margin
        for d in 0...maxDepth {
            if d > 0 {
                y += spacing.toBus
                bus[d] = y
                y += spacing.aroundLabel
                if labelBand[d] > 0 { y += labelBand[d] + spacing.aroundLabel }
            }
            boxTop[d] = y
            y += boxBand[d]
        }

        // Horizontal: each subtree's outline per relative depth, children placed left to right
        // as close as their outlines allow, the parent centred over its first and last child.
        var offset = [Int](repeating: 0, count: n)  // a child's centre relative to its parent's
        var contour = [[(left: Int, right: Int)]](repeating: [], count: n)
        for i in order.reversed() {
            let item = items[i]
            let footprint = max(item.width, item.labelWidth)
            let own = (left: -(footprint / 2), right: footprint - footprint / 2)
            guard !item.children.isEmpty else { contour[i] = [own]; continue }
            var acc: [(left: Int, right: Int)] = []
            var at: [Int] = []
            for c in item.children {
                var shift = at.last ?? 0
                for (d, level) in contour[c].enumerated() where d < acc.count {
                    shift = max(shift, acc[d].right + spacing.horizontal - level.left)
                }
                if acc.isEmpty { shift = 0 }
                at.append(shift)
                for (d, level) in contour[c].enumerated() {
                    let placed = (left: level.left + shift, right: level.right + shift)
                    if d < acc.count { acc[d] = (min(acc[d].left, placed.left), max(acc[d].right, placed.right)) } else { acc.append(placed) }
                }
            }
            let centre = (at.first! + at.last!) / 2
            for (k, c) in item.children.enumerated() { offset[c] = at[k] - centre }
            contour[i] = [own] + acc.map { (left: $0.left - centre, right: $0.right - centre) }
        }

        // Absolute centres, then rectangles.
        let minLeft = contour[0].map(\.left).min() ?? 0
        let maxRight = contour[0].map(\.right).max() ?? 0
        var centre = [Int](repeating: 0, count: n)
        centre[0] = spacing.margin - minLeft
        for i in order { for c in items[i].children { centre[c] = centre[i] + offset[c] } }
        var boxes: [Rect] = []
        var labels: [Rect] = []
        for i in 0..<n {
            let item = items[i], d = depth[i]
            boxes.append(Rect(x: centre[i] - item.width / 2, y: boxTop[d], width: item.width, height: item.height))
            let labelY = boxTop[d] - spacing.aroundLabel - item.labelHeight
            labels.append(Rect(x: centre[i] - item.labelWidth / 2, y: labelY, width: item.labelWidth, height: item.labelHeight))
        }
        self.boxes = boxes
        self.labels = labels
        self.busY = bus
        self.width = maxRight - minLeft + 2 * spacing.margin
        self.height = y + spacing.margin
    }
}
