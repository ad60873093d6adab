#include "LineageGraphView.h"
#include "LineageNodeItem.h"
#include "LineagePage.h"
#include "LineageScene.h"
#include "StoreSession.h"
#include "lineage/LineageIds.h"
#include "lineage/LineageSelection.h"

#include "FixtureManifest.h"
#include "TestFixtures.h"

#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

#include <memory>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

constexpr int layoutTimeoutMs = 60000;

struct PageFixture
{
    QTemporaryDir cacheDir;
    QTemporaryDir journalDir;
    std::unique_ptr<StoreSession> session;
    std::unique_ptr<LineagePage> page;

    LineageGraphView* view() const { return page->graphView(); }
    QTextBrowser* details() const { return page->findChild<QTextBrowser*>(u"detailsBrowser"_s); }
    QLineEdit* search() const { return page->findChild<QLineEdit*>(u"searchEdit"_s); }
    template<typename T> T* in(const QString& name) const { return page->findChild<T*>(name); }
    QString selectedLabel() const
    {
        const int n = view()->selectedNode();
        return n < 0 ? QString() : page->shownGraph()->node(n).label;
    }
};

std::unique_ptr<PageFixture> openPage()
{
    auto fixture = std::make_unique<PageFixture>();
    fixture->session
        = std::make_unique<StoreSession>(SessionOptions { fixture->cacheDir.path(), fixture->journalDir.path() });
    fixture->page = std::make_unique<LineagePage>(fixture->session.get());
    fixture->page->resize(1200, 760);
    fixture->page->show();
    auto location = StoreLocation::fromArgument(sharedFileStore(), QDir::currentPath());
    if (!location)
        qFatal("fixture store not found");
    fixture->session->open(*location);
    return fixture;
}

bool settled(const PageFixture& f)
{
    return f.page->shownGraph() && !f.page->isBusy() && !f.session->isSyncing();
}

} // namespace

// The Lineage page, offscreen over the shared MLflow 3 fixture: it lays the whole graph out,
// search selects a node, focus shows only the neighbourhood asked for, clicking a node fills
// the details pane, and a path between two nodes is highlighted.
class tst_LineagePage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void laysOutTheWholeStore()
    {
        auto f = openPage();
        QTRY_VERIFY_WITH_TIMEOUT(settled(*f), layoutTimeoutMs);
        QVERIFY(f->page->wholeGraph());
        // Users are left out until asked for; everything else is drawn.
        const qsizetype withoutUsers = LineageSelection::withoutAgents(*f->page->wholeGraph()).nodes().size();
        QVERIFY(withoutUsers < f->page->wholeGraph()->nodes().size());
        QCOMPARE(f->page->shownGraph()->nodes().size(), withoutUsers);
        QCOMPARE(f->view()->nodeCount(), withoutUsers);
        QVERIFY(f->view()->nodeCount() > 40);
        f->in<QCheckBox>(u"usersCheck"_s)->setChecked(true);
        QTRY_VERIFY_WITH_TIMEOUT(
            settled(*f) && f->view()->nodeCount() == f->page->wholeGraph()->nodes().size(), layoutTimeoutMs);
        QCOMPARE(f->page->shownGraph()->edges().size(), f->page->wholeGraph()->edges().size());
    }

    void searchSelectsANode()
    {
        auto f = openPage();
        QTRY_VERIFY_WITH_TIMEOUT(settled(*f), layoutTimeoutMs);
        f->search()->setText(u"LOGREG-fin"_s);
        QTest::keyClick(f->search(), Qt::Key_Return);
        QCOMPARE(f->selectedLabel(), u"logreg-final"_s);
        const QString runId
            = readObject(u"mlflow/manifest-filestore.json"_s)[u"runs"_s][u"logreg-final"_s][u"run_id"_s].toString();
        QVERIFY2(f->details()->toPlainText().contains(runId), qPrintable(f->details()->toPlainText()));
        f->search()->setText(u"no such node anywhere"_s);
        QTest::keyClick(f->search(), Qt::Key_Return);
        QCOMPARE(f->in<QLabel>(u"searchStatus"_s)->text(), u"No match"_s);
    }

    void focusShowsOnlyTheNeighbourhood()
    {
        auto f = openPage();
        QTRY_VERIFY_WITH_TIMEOUT(settled(*f), layoutTimeoutMs);
        const int whole = int(LineageSelection::withoutAgents(*f->page->wholeGraph()).nodes().size());
        f->in<QSpinBox>(u"upstreamSpin"_s)->setValue(1);
        f->in<QSpinBox>(u"downstreamSpin"_s)->setValue(1);
        const QString version = LineageIds::modelVersion(u"iris-classifier"_s, 2);
        f->page->showNode(version);
        const LineageGraph expected = LineageSelection::withoutAgents(
            LineageSelection::around(*f->page->wholeGraph(), { f->page->wholeGraph()->indexOf(version) }, 1, 1));
        QTRY_VERIFY_WITH_TIMEOUT(settled(*f) && f->view()->nodeCount() == expected.nodes().size(), layoutTimeoutMs);
        QVERIFY(f->view()->nodeCount() < whole);
        QCOMPARE(f->selectedLabel(), u"iris-classifier v2"_s);
        QVERIFY(f->page->shownGraph()->indexOf(LineageIds::deployment(u"iris-classifier"_s, u"alias"_s, u"champion"_s))
            >= 0);
        const int oneHop = f->view()->nodeCount();
        f->in<QSpinBox>(u"upstreamSpin"_s)->setValue(3);
        QTRY_VERIFY_WITH_TIMEOUT(settled(*f) && f->view()->nodeCount() > oneHop, layoutTimeoutMs);
        bool hasRun = false;
        for (const LineageNode& n : f->page->shownGraph()->nodes())
            hasRun = hasRun || n.kind == LineageNodeKind::Run;
        QVERIFY(hasRun);
        f->in<QCheckBox>(u"focusCheck"_s)->setChecked(false);
        QTRY_VERIFY_WITH_TIMEOUT(settled(*f) && f->view()->nodeCount() == whole, layoutTimeoutMs);
    }

    void clickingANodeFillsTheDetails()
    {
        auto f = openPage();
        QTRY_VERIFY_WITH_TIMEOUT(settled(*f), layoutTimeoutMs);
        const QJsonObject manifest = readObject(u"mlflow/manifest-filestore.json"_s);
        const QString runId = manifest[u"runs"_s][u"rf-final"_s][u"run_id"_s].toString();
        const int index = f->page->shownGraph()->indexOf(LineageIds::run(runId));
        QVERIFY(index >= 0);
        LineageNodeItem* item = f->view()->lineageScene()->nodeItem(index);
        f->view()->centerOn(item);
        const QPoint at = f->view()->mapFromScene(item->sceneBoundingRect().center());
        QTest::mouseClick(f->view()->viewport(), Qt::LeftButton, {}, at);
        QTRY_COMPARE(f->view()->selectedNode(), index);
        const QString text = f->details()->toPlainText();
        QVERIFY2(text.contains(u"Run: rf-final"_s), qPrintable(text));
        QVERIFY(text.contains(runId));
        QVERIFY(text.contains(u"iris-classifier"_s)); // the experiment
        QVERIFY(text.contains(u"Open in Runs"_s));
        // The run's parameters and latest metrics follow, read from the cache.
        QTRY_VERIFY_WITH_TIMEOUT(f->details()->toPlainText().contains(u"Parameters"_s), layoutTimeoutMs);
        const QString facts = f->details()->toPlainText();
        QVERIFY2(facts.contains(u"val_accuracy"_s) && facts.contains(u"test_accuracy"_s), qPrintable(facts));
    }

    void aDeepLinkHighlightsAPath()
    {
        auto f = openPage();
        const QString digest
            = readObject(u"mlflow/manifest-filestore.json"_s)[u"datasets"_s][u"iris-train"_s][u"digest"_s].toString();
        QTRY_VERIFY_WITH_TIMEOUT(settled(*f), layoutTimeoutMs);
        QString datasetId;
        for (const LineageNode& node : f->page->shownGraph()->nodes()) {
            if (node.property(u"digest"_s) == digest)
                datasetId = node.id;
        }
        const QString champion = LineageIds::deployment(u"iris-classifier"_s, u"alias"_s, u"champion"_s);
        f->page->showPath(datasetId, champion);
        const QList<int> path = f->view()->lineageScene()->highlightedPath();
        QCOMPARE(path.size(), 5);
        QCOMPARE(f->page->shownGraph()->node(path.first()).id, datasetId);
        QCOMPARE(f->page->shownGraph()->node(path.last()).id, champion);
        QCOMPARE(f->in<QLabel>(u"searchStatus"_s)->text(), u"Path of 4 hop(s)"_s);
        f->page->showPath(champion, u"run:no-such-run"_s);
        QVERIFY(f->view()->lineageScene()->highlightedPath().isEmpty());
        QCOMPARE(f->in<QLabel>(u"searchStatus"_s)->text(), u"No path between these nodes"_s);
    }

    void aPathBetweenTwoNodesIsHighlighted()
    {
        auto f = openPage();
        QTRY_VERIFY_WITH_TIMEOUT(settled(*f), layoutTimeoutMs);
        const auto graph = f->page->shownGraph();
        const QString digest
            = readObject(u"mlflow/manifest-filestore.json"_s)[u"datasets"_s][u"iris-train"_s][u"digest"_s].toString();
        int dataset = -1;
        for (int n = 0; n < graph->nodes().size(); ++n) {
            if (graph->node(n).property(u"digest"_s) == digest)
                dataset = n;
        }
        const int champion = graph->indexOf(LineageIds::deployment(u"iris-classifier"_s, u"alias"_s, u"champion"_s));
        QVERIFY(dataset >= 0 && champion >= 0);
        f->view()->selectNode(dataset);
        f->in<QToolButton>(u"pathButton"_s)->setChecked(true);
        f->view()->selectNode(champion);
        const QList<int> path = f->view()->lineageScene()->highlightedPath();
        QCOMPARE(path.size(), 5); // dataset, run, logged model, version, alias
        QCOMPARE(path.first(), dataset);
        QCOMPARE(path.last(), champion);
        QVERIFY(f->view()->lineageScene()->nodeItem(path.at(2))->isHighlighted());
    }
};

QTEST_MAIN(tst_LineagePage)
#include "tst_LineagePage.moc"
