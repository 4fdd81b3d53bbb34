/// The console elements every product's steps share (the order refund pages, dialogs, buttons).
/// Only those the generated texts name are written, so that no element is declared in vain.
enum SharedGlossary {
    static let elements: [(id: String, kind: String, label: Words, untitled: Bool)] = [
        ("PG-ORDERREFUND", "page", Words("注文の返金管理", "Order Refund Management"), false),
        ("TB-ORDERREFUND", "tab", Words("注文の返金管理", "Order Refund Management"), false),
        ("COL-ACTIONS", "column", Words("操作", "Actions"), false),
        ("COL-STATUS", "column", Words("ステータス", "Status"), false),
        ("BTN-REFUND", "button", Words("払い戻し", "Refund"), false),
        ("BTN-OK", "button", Words("OK", "OK"), false),
        ("BTN-CONFIRM", "button", Words("確認", "Confirm"), false),
        ("BTN-CANCELAPP", "button", Words("申請のキャンセル", "Cancel Application"), false),
        ("BTN-CANCEL", "button", Words("キャンセル", "Cancel"), false),
        ("MNU-MORE", "menu", Words("その他", "More"), false),
        ("BTN-REVOKE", "menu-item", Words("失効", "Revoke"), false),
        ("BTN-CONTREVOKE", "button", Words("失効を続行", "Continue Revocation"), false),
        ("BTN-DELETE", "button", Words("削除", "Delete"), false),
        ("BTN-CONFIRMDELETE", "button", Words("リスクフリーを確認して削除", "Confirm the Risk and Delete"), false),
        ("BTN-RESET", "button", Words("リセット", "Reset"), false),
        ("BTN-MORE-ICON", "icon", Words("その他", "More"), true),
        ("MNU-POPUP", "menu", Words("ポップアップメニュー", "pop-up menu"), true),
        ("DLG-REFUNDAPP", "dialog", Words("返金申請", "Refund Application"), false),
        ("DLG-TIP", "dialog", Words("ヒント", "Tip"), false),
        ("DLG-REVOKE", "panel", Words("証明書の失効", "Revoke Certificate"), false),
        ("DLG-RESET", "dialog", Words("表示されるダイアログボックス", "dialog box that appears"), true),
        ("CHK-RESETCONFIRM", "checkbox", Words("リセットのリスクを理解しました", "I understand the risks of the reset"), false),
        ("MSG-REFUND-BLOCKED", "message", Words("リソースがリリースされていないため返金できない", "the refund cannot be made because the resources are not released"), false),
        ("ST-ORDER-REFUNDED", "status", Words("払い戻し成功", "Refunded"), false),
    ]

    /// The shared elements that `texts` name, as `{ID}` placeholders or `status: ID` references.
    static func used(in texts: [String]) -> [String] {
        var named = Set<String>()
        for text in texts {
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "{") {
                let after = rest[rest.index(after: open)...]
                guard let close = after.firstIndex(of: "}") else { break }
                named.insert(String(after[..<close]))
                rest = after[after.index(after: close)...]
            }
            for line in text.split(separator: "\n") {
                if let range = line.firstRange(of: "status: ") { named.insert(line[range.upperBound...].trimmingCharacters(in: " }")) }
            }
        }
        return elements.filter { named.contains($0.id) }.map { element in
            ProductParts.element(element.id, element.kind, element.label, note: "SYNTHETIC (from the real glossary)", untitled: element.untitled)
        }
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var s = self
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return String(s)
    }
}
