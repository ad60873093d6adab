#include "itemmodels/CompareDiffModel.h"

#include "core/DisplayFormat.h"

#include <QSet>

#include <algorithm>
#include <cmath>
#include <set>

namespace prov {
namespace {

constexpr int ShortText = 120;

const MetricSummary* summaryOf(const CompareRunFacts& facts, const QString& key)
{
    for (const MetricSummary& s : facts.metrics) {
        if (s.key == key)
            return &s;
    }
    return nullptr;
}

bool sameValue(const QVariant& a, const QVariant& b)
{
    if (a.isValid() != b.isValid())
        return false;
    if (!a.isValid())
        return true;
    if (a.typeId() == QMetaType::Double && b.typeId() == QMetaType::Double) {
        const double x = a.toDouble();
        const double y = b.toDouble();
        return x == y || (std::isnan(x) && std::isnan(y));
    }
    return a == b;
}

QString rowLabel(CompareDiffModel::RowKind kind, const QString& key)
{
    switch (kind) {
    case CompareDiffModel::RowKind::Param:
        return QStringLiteral("param  ") + key;
    case CompareDiffModel::RowKind::MetricLatest:
        return QStringLiteral("metric  ") + key + QStringLiteral(" (latest)");
    case CompareDiffModel::RowKind::MetricMin:
        return QStringLiteral("metric  ") + key + QStringLiteral(" (min)");
    case CompareDiffModel::RowKind::MetricMax:
        return QStringLiteral("metric  ") + key + QStringLiteral(" (max)");
    case CompareDiffModel::RowKind::Tag:
        return QStringLiteral("tag  ") + key;
    }
    return key;
}

QString signedDelta(double delta)
{
    const QString text = DisplayFormat::metricValue(delta);
    return delta > 0 ? QStringLiteral("+") + text : text;
}

} // namespace

CompareDiffModel::CompareDiffModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void CompareDiffModel::setRuns(std::vector<CompareRunFacts> runs)
{
    beginResetModel();
    m_runs = std::move(runs);
    if (m_reference >= int(m_runs.size()))
        m_reference = -1;
    m_rows.clear();
    rebuildRows();
    endResetModel();
}

void CompareDiffModel::setOnlyDifferences(bool only)
{
    if (only == m_onlyDifferences)
        return;
    beginResetModel();
    m_onlyDifferences = only;
    rebuildRows();
    endResetModel();
}

void CompareDiffModel::setReferenceRun(int column)
{
    const int reference = column >= 0 && column < int(m_runs.size()) ? column : -1;
    if (reference == m_reference)
        return;
    m_reference = reference;
    if (!m_rows.empty() && !m_runs.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, std::max(columnCount() - 1, 0));
}

std::vector<CompareDiffModel::Row> CompareDiffModel::allRows() const
{
    std::set<QString> params, metrics, tags; // sorted keys
    for (const CompareRunFacts& facts : m_runs) {
        for (const KeyValue& kv : facts.params)
            params.insert(kv.key);
        for (const MetricSummary& s : facts.metrics)
            metrics.insert(s.key);
        for (const KeyValue& kv : facts.tags)
            tags.insert(kv.key);
    }
    std::vector<Row> rows;
    for (const QString& key : params)
        rows.push_back({ RowKind::Param, key, false });
    for (const QString& key : metrics) {
        for (RowKind kind : { RowKind::MetricLatest, RowKind::MetricMin, RowKind::MetricMax })
            rows.push_back({ kind, key, false });
    }
    for (const QString& key : tags)
        rows.push_back({ RowKind::Tag, key, false });
    return rows;
}

void CompareDiffModel::rebuildRows()
{
    m_rows.clear();
    for (Row row : allRows()) {
        row.differs = rowDiffers(row);
        if (!m_onlyDifferences || row.differs)
            m_rows.push_back(row);
    }
}

bool CompareDiffModel::rowDiffers(const Row& row) const
{
    for (int c = 1; c < int(m_runs.size()); ++c) {
        if (!sameValue(rawValue(row, 0), rawValue(row, c)))
            return true;
    }
    return false;
}

QVariant CompareDiffModel::rawValue(const Row& row, int column) const
{
    const CompareRunFacts& facts = m_runs[size_t(column)];
    switch (row.kind) {
    case RowKind::Param:
    case RowKind::Tag: {
        const QString value = valueOf(row.kind == RowKind::Param ? facts.params : facts.tags, row.key);
        return value.isNull() ? QVariant() : QVariant(value);
    }
    case RowKind::MetricLatest:
    case RowKind::MetricMin:
    case RowKind::MetricMax: {
        const MetricSummary* s = summaryOf(facts, row.key);
        if (!s)
            return {};
        if (row.kind == RowKind::MetricLatest)
            return s->latest.value;
        const std::optional<double> v = row.kind == RowKind::MetricMin ? s->minValue : s->maxValue;
        return v ? QVariant(*v) : QVariant();
    }
    }
    return {};
}

std::optional<double> CompareDiffModel::numberOf(const Row& row, int column) const
{
    const QVariant v = rawValue(row, column);
    if (!v.isValid())
        return std::nullopt;
    if (v.typeId() == QMetaType::Double)
        return v.toDouble();
    bool numeric = false; // params are text, but usually numbers: deltas help there too
    const double d = v.toString().toDouble(&numeric);
    return numeric ? std::optional<double>(d) : std::nullopt;
}

QString CompareDiffModel::displayText(const Row& row, int column) const
{
    const QVariant v = rawValue(row, column);
    if (!v.isValid())
        return {};
    QString text;
    if (v.typeId() == QMetaType::Double) {
        text = DisplayFormat::metricValue(v.toDouble());
    } else {
        text = v.toString().section(QLatin1Char('\n'), 0, 0);
        if (text.size() > ShortText)
            text = text.left(ShortText) + QStringLiteral("…");
    }
    if (m_reference >= 0 && column != m_reference && row.kind != RowKind::Tag) {
        const auto value = numberOf(row, column);
        const auto reference = numberOf(row, m_reference);
        if (value && reference && std::isfinite(*value) && std::isfinite(*reference))
            text += QStringLiteral(" (") + signedDelta(*value - *reference) + QLatin1Char(')');
    }
    return text;
}

QList<QStringList> CompareDiffModel::cells(const QModelIndexList& indexes) const
{
    QSet<int> rowSet, columnSet;
    for (const QModelIndex& i : indexes) {
        rowSet.insert(i.row());
        columnSet.insert(i.column());
    }
    QList<int> rows(rowSet.begin(), rowSet.end());
    QList<int> columns(columnSet.begin(), columnSet.end());
    std::sort(rows.begin(), rows.end());
    std::sort(columns.begin(), columns.end());
    QList<QStringList> out;
    QStringList header { QString() };
    for (int c : columns)
        header.append(headerData(c, Qt::Horizontal).toString());
    out.append(header);
    for (int r : rows) {
        QStringList line { headerData(r, Qt::Vertical).toString() };
        for (int c : columns) {
            const QVariant v = rawValue(m_rows[size_t(r)], c);
            line.append(v.typeId() == QMetaType::Double ? DisplayFormat::exactValue(v.toDouble()) : v.toString());
        }
        out.append(line);
    }
    return out;
}

QList<QStringList> CompareDiffModel::allCells() const
{
    QModelIndexList all;
    for (int r = 0; r < rowCount(); ++r) {
        for (int c = 0; c < columnCount(); ++c)
            all.append(index(r, c));
    }
    QList<QStringList> out = cells(all);
    if (all.isEmpty()) { // no row: the header still names the runs
        for (int c = 0; c < columnCount(); ++c)
            out.first().append(headerData(c, Qt::Horizontal).toString());
    }
    out.first().first() = QStringLiteral("row");
    return out;
}

QString CompareDiffModel::copyText(const QModelIndexList& indexes) const
{
    QString text;
    const QList<QStringList> table = cells(indexes);
    for (const QStringList& line : table)
        text += line.join(QLatin1Char('\t')) + QLatin1Char('\n');
    return text;
}

int CompareDiffModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CompareDiffModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

QVariant CompareDiffModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, index.column());
    case Qt::ToolTipRole: {
        const QVariant v = rawValue(row, index.column());
        return v.typeId() == QMetaType::Double ? DisplayFormat::exactValue(v.toDouble()) : v.toString().left(4000);
    }
    case Qt::TextAlignmentRole:
        return row.kind == RowKind::Param || row.kind == RowKind::Tag
            ? QVariant()
            : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case RawValueRole:
        return rawValue(row, index.column());
    case DeltaRole: {
        if (m_reference < 0)
            return {};
        const auto value = numberOf(row, index.column());
        const auto reference = numberOf(row, m_reference);
        return value && reference ? QVariant(*value - *reference) : QVariant();
    }
    case DiffersRole:
        return row.differs;
    case RowKindRole:
        return int(row.kind);
    case KeyRole:
        return row.key;
    default:
        return {};
    }
}

QVariant CompareDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= int(m_rows.size()))
            return {};
        return rowLabel(m_rows[size_t(section)].kind, m_rows[size_t(section)].key);
    }
    if (section < 0 || section >= int(m_runs.size()))
        return {};
    const ComparedRun& run = m_runs[size_t(section)].run;
    if (role == Qt::ToolTipRole)
        return QString(run.experimentName + QStringLiteral(" / ") + run.label() + QStringLiteral("\n") + run.runId());
    return section == m_reference ? QString(run.label() + QStringLiteral(" (reference)")) : run.label();
}

} // namespace prov
