import TebikiModel

/// The glossary of console labels: every element in every language side by side, each label
/// marked with its own language.
struct GlossaryPageMaker {
    static func path(_ language: LanguageID) -> SitePath { SitePath(language: language, key: "glossary") }

    func draft(_ lang: SiteLanguage) -> PageDraft {
        let path = GlossaryPageMaker.path(lang.id)
        let title = lang.s("site.glossary")
        return PageDraft(path: path, title: title) { _ in
            let model = lang.model
            var doc = MarkdownDocument()
            doc.heading(1, title)
            doc.paragraph(lang.md("site.glossary-intro"))
            // The page's language first, then the others in the model's order.
            let languages = [lang.language] + model.languages.filter { $0.id != lang.id }
            let header = [lang.md("site.glossary-kind")] + languages.map { InlineMarker.lang($0.id, InlineMarker.text($0.name)) }
                + [lang.md("site.glossary-note")]
            let rows = model.glossary.map { element -> [String] in
                let kind = lang.md("site.kind." + element.kind.rawValue)
                let note = element.isLabel ? "" : " " + InlineMarker.text(lang.s("site.glossary-not-a-label"))
                // The translators' note is written in English, whatever the page's language.
                let source = element.note.map { InlineMarker.lang("en", InlineMarker.text($0)) } ?? ""
                return [kind + note] + languages.map { l in
                    let text = InlineMarker.text(element.label[l.id])
                    // The bold outside the language mark: `**…**` must touch the text's own punctuation.
                    let marked = InlineMarker.lang(l.id, text)
                    return element.isLabel ? "**" + marked + "**" : marked
                } + [source]
            }
            doc.table(header: header, rows: rows)
            return PageDraft.Body(document: doc)
        }
    }
}
