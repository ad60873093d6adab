#include "lineage/DotExport.h"

#include "lineage/GraphvizText.h"
#include "lineage/LineageIds.h"

#include <QTest>

#include <graphviz/cgraph.h>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

// Names a store may hold that break naive DOT writers.
const QStringList awkwardNames { u"say \"hi\""_s, u"<b>bold</b> & <i>"_s, u"C:\\models\\new\\N"_s, u"two\nlines"_s,
    u"نموذج التصنيف"_s, u"מודל \u202Ereversed"_s, u"trailing\\"_s, u"tab\there"_s };

LineageGraph awkwardGraph()
{
    LineageGraph graph;
    int previous = -1;
    for (const QString& name : awkwardNames) {
        LineageNode node;
        node.id = LineageIds::run(name);
        node.kind = LineageNodeKind::Run;
        node.label = name;
        node.detail = name;
        const int index = graph.addNode(node);
        graph.addEdge(previous, index, LineageEdgeKind::WasInformedBy);
        previous = index;
    }
    return graph;
}

// The text Graphviz draws for a label it read: \n and \\ as it interprets them.
QString drawn(const char* label)
{
    QString text = QString::fromUtf8(label);
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'\\' && i + 1 < text.size()) {
            const QChar next = text.at(++i);
            out += next == u'n' ? QChar(u'\n') : next;
        } else {
            out += text.at(i);
        }
    }
    return out;
}

} // namespace

// DOT export: escaped labels (quotes, HTML, backslashes, newlines, right-to-left text) come
// back from Graphviz's own parser as the text that was meant, on as many nodes and edges.
class tst_DotExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void labelsAreEscaped_data()
    {
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<QString>("expected");
        QTest::newRow("quotes") << QStringList { u"a \"b\""_s } << u"a \\\"b\\\""_s;
        QTest::newRow("backslash escapes") << QStringList { u"x\\N\\G"_s } << u"x\\\\N\\\\G"_s;
        QTest::newRow("newline in a name") << QStringList { u"one\ntwo"_s } << u"one\\ntwo"_s;
        QTest::newRow("two lines") << QStringList { u"name"_s, u"detail"_s } << u"name\\ndetail"_s;
        QTest::newRow("empty detail") << QStringList { u"name"_s, QString() } << u"name"_s;
        QTest::newRow("html stays text") << QStringList { u"<b>x</b>"_s } << u"<b>x</b>"_s;
        QTest::newRow("tab") << QStringList { u"a\tb"_s } << u"a b"_s;
        QTest::newRow("long") << QStringList { QString(60, u'x') } << QString(47, u'x') + QChar(0x2026);
    }

    void labelsAreEscaped()
    {
        QFETCH(QStringList, lines);
        QFETCH(QString, expected);
        QCOMPARE(GraphvizText::label(lines), expected);
    }

    void graphvizReadsBackWhatWasMeant()
    {
        const LineageGraph graph = awkwardGraph();
        const QByteArray dot = DotExport::write(graph);
        Agraph_t* g = agmemread(dot.constData());
        QVERIFY2(g, dot.constData());
        QCOMPARE(agnnodes(g), int(awkwardNames.size()));
        QCOMPARE(agnedges(g), int(awkwardNames.size()) - 1);
        for (const LineageNode& node : graph.nodes()) {
            Agnode_t* n = agnode(g, const_cast<char*>(node.id.toUtf8().constData()), 0);
            QVERIFY2(n, qPrintable(node.id));
            const QString name = QString(node.label).replace(u'\t', u' ');
            const QString meant = name.contains(u'\n') ? name + u'\n' + name : name + u'\n' + name;
            QCOMPARE(drawn(agget(n, const_cast<char*>("label"))), meant);
        }
        agclose(g);
    }
};

QTEST_GUILESS_MAIN(tst_DotExport)
#include "tst_DotExport.moc"
