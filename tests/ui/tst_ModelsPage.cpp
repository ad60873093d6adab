#include "BindingHistoryPanel.h"
#include "BindingTimelineView.h"
#include "ModelCardEditor.h"
#include "ModelCardPanel.h"
#include "ModelsPage.h"
#include "StoreSession.h"
#include "VersionTrendPanel.h"
#include "itemmodels/RegistryTreeModel.h"
#include "journal/CardDraftStore.h"
#include "journal/JournalDatabase.h"
#include "lineage/LineageIds.h"
#include "registry/ModelCardTags.h"

#include "MlflowTestServer.h"
#include "TestFixtures.h"
#include "store/rest/RestOptions.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTreeView>

#include <memory>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

const QString logregRunId = u"ad872d587b1a4f2e8985d41f578d6b70"_s;
constexpr int syncTimeoutMs = 60000;

// A session over `storePath` with its cache in a scratch folder, and the page under test.
struct PageFixture
{
    QTemporaryDir cacheDir;
    QTemporaryDir journalDir;
    std::unique_ptr<StoreSession> session;
    std::unique_ptr<ModelsPage> page;
    std::unique_ptr<QAbstractItemModelTester> tester;

    QTreeView* tree() const { return page->findChild<QTreeView*>(u"modelTree"_s); }
    QTextBrowser* details() const { return page->findChild<QTextBrowser*>(u"detailsBrowser"_s); }
    QLineEdit* filter() const { return page->findChild<QLineEdit*>(u"filterEdit"_s); }
    QString detailsText() const { return details()->toPlainText(); }
    QLabel* emptyState() const { return tree()->viewport()->findChild<QLabel*>(); }
    QTabWidget* tabs() const { return page->findChild<QTabWidget*>(u"detailTabs"_s); }
    template<typename T> T* in(const QString& name) const { return page->findChild<T*>(name); }
};

std::unique_ptr<PageFixture> openPage(const QString& storePath)
{
    auto fixture = std::make_unique<PageFixture>();
    fixture->session
        = std::make_unique<StoreSession>(SessionOptions { fixture->cacheDir.path(), fixture->journalDir.path() });
    fixture->page = std::make_unique<ModelsPage>(fixture->session.get());
    fixture->tester = std::make_unique<QAbstractItemModelTester>(
        fixture->tree()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    fixture->page->resize(1100, 700);
    fixture->page->show();
    auto location = StoreLocation::fromArgument(storePath, QDir::currentPath());
    if (!location)
        qFatal("fixture store not found: %s", qPrintable(storePath));
    fixture->session->open(*location);
    return fixture;
}

// Clicks the first link in the details pane whose target starts with `hrefPrefix`.
bool clickLink(QTextBrowser* browser, const QString& hrefPrefix)
{
    for (QTextBlock block = browser->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.charFormat().isAnchor() || !fragment.charFormat().anchorHref().startsWith(hrefPrefix))
                continue;
            QTextCursor cursor(browser->document());
            cursor.setPosition(fragment.position() + fragment.length() / 2);
            browser->setTextCursor(cursor);
            browser->ensureCursorVisible();
            const QPoint at = browser->cursorRect(cursor).center();
            QTest::mouseClick(browser->viewport(), Qt::LeftButton, {}, at);
            return true;
        }
    }
    return false;
}

QString copyOfFixture(const QTemporaryDir& dir)
{
    const QString store = dir.filePath(u"mlruns"_s);
    if (!TestFixtures::copyTree(TestFixtures::dataPath(u"mlflow/mlruns"_s), store))
        qFatal("could not copy the fixture store");
    return store;
}

} // namespace

class tst_ModelsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsRegisteredModelsExpanded();
    void showVersionSelectsAndDescribesIt();
    void showVersionBeforeLoadingIsKept();
    void versionDetailsShowLineage();
    void historyTabShowsObservedBindingsAndAnswersQuestions();
    void trendTabPlotsAMetricAcrossVersions();
    void loggedModelLinksBothWays();
    void cardEditsAreKeptAsDraftsAndSavedToTheStore();
    void anOfflineSaveIsPushedOnReconnect();
    void aCardIsSavedToATrackingServerWithTheSessionsCredentials();
    void selectionSurvivesReload();
    void filterMatchesModelNamesIgnoringCase();
    void arrowKeysUpdateDetails();
    void runLinkEmitsRunActivated();
    void versionLinkNavigatesWithinPage();
    void storeTextIsShownNotObeyed();
    void storeWithoutRegistryExplainsIt();
};

void tst_ModelsPage::listsRegisteredModelsExpanded()
{
    auto f = openPage(TestFixtures::dataPath(u"mlflow/mlruns"_s));
    QAbstractItemModel* model = f->tree()->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, syncTimeoutMs);

    QStringList names;
    for (int row = 0; row < 3; ++row) {
        const QModelIndex index = model->index(row, 0);
        names << index.data().toString();
        QVERIFY(f->tree()->isExpanded(index));
    }
    QCOMPARE(names, (QStringList { u"churn-model"_s, u"iris-classifier"_s, u"prévision-ventes-日本"_s }));
    QCOMPARE(model->rowCount(model->index(1, 0)), 3);
    QVERIFY(f->emptyState()->isHidden());
    const QLabel* noSelection = f->details()->viewport()->findChild<QLabel*>();
    QVERIFY(noSelection && !noSelection->isHidden());
    QCOMPARE(noSelection->text(), u"Select a model or version"_s);
    QVERIFY(f->detailsText().isEmpty());
}

void tst_ModelsPage::showVersionSelectsAndDescribesIt()
{
    auto f = openPage(TestFixtures::dataPath(u"mlflow/mlruns"_s));
    QTRY_COMPARE_WITH_TIMEOUT(f->tree()->model()->rowCount(), 3, syncTimeoutMs);

    f->page->showVersion(u"iris-classifier"_s, 2);

    const QModelIndex current = f->tree()->currentIndex();
    QCOMPARE(current.data(RegistryTreeModel::ModelNameRole).toString(), u"iris-classifier"_s);
    QCOMPARE(current.data(RegistryTreeModel::VersionRole).toLongLong(), 2);
    const QString text = f->detailsText();
    QVERIFY2(text.contains(u"iris-classifier · Version 2"_s), qPrintable(text));
    QVERIFY(text.contains(u"Production"_s));
    QVERIFY(text.contains(u"champion"_s));
    QVERIFY(text.contains(u"logreg-final"_s));
    QVERIFY(text.contains(u"m-ada1388fb6e44984821dd1d3f308ff56"_s));
    QVERIFY(text.contains(u"deploy.environment"_s));
    QVERIFY(text.contains(u"Logistic regression C=1.0"_s));
}

void tst_ModelsPage::showVersionBeforeLoadingIsKept()
{
    auto f = openPage(TestFixtures::dataPath(u"mlflow/mlruns"_s));
    f->page->showVersion(u"prévision-ventes-日本"_s, 1);

    QTRY_COMPARE_WITH_TIMEOUT(f->tree()->model()->rowCount(), 3, syncTimeoutMs);
    QCOMPARE(f->tree()->currentIndex().data(RegistryTreeModel::ModelNameRole).toString(), u"prévision-ventes-日本"_s);
    QVERIFY(f->detailsText().contains(u"prévision-ventes-日本 · Version 1"_s));
}

void tst_ModelsPage::versionDetailsShowLineage()
{
    auto f = openPage(TestFixtures::dataPath(u"mlflow/mlruns"_s));
    QTRY_COMPARE_WITH_TIMEOUT(f->tree()->model()->rowCount(), 3, syncTimeoutMs);
    f->page->showVersion(u"iris-classifier"_s, 2);
    const QString text = f->detailsText();
    QVERIFY2(text.contains(u"alice"_s), qPrintable(text)); // trained by
    QVERIFY(text.contains(u"1a3d1fa7bc8960a923b8c1e9392456de3eb13b90"_s)); // code commit
    QVERIFY(text.contains(u"iris-train"_s) && text.contains(u"27c44172"_s)); // dataset and digest
    QVERIFY(text.contains(u"test_accuracy"_s) && text.contains(u"iris-test (e761a872)"_s)); // evaluation metric

    // "Show Lineage" of the version (Ctrl+L) and the lineage links of its alias and datasets.
    const QString version = LineageIds::modelVersion(u"iris-classifier"_s, 2);
    QCOMPARE(f->page->lineageNodeOfSelection(), version);
    QSignalSpy lineage(f->page.get(), &ModelsPage::lineageRequested);
    QVERIFY(clickLink(f->details(), u"lineage:version"_s));
    QVERIFY(clickLink(f->details(), u"lineage:deployment"_s));
    QVERIFY(clickLink(f->details(), u"lineage:dataset"_s));
    QCOMPARE(lineage.count(), 3);
    QCOMPARE(lineage.at(0).at(0).toString(), version);
    QCOMPARE(lineage.at(1).at(0).toString(), LineageIds::deployment(u"iris-classifier"_s, u"alias"_s, u"champion"_s));
    const QString dataset = lineage.at(2).at(0).toString();
    QVERIFY2(dataset.startsWith(u"dataset:"_s) && !dataset.contains(u"%25"_s), qPrintable(dataset));
}

void tst_ModelsPage::historyTabShowsObservedBindingsAndAnswersQuestions()
{
    QTemporaryDir storeDir;
    const QString store = copyOfFixture(storeDir);
    auto f = openPage(store);
    QTRY_COMPARE_WITH_TIMEOUT(f->tree()->model()->rowCount(), 3, syncTimeoutMs);
    const qint64 firstSync = QDateTime::currentMSecsSinceEpoch();
    // MLflow moves the alias between two syncs.
    QFile alias(store + u"/models/iris-classifier/aliases/champion"_s);
    QVERIFY(alias.open(QIODevice::WriteOnly | QIODevice::Truncate) && alias.write("3") == 1);
    alias.close();
    QTest::qWait(20);
    f->session->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(!f->session->isSyncing(), syncTimeoutMs);
    f->page->showVersion(u"iris-classifier"_s, -1);
    f->page->showTab(ModelsPage::Tab::History);

    BindingTimelineView* timeline = f->in<BindingTimelineView>(u"timelineView"_s);
    QTRY_VERIFY(timeline->timeline().lanes.size() == 5); // @challenger, @champion, Production, Staging, Archived
    const TimelineLane& champion = timeline->timeline().lanes.at(1);
    QCOMPARE(champion.label(), u"@champion"_s);
    QCOMPARE(champion.segments.size(), 2);
    QCOMPARE(champion.segments.at(0).version, 2);
    QVERIFY(champion.segments.at(0).nextSight.has_value()); // a gap, not a guess
    QCOMPARE(champion.segments.at(1).version, 3);

    // Which version was champion just after the first sync?
    auto* combo = f->in<QComboBox>(u"bindingCombo"_s);
    combo->setCurrentIndex(combo->findText(u"@champion"_s));
    f->in<QDateTimeEdit>(u"atEdit"_s)->setDateTime(QDateTime::fromMSecsSinceEpoch(firstSync));
    QTest::mouseClick(f->in<QPushButton>(u"askButton"_s), Qt::LeftButton);
    QLabel* answer = f->in<QLabel>(u"answerLabel"_s);
    QTRY_VERIFY(!answer->text().isEmpty());
    QVERIFY2(answer->text().contains(u"version 2"_s), qPrintable(answer->text()));
    QVERIFY(answer->text().contains(u"as observed by the sync at"_s));
    QVERIFY(answer->text().contains(u"moved at some moment in between"_s));
}

void tst_ModelsPage::trendTabPlotsAMetricAcrossVersions()
{
    auto f = openPage(TestFixtures::dataPath(u"mlflow/mlruns"_s));
    QTRY_COMPARE_WITH_TIMEOUT(f->tree()->model()->rowCount(), 3, syncTimeoutMs);
    f->page->showVersion(u"iris-classifier"_s, -1);
    f->page->showTab(ModelsPage::Tab::Trend);
    auto* combo = f->in<QComboBox>(u"trendMetricCombo"_s);
    QVERIFY(combo->findText(u"test_accuracy"_s) >= 0);
    combo->setCurrentText(u"test_accuracy"_s);
    QCOMPARE(f->page->trendPanel()->pointCount(), 3); // v1, v2, v3 each have it
}

void tst_ModelsPage::loggedModelLinksBothWays()
{
    auto f = openPage(TestFixtures::dataPath(u"mlflow/mlruns"_s));
    QTRY_COMPARE_WITH_TIMEOUT(f->tree()->model()->rowCount(), 3, syncTimeoutMs);
    f->page->showVersion(u"iris-classifier"_s, 2);
    QVERIFY(clickLink(f->details(), u"model:"_s));
    QTRY_VERIFY(f->detailsText().startsWith(u"Logged model"_s));
    QVERIFY(f->detailsText().contains(u"logreg-final"_s));
    QVERIFY(f->page->lineageNodeOfSelection().startsWith(u"model:"_s));
    QSignalSpy runs(f->page.get(), &ModelsPage::runActivated);
    QVERIFY(clickLink(f->details(), u"version:"_s)); // back to the version
    QVERIFY(f->detailsText().contains(u"iris-classifier · Version 2"_s));
    QVERIFY(clickLink(f->details(), u"model:"_s));
    QTRY_VERIFY(f->detailsText().startsWith(u"Logged model"_s));
    QVERIFY(clickLink(f->details(), u"run:"_s)); // and to its run
    QCOMPARE(runs.count(), 1);
    QCOMPARE(runs.at(0).at(0).toString(), logregRunId);
}

void tst_ModelsPage::cardEditsAreKeptAsDraftsAndSavedToTheStore()
{
    QTemporaryDir storeDir;
    const QString store = copyOfFixture(storeDir);
    auto f = openPage(store);
    QTRY_COMPARE_WITH_TIMEOUT(f->tree()->model()->rowCount(), 3, syncTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!f->session->isSyncing(), syncTimeoutMs);
    f->page->showVersion(u"churn-model"_s, 2);
    f->page->showTab(ModelsPage::Tab::Card);
    ModelCardEditor* editor = f->page->cardPanel()->editor();
    QTRY_VERIFY(editor->isEnabled());
    auto* owners = qobject_cast<QPlainTextEdit*>(editor->editorFor(u"owners"_s));
    QVERIFY(owners);
    owners->setFocus();
    QTest::keyClicks(owners, u"Risk team <risk@example.com>"_s);

    // Typed, not saved: the journal has it as a draft within moments.
    const auto draftOwners = [&]() -> QString {
        auto journal = JournalDatabase::open(f->session->journalPath(), JournalDatabase::Access::Read);
        if (!journal)
            return {};
        auto draft = CardDraftStore(*journal).load(u"churn-model"_s, 2);
        return draft && *draft ? (*draft)->fields.value(u"owners"_s) : QString();
    };
    QTRY_COMPARE(draftOwners(), u"Risk team <risk@example.com>"_s);
    QVERIFY(!QFile::exists(store + u"/models/churn-model/version-2/tags/provenance.card"_s)); // nothing written yet
    QVERIFY(f->in<QLabel>(u"cardStateLabel"_s)->text().contains(u"Unsaved edits"_s));

    QTest::mouseClick(f->in<QPushButton>(u"saveCardButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(store + u"/models/churn-model/version-2/tags/provenance.card"_s), 20000);
    QFile tag(store + u"/models/churn-model/version-2/tags/provenance.card"_s);
    QVERIFY(tag.open(QIODevice::ReadOnly));
    const auto stored = ModelCardTags::read({ { ModelCardTags::Key, QString::fromUtf8(tag.readAll()) } });
    QCOMPARE(stored.fields.value(u"owners"_s), u"Risk team <risk@example.com>"_s);
    QTRY_VERIFY_WITH_TIMEOUT(f->in<QLabel>(u"cardStateLabel"_s)->text().contains(u"store"_s), 20000);
    QTRY_COMPARE(draftOwners(), QString()); // the draft went with the save
}

void tst_ModelsPage::anOfflineSaveIsPushedOnReconnect()
{
    QTemporaryDir storeDir;
    const QString store = copyOfFixture(storeDir);
    auto f = openPage(store);
    QTRY_COMPARE_WITH_TIMEOUT(f->tree()->model()->rowCount(), 3, syncTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!f->session->isSyncing(), syncTimeoutMs);
    f->page->showVersion(u"churn-model"_s, 1);
    f->page->showTab(ModelsPage::Tab::Card);
    ModelCardEditor* editor = f->page->cardPanel()->editor();
    QTRY_VERIFY(editor->isEnabled());
    QVERIFY(QDir().rename(store, store + u".away"_s)); // the network share is gone
    auto* license = qobject_cast<QLineEdit*>(editor->editorFor(u"license"_s));
    QVERIFY(license);
    QTest::keyClicks(license, u"MIT"_s);
    QTest::mouseClick(f->in<QPushButton>(u"saveCardButton"_s), Qt::LeftButton);
    QLabel* state = f->in<QLabel>(u"cardStateLabel"_s);
    QTRY_VERIFY_WITH_TIMEOUT(state->text().contains(u"queued"_s), 20000);
    QLabel* queue = f->in<QLabel>(u"queueLabel"_s);
    QTRY_VERIFY(queue->isVisible() && queue->text().contains(u"1 change waiting"_s));

    QVERIFY(QDir().rename(store + u".away"_s, store)); // back
    f->session->syncNow();
    const QString tag = store + u"/models/churn-model/version-1/tags/provenance.card"_s;
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(tag), syncTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!queue->isVisible(), syncTimeoutMs);
    QFile file(tag);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(
        ModelCardTags::read({ { ModelCardTags::Key, QString::fromUtf8(file.readAll()) } }).fields.value(u"license"_s),
        u"MIT"_s);
}

// Credentials typed in the app (Connect to Server, sign-in) reach the save as well as the sync.
void tst_ModelsPage::aCardIsSavedToATrackingServerWithTheSessionsCredentials()
{
    QString error;
    auto server = MlflowTestServer::start(TestFixtures::dataPath(u"mlflow/sqlite/mlflow.db"_s), &error);
    QVERIFY2(server, qPrintable(error));
    server->requireAuthorization("Bearer typed-token");
    auto location = StoreLocation::fromArgument(server->url(), QString());
    QVERIFY(location);
    auto f = std::make_unique<PageFixture>();
    f->session = std::make_unique<StoreSession>(SessionOptions { f->cacheDir.path(), f->journalDir.path() });
    f->page = std::make_unique<ModelsPage>(f->session.get());
    f->page->resize(1100, 700);
    f->page->show();
    RestOptions typed = RestOptions::fromEnvironment(*location);
    typed.token = u"typed-token"_s;
    f->session->setServerOptions(location->uri, typed);
    f->session->open(*location);
    QTRY_COMPARE_WITH_TIMEOUT(f->tree()->model()->rowCount(), 3, syncTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!f->session->isSyncing(), syncTimeoutMs);
    f->page->showVersion(u"churn-model"_s, 1);
    f->page->showTab(ModelsPage::Tab::Card);
    ModelCardEditor* editor = f->page->cardPanel()->editor();
    QTRY_VERIFY(editor->isEnabled());
    auto* license = qobject_cast<QLineEdit*>(editor->editorFor(u"license"_s));
    QVERIFY(license);
    QTest::keyClicks(license, u"MIT"_s);
    QTest::mouseClick(f->in<QPushButton>(u"saveCardButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(f->in<QLabel>(u"cardStateLabel"_s)->text(), u"Saved to the store."_s, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!f->session->isSyncing(), syncTimeoutMs); // the save is read back
    QString card;
    for (const RegisteredModel& m : server->content().registry()) {
        for (const ModelVersion& v : m.versions) {
            for (const KeyValue& tag : v.tags) {
                if (m.name == u"churn-model"_s && v.version == 1 && tag.key == ModelCardTags::Key)
                    card = tag.value;
            }
        }
    }
    QCOMPARE(ModelCardTags::read({ { ModelCardTags::Key, card } }).fields.value(u"license"_s), u"MIT"_s);
}

void tst_ModelsPage::selectionSurvivesReload()
{
    auto f = openPage(TestFixtures::dataPath(u"mlflow/mlruns"_s));
    QTRY_COMPARE_WITH_TIMEOUT(f->tree()->model()->rowCount(), 3, syncTimeoutMs);
    f->page->showVersion(u"churn-model"_s, 2);
    QSignalSpy resets(f->tree()->model(), &QAbstractItemModel::modelReset);

    f->session->syncNow();

    QTRY_VERIFY_WITH_TIMEOUT(resets.count() >= 1, syncTimeoutMs);
    const QModelIndex current = f->tree()->currentIndex();
    QCOMPARE(current.data(RegistryTreeModel::ModelNameRole).toString(), u"churn-model"_s);
    QCOMPARE(current.data(RegistryTreeModel::VersionRole).toLongLong(), 2);
    QVERIFY(f->detailsText().contains(u"churn-model · Version 2"_s));
}

void tst_ModelsPage::filterMatchesModelNamesIgnoringCase()
{
    auto f = openPage(TestFixtures::dataPath(u"mlflow/mlruns"_s));
    QAbstractItemModel* model = f->tree()->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, syncTimeoutMs);

    QTest::keyClicks(f->filter(), u"IRIS"_s);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, 0).data().toString(), u"iris-classifier"_s);
    QCOMPARE(model->rowCount(model->index(0, 0)), 3); // a matching model keeps its versions
    QVERIFY(f->tree()->isExpanded(model->index(0, 0)));

    f->filter()->setText(u"日本"_s);
    QCOMPARE(model->rowCount(), 1);

    f->filter()->setText(u"no-such-model"_s);
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(!f->emptyState()->isHidden());
    QVERIFY(f->emptyState()->text().contains(u"no-such-model"_s));

    f->filter()->clear();
    QCOMPARE(model->rowCount(), 3);
    QVERIFY(f->emptyState()->isHidden());
}

void tst_ModelsPage::arrowKeysUpdateDetails()
{
    auto f = openPage(TestFixtures::dataPath(u"mlflow/mlruns"_s));
    QTreeView* tree = f->tree();
    QTRY_COMPARE_WITH_TIMEOUT(tree->model()->rowCount(), 3, syncTimeoutMs);
    tree->setFocus();
    tree->setCurrentIndex(tree->model()->index(0, 0));
    QVERIFY(f->detailsText().startsWith(u"churn-model"_s));

    QTest::keyClick(tree, Qt::Key_Down);
    QVERIFY(f->detailsText().contains(u"churn-model · Version 1"_s));
    QTest::keyClick(tree, Qt::Key_Down);
    QVERIFY(f->detailsText().contains(u"churn-model · Version 2"_s));
}

void tst_ModelsPage::runLinkEmitsRunActivated()
{
    auto f = openPage(TestFixtures::dataPath(u"mlflow/mlruns"_s));
    QTRY_COMPARE_WITH_TIMEOUT(f->tree()->model()->rowCount(), 3, syncTimeoutMs);
    f->page->showVersion(u"iris-classifier"_s, 2);
    QSignalSpy activated(f->page.get(), &ModelsPage::runActivated);

    QVERIFY(clickLink(f->details(), u"run:"_s));

    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), logregRunId);
}

void tst_ModelsPage::versionLinkNavigatesWithinPage()
{
    auto f = openPage(TestFixtures::dataPath(u"mlflow/mlruns"_s));
    QTRY_COMPARE_WITH_TIMEOUT(f->tree()->model()->rowCount(), 3, syncTimeoutMs);
    f->page->showVersion(u"prévision-ventes-日本"_s, -1);
    QVERIFY(f->detailsText().startsWith(u"prévision-ventes-日本"_s));

    QVERIFY(clickLink(f->details(), u"version:"_s));

    QCOMPARE(f->tree()->currentIndex().data(RegistryTreeModel::VersionRole).toLongLong(), 1);
    QVERIFY(f->detailsText().contains(u"prévision-ventes-日本 · Version 1"_s));
}

void tst_ModelsPage::storeTextIsShownNotObeyed()
{
    QTemporaryDir storeDir;
    const QString store = copyOfFixture(storeDir);
    QFile tag(store + u"/models/iris-classifier/version-2/tags/review_note"_s);
    QVERIFY(tag.open(QIODevice::WriteOnly));
    tag.write("<b>bold</b>");
    tag.close();

    auto f = openPage(store);
    QTRY_COMPARE_WITH_TIMEOUT(f->tree()->model()->rowCount(), 3, syncTimeoutMs);
    f->page->showVersion(u"iris-classifier"_s, 2);

    QVERIFY2(f->detailsText().contains(u"<b>bold</b>"_s), qPrintable(f->detailsText()));
}

void tst_ModelsPage::storeWithoutRegistryExplainsIt()
{
    QTemporaryDir storeDir;
    const QString store = copyOfFixture(storeDir);
    QVERIFY(QDir(store + u"/models"_s).removeRecursively());

    auto f = openPage(store);
    QTRY_VERIFY_WITH_TIMEOUT(
        !f->emptyState()->isHidden() && f->emptyState()->text() == u"No registered models in this store"_s,
        syncTimeoutMs);
    QCOMPARE(f->tree()->model()->rowCount(), 0);
    QVERIFY(f->detailsText().contains(u"Registered models are"_s));
    QVERIFY(f->detailsText().contains(u"will show here"_s));
}

QTEST_MAIN(tst_ModelsPage)
#include "tst_ModelsPage.moc"
