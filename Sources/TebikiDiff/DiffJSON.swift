import TebikiEngine
import TebikiModel

/// The diff as JSON for tools: language-free ids and values, every object's keys sorted, arrays in
/// the diff's own stable order, so that the same two models always give the same bytes.
package enum DiffJSON {
    /// The whole diff.
    package static func json(_ diff: ModelDiff) -> JSON {
        object([
            "before": side(diff.before),
            "after": side(diff.after),
            "empty": .bool(diff.isEmpty),
            "scenarios_compared": .number(String(diff.scenariosCompared)),
            "behaviour": .array(diff.behaviour.map(behaviour)),
            "rules": .array(diff.rules.map(table)),
            "formulas": .array(diff.formulas.map { f in
                object(["id": .string(f.id), "kind": .string(f.kind.rawValue), "before": text(f.before), "after": text(f.after)])
            }),
            "settings": .array(diff.settings.map { object(["key": .string($0.key), "before": .string($0.before), "after": .string($0.after)]) }),
            "procedures": .array(diff.procedures.map(procedure)),
            "labels": .array(diff.labels.map { l in
                object(["id": .string(l.id), "kind": .string(l.kind.rawValue), "before_kind": text(l.beforeKind), "after_kind": text(l.afterKind),
                        "before": localized(l.before), "after": localized(l.after)])
            }),
            "products": object(["added": .array(diff.products.added.map(JSON.string)), "removed": .array(diff.products.removed.map(JSON.string))]),
            "texts": .array(diff.texts.map { t in
                object(["domain": .string(t.domain), "id": .string(t.id), "kind": .string(t.kind.rawValue),
                        "before": localized(t.before), "after": localized(t.after)])
            }),
            "old_steps": .array(diff.oldSteps.map(oldSteps)),
        ])
    }

    /// The JSON text, with a final newline.
    package static func text(_ diff: ModelDiff) -> String { json(diff).serialized() + "\n" }

    /// A scenario as `explain`'s JSON input: dates and decimals as strings, keys sorted.
    package static func scenario(_ s: Scenario) -> JSON {
        var members: [String: JSON] = [:]
        for (k, v) in s.values {
            switch v {
            case .boolean(let b): members[k] = .bool(b)
            case .integer(let i): members[k] = .number(String(i))
            case .decimal(let d): members[k] = .string(d.description)
            case .date(let d): members[k] = .string(d.description)
            case .symbol(let x): members[k] = .string(x)
            }
        }
        return object(members)
    }

    static func object(_ members: [String: JSON]) -> JSON { .object(members.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }) }
    private static func text(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }
    private static func localized(_ l: Localized?) -> JSON {
        guard let l else { return .null }
        return object(l.values.mapValues(JSON.string))
    }
    private static func side(_ s: DiffSide) -> JSON { object(["edition": .string(s.edition), "name": .string(s.name)]) }
    private static func answers(_ a: [AnswerRef]) -> JSON {
        // `answer` is the one answer (null when there are several); `answers` lists them all.
        .array(a.map { object(["fact": .string($0.fact), "answer": $0.answers.count == 1 ? .string($0.answer) : .null,
                               "answers": .array($0.answers.map(JSON.string))]) })
    }

    private static func outcome(_ o: SideOutcome) -> JSON {
        switch o {
        case .notCovered(let problems): return object(["status": .string("not-covered"), "problems": .array(problems.map(JSON.string))])
        case .failed(let m): return object(["status": .string("failed"), "problems": .array([.string(m)])])
        case .decided(let d):
            return object([
                "status": .string("decided"), "outcome": .string(d.outcome), "amount": text(d.amount?.decimalString(places: d.places)),
                "route": text(d.route), "channel": text(d.channel), "actions": .array(d.actions.map(JSON.string)),
                "deadline": text(d.deadline?.description), "warnings": .array(d.warnings.map(JSON.string)), "reason": .string(d.reason),
                "rules": .array(d.rules.map(JSON.string)), "procedure": text(d.procedure), "ignored": .array(d.ignored.map(JSON.string)),
            ])
        }
    }

    private static func behaviour(_ b: BehaviourChange) -> JSON {
        object([
            "product": .string(b.product), "aspects": .array(b.aspects.map { .string($0.rawValue) }), "when": answers(b.when),
            "request_day": b.requestDay.map { .number(String($0)) } ?? .null,
            "count": .number(String(b.count)), "example": scenario(b.example), "before": outcome(b.before), "after": outcome(b.after),
        ])
    }

    private static func field(_ f: FieldChange) -> JSON { object(["name": .string(f.name), "before": text(f.before), "after": text(f.after)]) }
    private static func citation(_ c: SourceCitation?) -> JSON {
        guard let c else { return .null }
        return object(["page": .string(c.page), "line": .number(String(c.line)), "quote": .string(c.quote), "decision": text(c.decision)])
    }

    private static func table(_ t: TableChange) -> JSON {
        object([
            "id": .string(t.id), "kind": .string(t.kind.rawValue), "before_title": localized(t.beforeTitle), "after_title": localized(t.afterTitle),
            "fields": .array(t.fields.map(field)), "reordered": .bool(t.reordered),
            "rows": .array(t.rows.map { r in
                object(["id": .string(r.id), "kind": .string(r.kind.rawValue), "cells": .array(r.cells.map(field)),
                        "outputs": .array(r.outputs.map(field)), "before_source": citation(r.beforeSource), "after_source": citation(r.afterSource)])
            }),
        ])
    }

    private static func procedure(_ p: ProcedureChange) -> JSON {
        object([
            "product": .string(p.product), "before_procedure": text(p.beforeProcedure), "after_procedure": text(p.afterProcedure),
            "when": answers(p.when), "count": .number(String(p.count)),
            "before_actions": .array(p.beforeActions.map(JSON.string)), "after_actions": .array(p.afterActions.map(JSON.string)),
            "actions": .array(p.actions.map { object(["action": .string($0.action), "kind": .string($0.kind.rawValue), "follows": text($0.follows)]) }),
            "steps": .array(p.steps.map { object(["action": .string($0.action), "kind": .string($0.kind.rawValue),
                                                  "before": localized($0.before), "after": localized($0.after)]) }),
        ])
    }

    private static func oldSteps(_ f: OldStepsFinding) -> JSON {
        var members: [String: JSON] = [
            "product": .string(f.product), "procedure": .string(f.procedure), "actions": .array(f.actions.map(JSON.string)),
            "when": answers(f.when), "count": .number(String(f.count)), "example": scenario(f.example),
        ]
        switch f.problem {
        case .missingProcedure: members["problem"] = .string("missing-procedure")
        case .actionNotPossible(let a): members["problem"] = .string("action-not-possible"); members["action"] = .string(a)
        case .requirementUnmet(let machine, let state, let required, let missing):
            members["problem"] = .string("requirement-unmet")
            members["machine"] = .string(machine); members["state"] = .string(state)
            members["required"] = .array(required.map(JSON.string)); members["missing"] = .array(missing.map(JSON.string))
        }
        return object(members)
    }
}
