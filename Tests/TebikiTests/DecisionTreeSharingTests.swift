import Testing
@testable import TebikiAnalysis
import TebikiModel

/// The decision tree is made once per question space: the checker's table check and the site's
/// guide read the same one, and it is the tree `TreeBuilder` makes.
@Suite("Decision tree made once")
struct DecisionTreeSharingTests {
    @Test("the space's tree is TreeBuilder's, and a copy of the space reads the same tree")
    func spaceTreeIsTreeBuilders() {
        let space = QuestionSpace(model: realModel)
        let copy = space
        let built = TreeBuilder(space: space).tree()
        #expect(space.decisionTree == built)
        #expect(copy.decisionTree == built)
        #expect(!built.leaves.isEmpty)
    }

    @Test("another model's space has its own tree")
    func spacesDoNotShareTrees() {
        var model = realModel
        var tables = model.tables.elements
        let t = tables.firstIndex { $0.id == "private-ca" }!
        tables[t].rules.removeFirst()
        model.tables = Catalog(tables)
        let space = QuestionSpace(model: realModel), other = QuestionSpace(model: model)
        #expect(space.decisionTree != other.decisionTree)
        #expect(other.decisionTree == TreeBuilder(space: other).tree())
    }
}
