#include "itemmodels/RunTableModel.h"

#include "core/DisplayFormat.h"

#include <QDateTime>
#include <QHash>

#include <algorithm>
#include <numeric>

namespace prov {
namespace {

constexpr qsizetype displayLimit = 200;

QString statusText(RunStatus status)
{
    const QString name = runStatusName(status).toLower();
    return name.left(1).toUpper() + name.mid(1);
}

QString firstLine(const QString& text)
{
    const qsizetype newline = text.indexOf(QLatin1Char('\n'));
    const qsizetype cut = newline >= 0 ? std::min(newline, displayLimit) : displayLimit;
    return text.size() > cut ? text.left(cut) + QStringLiteral(" …") : text;
}

// Orders raw values of one column; absent values are handled by the caller.
bool rawLess(const QVariant& a, const QVariant& b)
{
    if (a.typeId() == QMetaType::QString)
        return QString::localeAwareCompare(a.toString(), b.toString()) < 0;
    return a.toDouble() < b.toDouble() || (std::isnan(a.toDouble()) && !std::isnan(b.toDouble()));
}

template<typename Columns> std::vector<std::size_t> chosen(const Columns& columns, bool all, const QStringList& keys)
{
    std::vector<std::size_t> picked;
    if (all) {
        picked.resize(columns.size());
        std::iota(picked.begin(), picked.end(), 0);
        return picked;
    }
    for (const QString& key : keys) {
        const auto it = std::find_if(columns.begin(), columns.end(), [&key](const auto& c) { return c.key == key; });
        if (it != columns.end())
            picked.push_back(static_cast<std::size_t>(it - columns.begin()));
    }
    return picked;
}

} // namespace

RunTableModel::RunTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
    rebuildColumns(); // the fixed columns show (as headers) before any runs arrive
}

void RunTableModel::setTable(std::shared_ptr<const RunTable> table)
{
    beginResetModel();
    m_table = std::move(table);
    rebuildVisibleRows();
    rebuildColumns();
    applySort();
    endResetModel();
}

void RunTableModel::setVisibleRuns(const QStringList& runIds)
{
    beginResetModel();
    m_visibleIds = runIds;
    rebuildVisibleRows();
    rebuildColumns();
    applySort();
    endResetModel();
}

void RunTableModel::showAllRuns()
{
    beginResetModel();
    m_visibleIds.reset();
    rebuildVisibleRows();
    rebuildColumns();
    applySort();
    endResetModel();
}

void RunTableModel::rebuildVisibleRows()
{
    m_visibleRows.clear();
    if (!m_table)
        return;
    if (!m_visibleIds) {
        m_visibleRows.resize(m_table->rows.size());
        std::iota(m_visibleRows.begin(), m_visibleRows.end(), 0);
        return;
    }
    QHash<QString, int> rowOf;
    rowOf.reserve(m_table->size());
    for (std::size_t r = 0; r < m_table->rows.size(); ++r)
        rowOf.insert(m_table->rows[r].info.runId, static_cast<int>(r));
    m_visibleRows.reserve(static_cast<std::size_t>(m_visibleIds->size()));
    for (const QString& id : std::as_const(*m_visibleIds)) {
        const auto it = rowOf.constFind(id);
        if (it != rowOf.cend())
            m_visibleRows.push_back(*it);
    }
}

bool RunTableModel::anyVisibleValue(RunColumnKind kind, std::size_t source) const
{
    // Every run is shown: the table only has keys some run has.
    if (!m_visibleIds)
        return true;
    for (int row : m_visibleRows) {
        const auto r = static_cast<std::size_t>(row);
        const bool has = kind == RunColumnKind::Metric ? m_table->metrics[source].values[r].has_value()
            : kind == RunColumnKind::Param             ? m_table->params[source].values[r].has_value()
                                                       : m_table->tags[source].values[r].has_value();
        if (has)
            return true;
    }
    return false;
}

std::shared_ptr<const RunTable> RunTableModel::visibleTable() const
{
    auto subset = std::make_shared<RunTable>();
    if (!m_table)
        return subset;
    auto copyColumns = [this](RunColumnKind kind, const auto& from, auto& to) {
        for (const Column& c : m_columns) {
            if (c.kind != kind)
                continue;
            to.push_back({ from[c.source].key, {} });
            for (int row : m_order)
                to.back().values.push_back(from[c.source].values[static_cast<std::size_t>(row)]);
        }
    };
    for (int row : m_order)
        subset->rows.push_back(m_table->rows[static_cast<std::size_t>(row)]);
    copyColumns(RunColumnKind::Metric, m_table->metrics, subset->metrics);
    copyColumns(RunColumnKind::Param, m_table->params, subset->params);
    copyColumns(RunColumnKind::Tag, m_table->tags, subset->tags);
    return subset;
}

void RunTableModel::setColumnChoice(const RunColumnChoice& choice)
{
    beginResetModel();
    m_choice = choice;
    rebuildColumns();
    endResetModel();
}

void RunTableModel::rebuildColumns()
{
    m_columns.clear();
    for (int a = 0; a < static_cast<int>(RunAttributeColumn::Count); ++a)
        m_columns.push_back({ RunColumnKind::Attribute, a, 0 });
    if (!m_table)
        return;
    const auto add = [this](RunColumnKind kind, const std::vector<std::size_t>& sources) {
        for (std::size_t i : sources) {
            if (anyVisibleValue(kind, i))
                m_columns.push_back({ kind, 0, i });
        }
    };
    add(RunColumnKind::Metric, chosen(m_table->metrics, m_choice.allMetrics, m_choice.metrics));
    add(RunColumnKind::Param, chosen(m_table->params, m_choice.allParams, m_choice.params));
    add(RunColumnKind::Tag, chosen(m_table->tags, false, m_choice.tags));
}

int RunTableModel::columnOf(RunColumnKind kind, const QString& key) const
{
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        if (m_columns[c].kind == kind && columnKey(static_cast<int>(c)) == key)
            return static_cast<int>(c);
    }
    return -1;
}

void RunTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnCount())
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> oldOrder = m_order;
    m_sortKey = { columnKind(column), columnKey(column) };
    m_sortOrder = order;
    applySort();
    std::vector<int> newRowOf(m_table ? m_table->rows.size() : 0); // table row -> view row
    for (std::size_t r = 0; r < m_order.size(); ++r)
        newRowOf[static_cast<std::size_t>(m_order[r])] = static_cast<int>(r);
    for (const QModelIndex& index : before) {
        const int tableRow = oldOrder[static_cast<std::size_t>(index.row())];
        changePersistentIndex(index, createIndex(newRowOf[static_cast<std::size_t>(tableRow)], index.column()));
    }
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void RunTableModel::applySort()
{
    m_order = m_visibleRows;
    const std::size_t rows = m_table ? m_table->rows.size() : 0;
    if (!m_sortKey || m_order.empty())
        return;
    const int column = columnOf(m_sortKey->first, m_sortKey->second);
    if (column < 0)
        return;
    const Column& c = m_columns[static_cast<std::size_t>(column)];
    std::vector<QVariant> keys(rows);
    for (int r : m_order)
        keys[static_cast<std::size_t>(r)] = rawValue(c, static_cast<std::size_t>(r));
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    std::stable_sort(m_order.begin(), m_order.end(), [&](int a, int b) {
        const QVariant& x = keys[static_cast<std::size_t>(a)];
        const QVariant& y = keys[static_cast<std::size_t>(b)];
        if (!x.isValid() || !y.isValid())
            return x.isValid() && !y.isValid(); // absent values last in either order
        return descending ? rawLess(y, x) : rawLess(x, y);
    });
}

int RunTableModel::rowOfRun(const QString& runId) const
{
    for (std::size_t r = 0; r < m_order.size(); ++r) {
        if (m_table->rows[static_cast<std::size_t>(m_order[r])].info.runId == runId)
            return static_cast<int>(r);
    }
    return -1;
}

QString RunTableModel::runIdAt(int row) const
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_order.size())
        return {};
    return m_table->rows[static_cast<std::size_t>(m_order[static_cast<std::size_t>(row)])].info.runId;
}

RunColumnKind RunTableModel::columnKind(int column) const
{
    return column >= 0 && static_cast<std::size_t>(column) < m_columns.size()
        ? m_columns[static_cast<std::size_t>(column)].kind
        : RunColumnKind::Attribute;
}

QString RunTableModel::columnKey(int column) const
{
    if (column < 0 || static_cast<std::size_t>(column) >= m_columns.size())
        return {};
    const Column& c = m_columns[static_cast<std::size_t>(column)];
    switch (c.kind) {
    case RunColumnKind::Metric:
        return m_table->metrics[c.source].key;
    case RunColumnKind::Param:
        return m_table->params[c.source].key;
    case RunColumnKind::Tag:
        return m_table->tags[c.source].key;
    case RunColumnKind::Attribute:
        break;
    }
    return QString::number(c.attribute);
}

int RunTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_order.size());
}

int RunTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant RunTableModel::attributeRaw(int attribute, const RunTable::Row& row) const
{
    switch (static_cast<RunAttributeColumn>(attribute)) {
    case RunAttributeColumn::State:
        return statusText(row.info.status);
    case RunAttributeColumn::Name:
        return row.info.runName;
    case RunAttributeColumn::Experiment:
        return row.experimentName;
    case RunAttributeColumn::User:
        return row.info.userId;
    case RunAttributeColumn::Started:
        return row.info.startTime ? QVariant(*row.info.startTime) : QVariant();
    case RunAttributeColumn::Duration:
        return row.info.startTime && row.info.endTime ? QVariant(*row.info.endTime - *row.info.startTime) : QVariant();
    case RunAttributeColumn::RunId:
        return row.info.runId;
    case RunAttributeColumn::Count:
        break;
    }
    return {};
}

QVariant RunTableModel::attributeDisplay(int attribute, const RunTable::Row& row) const
{
    switch (static_cast<RunAttributeColumn>(attribute)) {
    case RunAttributeColumn::Started:
        return DisplayFormat::timestamp(row.info.startTime);
    case RunAttributeColumn::Duration:
        if (row.info.status == RunStatus::Running && !row.info.endTime)
            return tr("running");
        return row.info.startTime && row.info.endTime ? DisplayFormat::duration(*row.info.endTime - *row.info.startTime)
                                                      : QString();
    default:
        return attributeRaw(attribute, row);
    }
}

QVariant RunTableModel::rawValue(const Column& column, std::size_t row) const
{
    const std::size_t r = row;
    switch (column.kind) {
    case RunColumnKind::Attribute:
        return attributeRaw(column.attribute, m_table->rows[r]);
    case RunColumnKind::Metric: {
        const auto& v = m_table->metrics[column.source].values[r];
        return v ? QVariant(*v) : QVariant();
    }
    case RunColumnKind::Param: {
        const auto& v = m_table->params[column.source].values[r];
        return v ? QVariant(*v) : QVariant();
    }
    case RunColumnKind::Tag: {
        const auto& v = m_table->tags[column.source].values[r];
        return v ? QVariant(*v) : QVariant();
    }
    }
    return {};
}

QVariant RunTableModel::displayValue(const Column& column, std::size_t row) const
{
    switch (column.kind) {
    case RunColumnKind::Attribute:
        return attributeDisplay(column.attribute, m_table->rows[row]);
    case RunColumnKind::Metric: {
        const QVariant raw = rawValue(column, row);
        return raw.isValid() ? DisplayFormat::metricValue(raw.toDouble()) : QString();
    }
    case RunColumnKind::Param:
    case RunColumnKind::Tag:
        return firstLine(rawValue(column, row).toString());
    }
    return {};
}

QVariant RunTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const std::size_t row = static_cast<std::size_t>(m_order[static_cast<std::size_t>(index.row())]);
    const Column& column = m_columns[static_cast<std::size_t>(index.column())];
    const RunTable::Row& run = m_table->rows[row];
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(column, row);
    case Qt::ToolTipRole: {
        const QVariant raw = rawValue(column, row);
        if (column.kind == RunColumnKind::Metric && raw.isValid())
            return DisplayFormat::exactValue(raw.toDouble());
        if ((column.kind == RunColumnKind::Param || column.kind == RunColumnKind::Tag) && raw.toString().size() > 40)
            return raw.toString().left(4000);
        return {};
    }
    case Qt::TextAlignmentRole:
        if (column.kind == RunColumnKind::Metric || column.attribute == static_cast<int>(RunAttributeColumn::Duration))
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RawValueRole:
        return rawValue(column, row);
    case RunIdRole:
        return run.info.runId;
    case StatusRole:
        return static_cast<int>(run.info.status);
    case DeletedRole:
        return run.info.lifecycleStage == LifecycleStage::Deleted;
    case ExperimentIdRole:
        return run.info.experimentId;
    case ParentRunIdRole:
        return run.parentRunId;
    case ColumnKindRole:
        return static_cast<int>(column.kind);
    case ColumnKeyRole:
        return columnKey(index.column());
    default:
        return {};
    }
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    const Column& column = m_columns[static_cast<std::size_t>(section)];
    if (role == ColumnKindRole)
        return static_cast<int>(column.kind);
    if (role == ColumnKeyRole)
        return columnKey(section);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (column.kind) {
    case RunColumnKind::Metric:
        return role == Qt::DisplayRole ? columnKey(section) : tr("Metric %1 (latest value)").arg(columnKey(section));
    case RunColumnKind::Param:
        return role == Qt::DisplayRole ? columnKey(section) : tr("Parameter %1").arg(columnKey(section));
    case RunColumnKind::Tag:
        return role == Qt::DisplayRole ? columnKey(section) : tr("Tag %1").arg(columnKey(section));
    case RunColumnKind::Attribute:
        break;
    }
    static const char* const names[] = { QT_TR_NOOP("Status"), QT_TR_NOOP("Run name"), QT_TR_NOOP("Experiment"),
        QT_TR_NOOP("User"), QT_TR_NOOP("Started"), QT_TR_NOOP("Duration"), QT_TR_NOOP("Run ID") };
    return tr(names[column.attribute]);
}

} // namespace prov
