#include "ColumnChooserDialog.h"
#include "query/RunTable.h"

#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

// Metrics a, b; params p, q; tag t (values do not matter to the dialog).
RunTable sampleTable()
{
    RunTable table;
    table.metrics.push_back({ u"a"_s, {} });
    table.metrics.push_back({ u"b"_s, {} });
    table.params.push_back({ u"p"_s, {} });
    table.params.push_back({ u"q"_s, {} });
    table.tags.push_back({ u"t"_s, {} });
    return table;
}

QListWidget* list(const QDialog& dialog, const QString& section)
{
    return dialog.findChild<QListWidget*>(section + u"List"_s);
}

QListWidgetItem* item(const QDialog& dialog, const QString& section, const QString& key)
{
    const auto found = list(dialog, section)->findItems(key, Qt::MatchExactly);
    return found.isEmpty() ? nullptr : found.first();
}

void click(const QDialog& dialog, const QString& buttonName)
{
    QTest::mouseClick(dialog.findChild<QPushButton*>(buttonName), Qt::LeftButton);
}

QStringList shownKeys(const QDialog& dialog, const QString& section)
{
    QStringList keys;
    const QListWidget* widget = list(dialog, section);
    for (int row = 0; row < widget->count(); ++row) {
        if (!widget->item(row)->isHidden())
            keys << widget->item(row)->text();
    }
    return keys;
}

} // namespace

class tst_ColumnChooserDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsKeysWithCounts();
    void allCheckedMeansAll();
    void uncheckingOneMetricListsTheRest();
    void checkingEveryMetricAgainMeansAll();
    void partialChoiceIsShownChecked();
    void tagsFollowTheCurrentChoice();
    void searchFiltersEverySection();
    void selectNoneWithSearchTouchesOnlyMatches();
    void sectionWithoutKeysKeepsTheCurrentChoice();
    void enterAccepts();
};

void tst_ColumnChooserDialog::listsKeysWithCounts()
{
    ColumnChooserDialog dialog(sampleTable(), RunColumnChoice {});
    QCOMPARE(list(dialog, u"metrics"_s)->count(), 2);
    QCOMPARE(list(dialog, u"params"_s)->count(), 2);
    QCOMPARE(list(dialog, u"tags"_s)->count(), 1);
    QCOMPARE(dialog.findChild<QGroupBox*>(u"metricsGroup"_s)->title(), u"Metrics (2)"_s);
    QCOMPARE(dialog.findChild<QGroupBox*>(u"tagsGroup"_s)->title(), u"Tags (1)"_s);
    QCOMPARE(dialog.findChild<QLabel*>(u"tagsCount"_s)->text(), u"0 of 1 selected"_s);
    QVERIFY(dialog.findChild<QLabel*>(u"tagsHint"_s)->text().contains(u"off by default"_s));
}

void tst_ColumnChooserDialog::allCheckedMeansAll()
{
    ColumnChooserDialog dialog(sampleTable(), RunColumnChoice {});
    QCOMPARE(item(dialog, u"metrics"_s, u"a"_s)->checkState(), Qt::Checked);
    const RunColumnChoice choice = dialog.choice();
    QVERIFY(choice.allMetrics);
    QVERIFY(choice.allParams);
    QVERIFY(choice.metrics.isEmpty());
    QVERIFY(choice.tags.isEmpty());
}

void tst_ColumnChooserDialog::uncheckingOneMetricListsTheRest()
{
    ColumnChooserDialog dialog(sampleTable(), RunColumnChoice {});
    item(dialog, u"metrics"_s, u"a"_s)->setCheckState(Qt::Unchecked);

    const RunColumnChoice choice = dialog.choice();
    QVERIFY(!choice.allMetrics);
    QCOMPARE(choice.metrics, QStringList { u"b"_s });
    QVERIFY(choice.allParams);
    QCOMPARE(dialog.findChild<QLabel*>(u"metricsCount"_s)->text(), u"1 of 2 selected"_s);
}

void tst_ColumnChooserDialog::checkingEveryMetricAgainMeansAll()
{
    ColumnChooserDialog dialog(sampleTable(), RunColumnChoice {});
    click(dialog, u"metricsNone"_s);
    QVERIFY(!dialog.choice().allMetrics);
    QVERIFY(dialog.choice().metrics.isEmpty());

    item(dialog, u"metrics"_s, u"b"_s)->setCheckState(Qt::Checked);
    QCOMPARE(dialog.choice().metrics, QStringList { u"b"_s });

    click(dialog, u"metricsAll"_s);
    QVERIFY(dialog.choice().allMetrics);
    QVERIFY(dialog.choice().metrics.isEmpty());
}

void tst_ColumnChooserDialog::partialChoiceIsShownChecked()
{
    RunColumnChoice current;
    current.allParams = false;
    current.params = { u"q"_s };
    ColumnChooserDialog dialog(sampleTable(), current);
    QCOMPARE(item(dialog, u"params"_s, u"p"_s)->checkState(), Qt::Unchecked);
    QCOMPARE(item(dialog, u"params"_s, u"q"_s)->checkState(), Qt::Checked);
    QCOMPARE(dialog.choice().params, QStringList { u"q"_s });
    QVERIFY(!dialog.choice().allParams);
}

void tst_ColumnChooserDialog::tagsFollowTheCurrentChoice()
{
    {
        ColumnChooserDialog dialog(sampleTable(), RunColumnChoice {});
        QCOMPARE(item(dialog, u"tags"_s, u"t"_s)->checkState(), Qt::Unchecked);
        QVERIFY(dialog.choice().tags.isEmpty());
    }
    RunColumnChoice current;
    current.tags = { u"t"_s };
    ColumnChooserDialog dialog(sampleTable(), current);
    QCOMPARE(item(dialog, u"tags"_s, u"t"_s)->checkState(), Qt::Checked);
    QCOMPARE(dialog.choice().tags, QStringList { u"t"_s });
    item(dialog, u"tags"_s, u"t"_s)->setCheckState(Qt::Unchecked);
    QVERIFY(dialog.choice().tags.isEmpty());
}

void tst_ColumnChooserDialog::searchFiltersEverySection()
{
    ColumnChooserDialog dialog(sampleTable(), RunColumnChoice {});
    QTest::keyClicks(dialog.findChild<QLineEdit*>(u"searchEdit"_s), u"Q"_s);

    QCOMPARE(shownKeys(dialog, u"params"_s), QStringList { u"q"_s });
    QVERIFY(shownKeys(dialog, u"metrics"_s).isEmpty());
    QVERIFY(shownKeys(dialog, u"tags"_s).isEmpty());
    QCOMPARE(dialog.findChild<QLabel*>(u"paramsCount"_s)->text(), u"2 of 2 selected · 1 shown"_s);
    const QLabel* emptyState = list(dialog, u"metrics"_s)->viewport()->findChild<QLabel*>();
    QVERIFY(emptyState && !emptyState->isHidden());

    dialog.findChild<QLineEdit*>(u"searchEdit"_s)->clear();
    QCOMPARE(shownKeys(dialog, u"metrics"_s), (QStringList { u"a"_s, u"b"_s }));
    QVERIFY(emptyState->isHidden());
}

void tst_ColumnChooserDialog::selectNoneWithSearchTouchesOnlyMatches()
{
    ColumnChooserDialog dialog(sampleTable(), RunColumnChoice {});
    dialog.findChild<QLineEdit*>(u"searchEdit"_s)->setText(u"q"_s);
    click(dialog, u"paramsNone"_s);

    const RunColumnChoice choice = dialog.choice();
    QVERIFY(!choice.allParams);
    QCOMPARE(choice.params, QStringList { u"p"_s });
    QVERIFY(choice.allMetrics);
}

void tst_ColumnChooserDialog::sectionWithoutKeysKeepsTheCurrentChoice()
{
    RunTable table = sampleTable();
    table.metrics.clear();
    RunColumnChoice current;
    current.allMetrics = false;
    current.metrics = { u"from-another-experiment"_s };
    ColumnChooserDialog dialog(table, current);

    QCOMPARE(list(dialog, u"metrics"_s)->count(), 0);
    QVERIFY(!dialog.choice().allMetrics);
    QCOMPARE(dialog.choice().metrics, current.metrics);
}

void tst_ColumnChooserDialog::enterAccepts()
{
    ColumnChooserDialog dialog(sampleTable(), RunColumnChoice {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    auto* search = dialog.findChild<QLineEdit*>(u"searchEdit"_s);
    search->setFocus();
    QTest::keyClicks(search, u"a"_s);
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

QTEST_MAIN(tst_ColumnChooserDialog)
#include "tst_ColumnChooserDialog.moc"
