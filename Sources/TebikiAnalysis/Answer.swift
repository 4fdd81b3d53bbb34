import TebikiModel

/// One answer to a question: a class of values of a fact that the rules treat alike.
///
/// The fields live in one shared, immutable box: every scenario class holds an answer per
/// question, and with a thousand products there are hundreds of thousands of classes (a class's
/// answers take a pointer each, not a copy of every field).
package struct Answer: Sendable, Hashable {
    private final class Storage: Sendable {
        let id: String, test: UnaryTest, sample: FactValue?, label: Localized?, stringKey: String?
        init(id: String, test: UnaryTest, sample: FactValue?, label: Localized?, stringKey: String?) {
            self.id = id; self.test = test; self.sample = sample; self.label = label; self.stringKey = stringKey
        }
    }
    private var storage: Storage

    /// Creates an answer.
    package init(id: String, test: UnaryTest, sample: FactValue?, label: Localized?, stringKey: String?) {
        storage = Storage(id: id, test: test, sample: sample, label: label, stringKey: stringKey)
    }

    /// A short id, stable across builds, for URLs (`issued`, `yes`, `gt-0`, `unknown`).
    package var id: String {
        get { storage.id }
        set { storage = Storage(id: newValue, test: test, sample: sample, label: label, stringKey: stringKey) }
    }
    /// Which values belong to the class.
    package var test: UnaryTest {
        get { storage.test }
        set { storage = Storage(id: id, test: newValue, sample: sample, label: label, stringKey: stringKey) }
    }
    /// A value of the class; nil for "unknown" (no value).
    package var sample: FactValue? {
        get { storage.sample }
        set { storage = Storage(id: id, test: test, sample: newValue, label: label, stringKey: stringKey) }
    }
    /// The answer in words, per language; nil when the tool's own yes/no/unknown words apply.
    package var label: Localized? {
        get { storage.label }
        set { storage = Storage(id: id, test: test, sample: sample, label: newValue, stringKey: stringKey) }
    }
    /// The tool string key for the label when `label` is nil (`answer.yes`).
    package var stringKey: String? {
        get { storage.stringKey }
        set { storage = Storage(id: id, test: test, sample: sample, label: label, stringKey: newValue) }
    }

    /// The identity of the answer's storage (answers made apart have different ones, even when equal).
    var identity: ObjectIdentifier { ObjectIdentifier(storage) }

    package static func == (a: Answer, b: Answer) -> Bool {
        a.storage === b.storage || (a.id == b.id && a.test == b.test && a.sample == b.sample && a.label == b.label && a.stringKey == b.stringKey)
    }

    package func hash(into h: inout Hasher) {
        h.combine(id); h.combine(test); h.combine(sample); h.combine(label); h.combine(stringKey)
    }
}
