#include "store/file/PyYamlWriter.h"

#include "TestFixtures.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;

// PyYamlWriter against what the real PyYAML (libyaml's CSafeDumper, called as MLflow calls it)
// wrote for the same values: tests/data/pyyaml/meta-yaml-vectors.json, made by
// make_vectors.py beside it. Byte for byte, so that a meta.yaml Provenance rewrites is the one
// MLflow would have written.
class tst_PyYamlWriter : public QObject
{
    Q_OBJECT

private:
    static QJsonArray vectors(const QString& kind)
    {
        return TestFixtures::readJson(TestFixtures::dataPath(u"pyyaml/meta-yaml-vectors.json"_s))
            .object()
            .value(kind)
            .toArray();
    }

private Q_SLOTS:
    void scalars_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QByteArray>("expected");
        const QJsonArray all = vectors(u"scalars"_s);
        QVERIFY(all.size() > 300);
        for (qsizetype i = 0; i < all.size(); ++i) {
            const QJsonObject v = all[i].toObject();
            QTest::addRow("%d", int(i)) << v.value(u"value"_s) << v.value(u"yaml"_s).toString().toUtf8();
        }
    }
    void scalars()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QByteArray, expected);
        const std::optional<QString> text = value.isNull() ? std::nullopt : std::optional<QString>(value.toString());
        QCOMPARE(PyYamlWriter::scalarEntry(u"description"_s, text), expected);
    }

    void maps()
    {
        const QJsonArray all = vectors(u"maps"_s);
        QVERIFY(!all.isEmpty());
        for (const QJsonValue& v : all) {
            const QJsonObject object = v.toObject().value(u"value"_s).toObject();
            PyYamlWriter::StringMap map;
            for (auto it = object.begin(); it != object.end(); ++it)
                map.append({ it.key(), it.value().toString() });
            std::sort(map.begin(), map.end());
            QCOMPARE(
                PyYamlWriter::stringMapEntry(u"aliases"_s, map), v.toObject().value(u"yaml"_s).toString().toUtf8());
        }
    }

    void lists()
    {
        const QJsonArray all = vectors(u"lists"_s);
        QVERIFY(!all.isEmpty());
        for (const QJsonValue& v : all) {
            QStringList items;
            for (const QJsonValue& item : v.toObject().value(u"value"_s).toArray())
                items << item.toString();
            QCOMPARE(
                PyYamlWriter::stringListEntry(u"aliases"_s, items), v.toObject().value(u"yaml"_s).toString().toUtf8());
        }
    }

    void integers()
    {
        for (const QJsonValue& v : vectors(u"integers"_s)) {
            QCOMPARE(
                PyYamlWriter::integerEntry(u"last_updated_timestamp"_s, v.toObject().value(u"value"_s).toInteger()),
                v.toObject().value(u"yaml"_s).toString().toUtf8());
        }
    }
};

QTEST_GUILESS_MAIN(tst_PyYamlWriter)
#include "tst_PyYamlWriter.moc"
