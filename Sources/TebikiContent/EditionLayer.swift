/// A file of the edition that another edition extends: what `add`, `replace` and `remove` in the
/// extending edition's file of the same name apply to.
///
/// The base may itself be layered over a further edition (the context knows its own layer).
struct EditionLayer {
    /// The base file's root (nil when the file is empty).
    var node: YNode?
    /// The base file.
    var file: SourceFile
    /// The id of the edition the base file belongs to, for messages.
    var edition: String
}
