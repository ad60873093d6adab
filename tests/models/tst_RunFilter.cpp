#include "cache/CacheWriter.h"
#include "domain/MetricHistory.h"
#include "domain/MlflowTags.h"
#include "query/LikePattern.h"
#include "query/RunFilter.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace prov;

namespace {

QString entityName(FilterEntity entity)
{
    switch (entity) {
    case FilterEntity::Metric:
        return QStringLiteral("metric");
    case FilterEntity::Param:
        return QStringLiteral("param");
    case FilterEntity::Tag:
        return QStringLiteral("tag");
    case FilterEntity::Attribute:
        return QStringLiteral("attribute");
    case FilterEntity::Dataset:
        return QStringLiteral("dataset");
    }
    return {};
}

QString valueText(const FilterValue& value)
{
    if (const auto* text = std::get_if<QString>(&value))
        return u'\'' + *text + u'\'';
    if (const auto* number = std::get_if<double>(&value))
        return std::isinf(*number) ? QStringLiteral("inf") : QString::number(*number);
    if (const auto* ms = std::get_if<qint64>(&value))
        return QString::number(*ms) + QStringLiteral("ms");
    return u'(' + std::get<QStringList>(value).join(u',') + u')';
}

// "metric:acc > 0.9 & param:lr = '0.01'": the parsed filter in a form a test row can spell out.
QString summary(const RunFilter& filter)
{
    QStringList parts;
    for (const FilterComparison& c : filter.comparisons())
        parts << entityName(c.entity) + u':' + c.key + u' ' + filterOperatorName(c.op) + u' ' + valueText(c.value);
    return parts.join(QLatin1String(" & "));
}

MetricHistoryRead history(const QString& key, std::vector<double> values)
{
    std::vector<MetricPoint> points;
    qint64 step = 0;
    for (double value : values) {
        points.push_back(MetricPoint { step, 1000 + step, value });
        ++step;
    }
    return MetricHistoryRead { key, MetricHistory::fromPoints(std::move(points)) };
}

DatasetInput dataset(const QString& name, const QString& digest, const QString& context)
{
    DatasetInput input;
    input.dataset.name = name;
    input.dataset.digest = digest;
    input.dataset.sourceType = QStringLiteral("local");
    if (!context.isEmpty())
        input.tags.append(KeyValue { MlflowTags::DatasetContext, context });
    return input;
}

RunUpdate makeRun(
    const QString& id, const QString& name, RunStatus status, std::optional<qint64> start, std::optional<qint64> end)
{
    RunUpdate update;
    update.stamp.runId = id;
    update.stamp.experimentId = QStringLiteral("1");
    RunInfo& info = update.record.info;
    info.runId = id;
    info.experimentId = QStringLiteral("1");
    info.runName = name;
    info.status = status;
    info.startTime = start;
    info.endTime = end;
    info.artifactUri = QStringLiteral("file:///mlruns/1/") + id + QStringLiteral("/artifacts");
    return update;
}

void addMetrics(RunUpdate& update, QList<MetricHistoryRead> histories)
{
    for (const MetricHistoryRead& read : histories)
        update.record.metrics.append(MetricStamp { read.key, QByteArray("stamp") });
    update.histories = std::move(histories);
}

const double notANumber = std::numeric_limits<double>::quiet_NaN();
const double infinity = std::numeric_limits<double>::infinity();

// Three runs that between them have and lack every key the filters below look at.
QList<RunUpdate> sampleRuns()
{
    RunUpdate a = makeRun(QStringLiteral("a"), QStringLiteral("alpha-One"), RunStatus::Finished, 1000, 2000);
    a.record.info.userId = QStringLiteral("alice");
    a.record.params
        = { { QStringLiteral("lr"), QStringLiteral("0.01") }, { QStringLiteral("opt"), QStringLiteral("Adam") } };
    a.record.tags = { { QStringLiteral("team"), QStringLiteral("vision") },
        { QStringLiteral("mlflow.source.git.commit"), QStringLiteral("abc123") },
        { QStringLiteral("city"), QStringLiteral("ÉCOLE") } };
    addMetrics(a,
        { history(QStringLiteral("acc"), { 0.5, 0.95 }), history(QStringLiteral("val loss"), { 0.1 }),
            history(QStringLiteral("précision"), { 0.8 }) });
    a.record.datasetInputs
        = { dataset(QStringLiteral("mnist"), QStringLiteral("e761a872"), QStringLiteral("training")) };

    RunUpdate b = makeRun(QStringLiteral("b"), QStringLiteral("beta"), RunStatus::Running, 3000, std::nullopt);
    b.record.info.userId = QStringLiteral("bob");
    b.record.params
        = { { QStringLiteral("lr"), QStringLiteral("0.1") }, { QStringLiteral("opt"), QStringLiteral("adam") } };
    b.record.tags
        = { { QStringLiteral("team"), QStringLiteral("NLP") }, { QStringLiteral("city"), QStringLiteral("école") } };
    // acc was 0.99 before its latest value, NaN: only the latest value counts.
    addMetrics(b,
        { history(QStringLiteral("acc"), { 0.99, notANumber }), history(QStringLiteral("val loss"), { 0.3 }),
            history(QStringLiteral("loss/train"), { 2.0, infinity }) });
    b.record.datasetInputs
        = { dataset(QStringLiteral("cifar"), QStringLiteral("ffff0000"), QStringLiteral("evaluation")),
              dataset(QStringLiteral("mnist"), QStringLiteral("e761a872"), QString()) };

    RunUpdate c = makeRun(QStringLiteral("c"), QStringLiteral("Gamma"), RunStatus::Failed, 5000, 6000);
    c.record.info.userId = QStringLiteral("alice");
    c.record.info.lifecycleStage = LifecycleStage::Deleted;
    c.record.params = { { QStringLiteral("pattern"), QStringLiteral("a*b[1]") } };
    addMetrics(c, { history(QStringLiteral("acc"), { 0.9 }) });
    return { a, b, c };
}

} // namespace

class tst_RunFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void parsesMlflowExpressions_data();
    void parsesMlflowExpressions();
    void emptyExpressionMatchesEverything_data();
    void emptyExpressionMatchesEverything();
    void rejectsInvalidExpressions_data();
    void rejectsInvalidExpressions();

    void translatesLikeToGlob_data();
    void translatesLikeToGlob();
    void numbersParametersFromTheGivenIndex();
    void neverSplicesUserTextIntoSql();

    void selectsRuns_data();
    void selectsRuns();
    void composesWithAnOuterQuery();

private:
    QStringList matchingRuns(const RunFilter& filter, QString* error = nullptr);

    QTemporaryDir m_dir;
    std::unique_ptr<CacheWriter> m_cache;
};

void tst_RunFilter::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto cache = CacheWriter::open(m_dir.filePath(QStringLiteral("cache.sqlite")));
    QVERIFY2(cache.ok(), qPrintable(cache ? QString() : cache.error().describe()));
    m_cache = std::move(cache).value();
    QVERIFY(m_cache->begin().ok());
    for (const RunUpdate& run : sampleRuns()) {
        Status s = m_cache->runs().write(run);
        QVERIFY2(s.ok(), qPrintable(s ? QString() : s.error().describe()));
    }
    QVERIFY(m_cache->commit().ok());
}

void tst_RunFilter::parsesMlflowExpressions_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("parsed");

    auto row = [](const char* name, const QString& expression, const QString& parsed) {
        QTest::newRow(name) << expression << parsed;
    };
    // Entity prefixes and their MLflow aliases.
    row("metrics", QStringLiteral("metrics.acc > 0.9"), QStringLiteral("metric:acc > 0.9"));
    row("metric", QStringLiteral("metric.acc >= -1.5e-3"), QStringLiteral("metric:acc >= -0.0015"));
    row("params", QStringLiteral("params.lr = '0.01'"), QStringLiteral("param:lr = '0.01'"));
    row("param double-quoted value", QStringLiteral("param.lr != \"0.01\""), QStringLiteral("param:lr != '0.01'"));
    row("parameters <>", QStringLiteral("parameters.lr <> '1'"), QStringLiteral("param:lr != '1'"));
    row("parameter LIKE", QStringLiteral("parameter.opt LIKE 'ad%'"), QStringLiteral("param:opt LIKE 'ad%'"));
    row("tags", QStringLiteral("tags.team != 'x'"), QStringLiteral("tag:team != 'x'"));
    row("tag ILIKE", QStringLiteral("tag.team ILIKE '%X%'"), QStringLiteral("tag:team ILIKE '%X%'"));
    row("attributes", QStringLiteral("attributes.status = 'FINISHED'"),
        QStringLiteral("attribute:status = 'FINISHED'"));
    row("attribute", QStringLiteral("attribute.user_id = 'me'"), QStringLiteral("attribute:user_id = 'me'"));
    row("attr", QStringLiteral("attr.artifact_uri LIKE 'file:%'"),
        QStringLiteral("attribute:artifact_uri LIKE 'file:%'"));
    row("run", QStringLiteral("run.run_name = 'x'"), QStringLiteral("attribute:run_name = 'x'"));
    row("datasets", QStringLiteral("datasets.digest = 'e761a872'"), QStringLiteral("dataset:digest = 'e761a872'"));
    row("dataset IN", QStringLiteral("dataset.name IN ('mnist', 'cifar')"),
        QStringLiteral("dataset:name IN (mnist,cifar)"));
    row("datasets.context NOT IN", QStringLiteral("datasets.context NOT IN ('training')"),
        QStringLiteral("dataset:context NOT IN (training)"));
    row("backticked entity", QStringLiteral("`metrics`.acc < 1"), QStringLiteral("metric:acc < 1"));

    // Bare attribute names and MLflow's aliases for them.
    row("run_name", QStringLiteral("run_name LIKE '%x%'"), QStringLiteral("attribute:run_name LIKE '%x%'"));
    row("status", QStringLiteral("status = 'RUNNING'"), QStringLiteral("attribute:status = 'RUNNING'"));
    row("start_time", QStringLiteral("start_time > 1700000000000"),
        QStringLiteral("attribute:start_time > 1700000000000ms"));
    row("created", QStringLiteral("created < 5"), QStringLiteral("attribute:start_time < 5ms"));
    row("Created", QStringLiteral("Created >= -5"), QStringLiteral("attribute:start_time >= -5ms"));
    row("end_time", QStringLiteral("end_time <= 10"), QStringLiteral("attribute:end_time <= 10ms"));
    row("run_id IN", QStringLiteral("attributes.run_id IN ('a1', 'b2')"),
        QStringLiteral("attribute:run_id IN (a1,b2)"));
    row("lifecycle_stage", QStringLiteral("lifecycle_stage = 'active'"),
        QStringLiteral("attribute:lifecycle_stage = 'active'"));
    row("`Run name`", QStringLiteral("`Run name` = 'x'"), QStringLiteral("attribute:run_name = 'x'"));
    row("attributes.`Run Name`", QStringLiteral("attributes.`Run Name` ILIKE 'x'"),
        QStringLiteral("attribute:run_name ILIKE 'x'"));

    // Keys: quoted, dotted, Unicode, starting with a digit.
    row("backticked key with space", QStringLiteral("metrics.`val loss` <= 0.2"),
        QStringLiteral("metric:val loss <= 0.2"));
    row("double-quoted dotted key", QStringLiteral("tags.\"mlflow.source.git.commit\" = 'abc'"),
        QStringLiteral("tag:mlflow.source.git.commit = 'abc'"));
    row("unquoted dotted key", QStringLiteral("tags.mlflow.source.git.commit = 'abc'"),
        QStringLiteral("tag:mlflow.source.git.commit = 'abc'"));
    row("quoted Unicode key", QStringLiteral("metrics.`précision` > 0.5"), QStringLiteral("metric:précision > 0.5"));
    row("unquoted Unicode key", QStringLiteral("metrics.précision > 0.5"), QStringLiteral("metric:précision > 0.5"));
    row("key with slash", QStringLiteral("metrics.`loss/train` < 1"), QStringLiteral("metric:loss/train < 1"));
    row("key outside the BMP", QStringLiteral("metrics.`🚀 speed` > 1"), QStringLiteral("metric:🚀 speed > 1"));
    // MLflow only trims the outer quotes of keys and values: nothing inside is decoded.
    row("doubled backtick", QStringLiteral("params.`a``b` = 'x'"), QStringLiteral("param:a``b = 'x'"));
    row("key starting with a digit", QStringLiteral("metrics.1st_loss < 2"), QStringLiteral("metric:1st_loss < 2"));

    // Keywords in any case, whitespace anywhere.
    row("mixed-case keywords",
        QStringLiteral("metrics.acc > 0.9 aNd params.lr = '0.01' AND tags.t like 'x' and run_id not In ('a')"),
        QStringLiteral("metric:acc > 0.9 & param:lr = '0.01' & tag:t LIKE 'x' & attribute:run_id NOT IN (a)"));
    row("Ilike", QStringLiteral("tags.t Ilike 'x'"), QStringLiteral("tag:t ILIKE 'x'"));
    row("no spaces", QStringLiteral("metrics.acc>0.9 and params.lr='x'"),
        QStringLiteral("metric:acc > 0.9 & param:lr = 'x'"));
    row("tabs and newlines", QStringLiteral("  \tmetrics.acc\n>\n1\n\tAND\ttags.t\t=\t'x'   "),
        QStringLiteral("metric:acc > 1 & tag:t = 'x'"));
    row("list without spaces", QStringLiteral("run_id IN('a','b',\"c\")"),
        QStringLiteral("attribute:run_id IN (a,b,c)"));

    // Values.
    row("integer metric", QStringLiteral("metrics.acc = 1"), QStringLiteral("metric:acc = 1"));
    row("leading dot", QStringLiteral("metrics.acc > .5"), QStringLiteral("metric:acc > 0.5"));
    row("plus sign", QStringLiteral("metrics.acc < +2"), QStringLiteral("metric:acc < 2"));
    row("overflow is infinity", QStringLiteral("metrics.acc < 1e999"), QStringLiteral("metric:acc < inf"));
    row("doubled single quote stays doubled", QStringLiteral("params.s = 'it''s'"),
        QStringLiteral("param:s = 'it''s'"));
    row("backslash-escaped quote keeps its backslash", QStringLiteral("tags.note = 'it\\'s'"),
        QStringLiteral("tag:note = 'it\\'s'"));
    row("escaped backslash before the closing quote", QStringLiteral("tags.p = 'C:\\\\' and tags.q = 'x'"),
        QStringLiteral("tag:p = 'C:\\\\' & tag:q = 'x'"));
    row("doubled double quote stays doubled", QStringLiteral("params.s = \"say \"\"hi\"\"\""),
        QStringLiteral("param:s = 'say \"\"hi\"\"'"));
    // Lists are Python literals: escapes decoded, adjacent literals joined, a trailing comma
    // allowed, and only lower-case items kept (run ids are lower case).
    row("list with a trailing comma", QStringLiteral("run_id IN ('a', 'b',)"),
        QStringLiteral("attribute:run_id IN (a,b)"));
    row("list item with an escaped quote", QStringLiteral("datasets.name IN ('it\\'s')"),
        QStringLiteral("dataset:name IN (it's)"));
    row("list items joined as in Python", QStringLiteral("run_id IN ('it''s', 'a' \"b\")"),
        QStringLiteral("attribute:run_id IN (its,ab)"));
    row("list drops items that are not lower case", QStringLiteral("run_id IN ('abc', 'ABC', '123', 'a1')"),
        QStringLiteral("attribute:run_id IN (abc,a1)"));
    row("empty value", QStringLiteral("tags.t = ''"), QStringLiteral("tag:t = ''"));
    row("Unicode value", QStringLiteral("tags.note = 'naïve 日本'"), QStringLiteral("tag:note = 'naïve 日本'"));
    row("keyword inside a value", QStringLiteral("tags.t = 'a or b and c'"), QStringLiteral("tag:t = 'a or b and c'"));
}

void tst_RunFilter::parsesMlflowExpressions()
{
    QFETCH(QString, expression);
    QFETCH(QString, parsed);

    const Result<RunFilter> filter = RunFilter::parse(expression);
    QVERIFY2(filter.ok(), qPrintable(filter ? QString() : filter.error().describe()));
    QCOMPARE(summary(*filter), parsed);
    QCOMPARE(filter->expression(), expression);
}

void tst_RunFilter::emptyExpressionMatchesEverything_data()
{
    QTest::addColumn<QString>("expression");
    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << QStringLiteral("   ");
    QTest::newRow("whitespace mix") << QStringLiteral(" \t\n ");
}

void tst_RunFilter::emptyExpressionMatchesEverything()
{
    QFETCH(QString, expression);
    const Result<RunFilter> filter = RunFilter::parse(expression);
    QVERIFY(filter.ok());
    QVERIFY(filter->isEmpty());
    QCOMPARE(filter->toSql().where(), QStringLiteral("1"));
    QVERIFY(filter->toSql().values().isEmpty());
    QCOMPARE(matchingRuns(*filter), QStringList({ QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") }));
    QVERIFY(RunFilter().isEmpty());
}

void tst_RunFilter::rejectsInvalidExpressions_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    auto row = [](const char* name, const QString& expression, int column, const QString& message) {
        QTest::newRow(name) << expression << column << message;
    };
    // Grammar.
    row("missing operator", QStringLiteral("metrics.acc 0.9"), 13,
        QStringLiteral("expected a comparison operator after 'metrics.acc', found '0.9'"));
    row("ends after key", QStringLiteral("metrics.acc"), 12,
        QStringLiteral("expected a comparison operator after 'metrics.acc', found the end of the filter"));
    row("missing value", QStringLiteral("metrics.acc >"), 14, QStringLiteral("expected a value after 'metrics.acc >'"));
    row("OR", QStringLiteral("metrics.acc > 0.9 or params.lr = '1'"), 19,
        QStringLiteral("'or' is not supported: only AND can join conditions"));
    row("||", QStringLiteral("tags.t = 'x' || tags.u = 'y'"), 14, QStringLiteral("only AND is supported"));
    row("&&", QStringLiteral("metrics.acc > 0.9 && x"), 19, QStringLiteral("join conditions with AND"));
    row("trailing AND", QStringLiteral("metrics.acc > 0.9 and"), 22,
        QStringLiteral("expected a condition after 'and', found the end of the filter"));
    row("leading AND", QStringLiteral("AND metrics.acc > 1"), 1, QStringLiteral("expected a key such as metrics.acc"));
    row("double AND", QStringLiteral("metrics.acc > 1 AND AND x"), 21, QStringLiteral("found 'AND'"));
    row("missing AND", QStringLiteral("metrics.acc > 0.9 params.lr = 'x'"), 19,
        QStringLiteral("expected AND or the end of the filter after 'metrics.acc > 0.9', found 'params'"));
    row("grouping", QStringLiteral("(metrics.acc > 1)"), 1, QStringLiteral("without grouping"));
    row("==", QStringLiteral("metrics.acc == 1"), 13, QStringLiteral("'==' is not a comparison operator; use '='"));
    row("lone !", QStringLiteral("metrics.acc ! 1"), 13, QStringLiteral("did you mean '!='"));
    row("NOT LIKE", QStringLiteral("run_id NOT LIKE 'a'"), 12,
        QStringLiteral("expected IN after 'NOT', found 'LIKE'; NOT only forms NOT IN"));
    row("unquoted text value", QStringLiteral("params.lr = abc"), 13, QStringLiteral("quote text values, e.g. 'abc'"));
    row("unterminated value", QStringLiteral("params.lr = 'abc"), 13, QStringLiteral("unterminated quoted text"));
    row("unterminated key", QStringLiteral("metrics.`acc > 1"), 9, QStringLiteral("add the closing `"));
    row("missing key", QStringLiteral("metrics. > 1"), 10,
        QStringLiteral("expected a key after 'metrics.', found '>'"));
    row("single-quoted key", QStringLiteral("metrics.'acc' > 1"), 9, QStringLiteral("quote keys with backticks"));
    row("empty key", QStringLiteral("metrics.`` > 1"), 9, QStringLiteral("the key after 'metrics.' is empty"));
    row("bad number", QStringLiteral("metrics.acc > 1abc"), 15, QStringLiteral("'1abc' is not a number"));
    row("unquoted dash", QStringLiteral("params.a-b = 'x'"), 9, QStringLiteral("unexpected character '-'"));

    // Lists.
    row("IN without list", QStringLiteral("run_id IN 'a'"), 11, QStringLiteral("expected a list such as ('a', 'b')"));
    row("empty list", QStringLiteral("run_id IN ()"), 12, QStringLiteral("is empty; give at least one quoted value"));
    row("number in list", QStringLiteral("run_id IN ('a', 1)"), 17,
        QStringLiteral("expected a quoted value in the list"));
    row("missing comma", QStringLiteral("run_id IN ('a' AND 'b')"), 16, QStringLiteral("expected ',' or ')'"));
    row("lone comma", QStringLiteral("run_id IN ('a',,)"), 16, QStringLiteral("expected a quoted value in the list"));
    row("unclosed list", QStringLiteral("run_id IN ('a'"), 15, QStringLiteral("found the end of the filter"));
    row("list with =", QStringLiteral("run_id = ('a')"), 10,
        QStringLiteral("a parenthesised list needs IN or NOT IN, not '='"));

    // Names.
    row("unknown entity", QStringLiteral("foo.bar = 'x'"), 1, QStringLiteral("unknown entity 'foo'"));
    row("entity case", QStringLiteral("Metrics.acc > 1"), 1, QStringLiteral("did you mean 'metrics'?"));
    row("unknown bare attribute", QStringLiteral("colour = 'red'"), 1, QStringLiteral("unknown attribute 'colour'"));
    row("attribute case", QStringLiteral("Status = 'x'"), 1, QStringLiteral("did you mean 'status'?"));
    row("unknown prefixed attribute", QStringLiteral("attributes.foo = 'x'"), 12,
        QStringLiteral("unknown attribute 'foo'"));
    row("entity without key", QStringLiteral("metrics = 1"), 1, QStringLiteral("'metrics' needs a key"));
    row("unknown dataset field", QStringLiteral("datasets.size = 'x'"), 10,
        QStringLiteral("unknown dataset field 'size'"));

    // Types.
    row("metric vs text", QStringLiteral("metrics.acc > 'high'"), 15,
        QStringLiteral("metrics.acc compares with a number, found 'high'"));
    row("metric vs quoted number", QStringLiteral("metrics.acc > '0.9'"), 15, QStringLiteral("remove the quotes"));
    row("metric LIKE", QStringLiteral("metrics.acc LIKE '0.9'"), 13, QStringLiteral("'LIKE' cannot compare metrics"));
    row("metric IN", QStringLiteral("metrics.acc in ('1')"), 13, QStringLiteral("'in' cannot compare metrics"));
    row("param >", QStringLiteral("params.lr > '0.1'"), 11,
        QStringLiteral("'>' cannot compare params, which are text; use =, !=, LIKE or ILIKE"));
    row("param vs number", QStringLiteral("params.lr = 0.01"), 13,
        QStringLiteral("params.lr compares with text: quote the value, e.g. '0.01'"));
    row("tag IN", QStringLiteral("tags.t IN ('x')"), 8, QStringLiteral("'IN' cannot compare tags"));
    row("status IN", QStringLiteral("status IN ('A')"), 8, QStringLiteral("only run_id takes IN or NOT IN"));
    row("status <", QStringLiteral("status < 'A'"), 8, QStringLiteral("'<' cannot compare attribute status"));
    row("time vs text", QStringLiteral("start_time > '2024'"), 14, QStringLiteral("start_time compares with a number"));
    row("time vs fraction", QStringLiteral("start_time > 1.5"), 14, QStringLiteral("whole number of milliseconds"));
    row("time LIKE", QStringLiteral("created LIKE '1%'"), 9, QStringLiteral("'LIKE' cannot compare start_time"));
    row("dataset vs number", QStringLiteral("datasets.name = 3"), 17, QStringLiteral("quote the value"));
    row("column counts UTF-16 units", QStringLiteral("metrics.`précision` > 'é'"), 23,
        QStringLiteral("metrics.`précision` compares with a number"));
}

void tst_RunFilter::rejectsInvalidExpressions()
{
    QFETCH(QString, expression);
    QFETCH(int, column);
    QFETCH(QString, message);

    const Result<RunFilter> filter = RunFilter::parse(expression);
    QVERIFY2(!filter.ok(), qPrintable(summary(filter.valueOr(RunFilter()))));
    const Error& error = filter.error();
    QCOMPARE(error.code, ErrorCode::InvalidArgument);
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
    QCOMPARE(error.location, QString::number(column));
    QVERIFY2(error.message.endsWith(QStringLiteral("(column %1)").arg(column)), qPrintable(error.message));
}

void tst_RunFilter::translatesLikeToGlob_data()
{
    QTest::addColumn<QString>("like");
    QTest::addColumn<bool>("caseInsensitive");
    QTest::addColumn<QString>("glob");

    QTest::newRow("wildcards") << QStringLiteral("a%b_c") << false << QStringLiteral("a*b?c");
    QTest::newRow("GLOB metacharacters are literal") << QStringLiteral("*?[]") << false << QStringLiteral("[*][?][[]]");
    QTest::newRow("backslash is literal") << QStringLiteral("a\\%") << false << QStringLiteral("a\\*");
    QTest::newRow("ILIKE letters") << QStringLiteral("aB1%") << true << QStringLiteral("[aA][Bb]1*");
    QTest::newRow("ILIKE Unicode") << QStringLiteral("é_") << true << QStringLiteral("[éÉ]?");
    QTest::newRow("ILIKE outside the BMP") << QStringLiteral("𐐀") << true << QStringLiteral("[𐐀𐐨]");
}

void tst_RunFilter::translatesLikeToGlob()
{
    QFETCH(QString, like);
    QFETCH(bool, caseInsensitive);
    QFETCH(QString, glob);
    QCOMPARE(LikePattern::toGlob(like, caseInsensitive ? LikePattern::Case::Insensitive : LikePattern::Case::Sensitive),
        glob);
}

void tst_RunFilter::numbersParametersFromTheGivenIndex()
{
    const Result<RunFilter> filter = RunFilter::parse(
        QStringLiteral("metrics.acc > 0.5 and run_id IN ('a', 'b') and start_time >= 7 and params.p LIKE 'x%'"));
    QVERIFY(filter.ok());
    const RunFilterSql sql = filter->toSql(4);
    QCOMPARE(sql.firstParameterIndex(), 4);
    QCOMPARE(sql.values(),
        QList<FilterBindValue>({ QStringLiteral("acc"), 0.5, QStringLiteral("a"), QStringLiteral("b"), qint64(7),
            QStringLiteral("p"), QStringLiteral("x*") }));
    QCOMPARE(sql.nextParameterIndex(), 11);
    for (int i = 4; i < 11; ++i)
        QVERIFY2(sql.where().contains(QStringLiteral("?%1").arg(i)), qPrintable(sql.where()));
    QVERIFY(!sql.where().contains(QStringLiteral("?3")));
    QVERIFY(!sql.where().contains(QStringLiteral("?11")));
}

void tst_RunFilter::neverSplicesUserTextIntoSql()
{
    const Result<RunFilter> filter = RunFilter::parse(
        QStringLiteral("params.`x'; DROP TABLE runs; --` = '''; DROP TABLE runs; --' and run_name LIKE 'DROP%'"));
    QVERIFY(filter.ok());
    const RunFilterSql sql = filter->toSql();
    QVERIFY2(!sql.where().contains(QStringLiteral("DROP")), qPrintable(sql.where()));
    QVERIFY(!sql.where().contains(u'\''));
    QCOMPARE(matchingRuns(*filter), QStringList());
}

QStringList tst_RunFilter::matchingRuns(const RunFilter& filter, QString* error)
{
    const RunFilterSql sql = filter.toSql();
    auto statement = m_cache->database().prepare(
        QStringLiteral("SELECT r.run_id FROM runs r WHERE ") + sql.where() + QStringLiteral(" ORDER BY r.run_id"));
    if (!statement) {
        if (error)
            *error = statement.error().describe();
        return { QStringLiteral("<prepare failed: %1>").arg(statement.error().describe()) };
    }
    sql.bindTo(*statement);
    QStringList ids;
    while (statement->step())
        ids << statement->text(0);
    if (!statement->lastStatus())
        ids << QStringLiteral("<step failed: %1>").arg(statement->lastStatus().error().describe());
    return ids;
}

void tst_RunFilter::selectsRuns_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("expected");

    auto row = [](const char* name, const char* expression, const char* expected) {
        QTest::newRow(name) << QString::fromUtf8(expression) << QString::fromUtf8(expected);
    };
    // Metrics: the latest value counts. As in MLflow's SQL backend (which stores them so), a NaN
    // latest value compares as 0 and +/-inf as +/-DBL_MAX; its file store differs (NaN matches
    // only !=), and the README says which is followed.
    row("metric >", "metrics.acc > 0.9", "a");
    row("metric >= includes equality", "metrics.acc >= 0.9", "a c");
    row("metric != counts NaN as 0", "metrics.acc != 0.5", "a b c");
    row("NaN equals 0", "metrics.acc = 0", "b");
    row("NaN is not != 0", "metrics.acc != 0", "a c");
    row("metric = latest only", "metrics.acc = 0.99", "");
    row("metric < counts NaN as 0", "metrics.acc < 100", "a b c");
    row("metric key with space", "metrics.`val loss` <= 0.2", "a");
    row("metric != skips runs without it", "metrics.`val loss` != 0.1", "b");
    row("Unicode metric key", "metrics.`précision` > 0.5", "a");
    row("+inf is above every finite value", "metrics.`loss/train` > 1e308", "b");
    row("+inf is stored as the largest double", "metrics.`loss/train` = 1.7976931348623157e308", "b");
    row("+inf is not an overflowing literal", "metrics.`loss/train` = 1e999", "");

    // Params and tags: runs without the key never match, also for !=.
    row("param =", "params.lr = '0.01'", "a");
    row("param != skips runs without it", "params.lr != '0.01'", "b");
    row("param LIKE is case-sensitive", "params.opt LIKE 'A%'", "a");
    row("param LIKE underscore", "params.opt LIKE 'ada_'", "b");
    row("param ILIKE", "params.opt ILIKE 'AD%'", "a b");
    row("param = is case-sensitive", "params.opt = 'adam'", "b");
    row("GLOB characters are literal", "params.pattern LIKE 'a*b[1]'", "c");
    row("LIKE wildcards around GLOB characters", "params.pattern LIKE 'a_b[_]%'", "c");
    row("? is no wildcard", "params.pattern LIKE 'a?b%'", "");
    row("tag !=", "tags.team != 'vision'", "b");
    row("tag ILIKE", "tags.team ILIKE 'nlp'", "b");
    row("quoted dotted tag", "tags.\"mlflow.source.git.commit\" = 'abc123'", "a");
    row("unquoted dotted tag", "tags.mlflow.source.git.commit LIKE 'abc%'", "a");
    row("Unicode LIKE is case-sensitive", "tags.city LIKE 'école'", "b");
    row("Unicode ILIKE folds case", "tags.city ILIKE 'école'", "a b");
    row("Unicode ILIKE with wildcard", "tags.city ilike '%COLE'", "a b");
    row("quote in a value", "params.lr = ''' OR 1=1 --'", "");

    // Attributes.
    row("status", "attributes.status = 'FINISHED'", "a");
    row("status is case-sensitive", "attributes.status = 'finished'", "");
    row("status !=", "status != 'FINISHED'", "b c");
    row("run_name LIKE", "run_name LIKE '%One'", "a");
    row("run_name LIKE case", "run_name LIKE '%one'", "");
    row("run_name ILIKE", "run_name ILIKE '%ONE'", "a");
    row("Run name alias", "`Run name` ILIKE 'g%'", "c");
    row("run_id IN", "attributes.run_id IN ('a', 'c', 'zzz')", "a c");
    row("run_id NOT IN", "run_id NOT IN ('a')", "b c");
    row("user and start_time", "user_id = 'alice' and start_time > 1500", "c");
    row("created", "created >= 3000", "b c");
    row("end_time skips running runs", "end_time < 5000", "a");
    row("end_time != skips running runs", "end_time != 0", "a c");
    row("lifecycle_stage", "lifecycle_stage = 'deleted'", "c");
    row("artifact_uri", "artifact_uri LIKE 'file:///mlruns/1/b/%'", "b");

    // Datasets: a run matches when any of its inputs does.
    row("dataset digest", "datasets.digest = 'e761a872'", "a b");
    row("dataset name IN", "datasets.name IN ('cifar', 'imagenet')", "b");
    row("dataset name NOT IN", "datasets.name NOT IN ('mnist')", "b");
    row("dataset context", "datasets.context = 'training'", "a");
    row("dataset context != skips inputs without one", "datasets.context != 'training'", "b");
    row("dataset LIKE case", "datasets.name LIKE 'MN%'", "");
    row("dataset ILIKE", "datasets.name ILIKE 'MN%'", "a b");

    // Conjunctions.
    row("three conditions", "params.lr = '0.01' and tags.team = 'vision' and metrics.acc > 0.9", "a");
    row("contradiction", "params.lr = '0.01' and params.lr = '0.1'", "");
    row("mixed entities", "datasets.digest = 'e761a872' AND status = 'RUNNING' AND metrics.`val loss` > 0.2", "b");
}

void tst_RunFilter::selectsRuns()
{
    QFETCH(QString, expression);
    QFETCH(QString, expected);

    const Result<RunFilter> filter = RunFilter::parse(expression);
    QVERIFY2(filter.ok(), qPrintable(filter ? QString() : filter.error().describe()));
    QCOMPARE(matchingRuns(*filter), expected.split(u' ', Qt::SkipEmptyParts));
}

void tst_RunFilter::composesWithAnOuterQuery()
{
    // The query layer puts its own parameters first and ANDs the fragment with its conditions.
    const Result<RunFilter> filter = RunFilter::parse(QStringLiteral("user_id = 'alice' and metrics.acc >= 0.9"));
    QVERIFY(filter.ok());
    const RunFilterSql sql = filter->toSql(2);
    auto statement
        = m_cache->database().prepare(QStringLiteral("SELECT r.run_id, COUNT(p.key) FROM runs r LEFT JOIN params p ON "
                                                     "p.run_id = r.run_id WHERE r.experiment_id = ?1 "
                                                     "AND (%1) GROUP BY r.run_id ORDER BY r.run_id LIMIT ?%2")
                                          .arg(sql.where())
                                          .arg(sql.nextParameterIndex()));
    QVERIFY2(statement.ok(), qPrintable(statement ? QString() : statement.error().describe()));
    statement->bind(1, QStringLiteral("1"));
    sql.bindTo(*statement);
    statement->bind(sql.nextParameterIndex(), 10);
    QStringList rows;
    while (statement->step())
        rows << statement->text(0) + u':' + QString::number(statement->int64(1));
    QVERIFY(statement->lastStatus().ok());
    QCOMPARE(rows, QStringList({ QStringLiteral("a:2"), QStringLiteral("c:1") }));
}

QTEST_GUILESS_MAIN(tst_RunFilter)
#include "tst_RunFilter.moc"
