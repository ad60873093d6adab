#include "store/file/FileStoreText.h"
#include "store/file/FileStoreYaml.h"

#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

Result<FileStoreYaml> parse(const QByteArray& text)
{
    return FileStoreYaml::parse(std::string_view(text.constData(), size_t(text.size())), u"meta.yaml"_s);
}

} // namespace

// meta.yaml as PyYAML writes it for MLflow, read through yaml-cpp without letting an
// exception out: scalars verbatim, nulls empty, damaged files as Corrupt errors.
class tst_FileStoreYaml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsScalarsAsWritten_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("isNull");

        QTest::newRow("plain") << "v: iris-classifier\n"_ba << u"iris-classifier"_s << false;
        QTest::newRow("quoted number stays text") << "v: '0.8'\n"_ba << u"0.8"_s << false;
        QTest::newRow("None is a stage, not null") << "v: None\n"_ba << u"None"_s << false;
        QTest::newRow("null") << "v: null\n"_ba << QString() << true;
        QTest::newRow("tilde") << "v: ~\n"_ba << QString() << true;
        QTest::newRow("empty value") << "v:\n"_ba << QString() << true;
        QTest::newRow("quoted null is text") << "v: 'null'\n"_ba << u"null"_s << false;
        QTest::newRow("empty string") << "v: ''\n"_ba << QString() << false;
        QTest::newRow("escaped emoji") << "v: \"Pr\\xE9vision \\U0001F4C8\"\n"_ba << u"Prévision 📈"_s << false;
        QTest::newRow("raw UTF-8") << "v: prévision-ventes-日本\n"_ba << u"prévision-ventes-日本"_s << false;
        QTest::newRow("folded JSON string")
            << "v: '{\"a\": 1,\n  \"b\": 2}'\n"_ba << u"{\"a\": 1, \"b\": 2}"_s << false;
        QTest::newRow("a map is not a scalar") << "v: {a: 1}\n"_ba << QString() << false;
        QTest::newRow("a list is not a scalar") << "v: []\n"_ba << QString() << false;
    }

    void readsScalarsAsWritten()
    {
        QFETCH(QByteArray, yaml);
        auto meta = parse(yaml);
        QVERIFY2(meta.ok(), qPrintable(meta.ok() ? QString() : meta.error().describe()));
        QTEST(meta->text("v"), "text");
        QTEST(meta->isNull("v"), "isNull");
        QVERIFY(meta->has("v"));
        QVERIFY(!meta->has("absent"));
        QVERIFY(meta->isNull("absent"));
        QVERIFY(meta->text("absent").isEmpty());
    }

    void readsIntegers_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<qint64>("value");
        QTest::addColumn<bool>("present");

        QTest::newRow("epoch ms") << "v: 1795321786100\n"_ba << 1795321786100LL << true;
        QTest::newRow("quoted 19-digit id") << "v: '642966678904196211'\n"_ba << 642966678904196211LL << true;
        QTest::newRow("negative") << "v: -3\n"_ba << -3LL << true;
        QTest::newRow("null end_time") << "v: null\n"_ba << 0LL << false;
        QTest::newRow("float") << "v: 1.5\n"_ba << 0LL << false;
        QTest::newRow("text") << "v: abc\n"_ba << 0LL << false;
        QTest::newRow("overflow") << "v: 99999999999999999999\n"_ba << 0LL << false;
    }

    void readsIntegers()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(qint64, value);
        QFETCH(bool, present);
        auto meta = parse(yaml);
        QVERIFY(meta.ok());
        QCOMPARE(meta->integer("v").has_value(), present);
        if (present)
            QCOMPARE(*meta->integer("v"), value);
    }

    void readsMaps()
    {
        auto meta = parse("tags:\n  mlflow.data.context: training\n  empty: null\n  n: '3'\naliases: {b: '3', a: '2'}\n"
                          "flavors:\n  sklearn: {code: null}\n  python_function: {}\nlist: [1]\n"_ba);
        QVERIFY(meta.ok());
        const KeyValueList tags = meta->stringMap("tags");
        QCOMPARE(tags.size(), 3);
        QCOMPARE(valueOf(tags, u"mlflow.data.context"), u"training"_s);
        QVERIFY(valueOf(tags, u"empty").isEmpty());
        QCOMPARE(valueOf(tags, u"n"), u"3"_s);
        QCOMPARE(meta->mapKeys("flavors"), QStringList({ u"sklearn"_s, u"python_function"_s }));
        QVERIFY(meta->stringMap("list").isEmpty());
        QVERIFY(meta->mapKeys("absent").isEmpty());
    }

    void rejectsDamagedFiles_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("comment only") << "# nothing\n"_ba;
        QTest::newRow("a scalar") << "hello\n"_ba;
        QTest::newRow("a list") << "- a\n- b\n"_ba;
        QTest::newRow("unclosed flow") << "name: [unclosed\n"_ba;
        QTest::newRow("cut in a quoted value") << "experiment_id: '3070"_ba;
        QTest::newRow("cut in a plain value") << "status: 3\nuser_id: bo"_ba;
        QTest::newRow("bad indentation") << "a: 1\n b: 2\n"_ba;
        QTest::newRow("NUL bytes") << QByteArray("name: a\0b\n", 10);
        QTest::newRow("invalid UTF-8") << "name: \xff\xfe\n"_ba;
        QTest::newRow("overlong UTF-8") << "name: \xc0\xaf\n"_ba;
        QTest::newRow("UTF-16 surrogate in UTF-8") << "name: \xed\xa0\x80\n"_ba;
        QTest::newRow("deep nesting") << QByteArray(100000, '[') + "\n"_ba;
        QTest::newRow("deep block nesting") << QByteArray(20000, '-').replace("-", "- ") + "\n"_ba;
    }

    void rejectsDamagedFiles()
    {
        QFETCH(QByteArray, yaml);
        auto meta = parse(yaml);
        QVERIFY(!meta.ok());
        QCOMPARE(meta.error().code, ErrorCode::Corrupt);
        QCOMPARE(meta.error().location, u"meta.yaml"_s);
        QVERIFY(!meta.error().message.isEmpty());
    }

    void requireNamesTheMissingKey()
    {
        auto meta = parse("artifact_uri: x\nend_time: 1\n"_ba);
        QVERIFY(meta.ok());
        QVERIFY(meta->require({ "artifact_uri", "end_time" }).ok());
        const Status missing = meta->require({ "artifact_uri", "user_id" });
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(u"'user_id'"_s));
    }

    void decodesTextVerbatim()
    {
        QCOMPARE(FileStoreText::decode("  a value\n"), u"  a value\n"_s);
        QCOMPARE(FileStoreText::decode("\xef\xbb\xbf"
                                       "bom"),
            u"\uFEFFbom"_s); // a BOM is part of the value
        QVERIFY(!FileStoreText::decode("").value().isNull()); // empty, not absent
        QString why;
        QVERIFY(!FileStoreText::decode(std::string_view("a\0b", 3), &why));
        QVERIFY(why.contains(u"NUL"_s));
        QVERIFY(!FileStoreText::decode("caf\xe9", &why)); // Latin-1, not UTF-8
        QVERIFY(why.contains(u"UTF-8"_s));
    }
};

QTEST_GUILESS_MAIN(tst_FileStoreYaml)
#include "tst_FileStoreYaml.moc"
