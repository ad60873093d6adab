#include "ColumnChooserDialog.h"
#include "ui_ColumnChooserDialog.h"

#include "EmptyStateOverlay.h"
#include "query/RunTable.h"

#include <QPushButton>

namespace prov {
namespace {

template<typename Column> QStringList keysOf(const std::vector<Column>& columns)
{
    QStringList keys;
    keys.reserve(static_cast<qsizetype>(columns.size()));
    for (const Column& column : columns)
        keys << column.key;
    return keys;
}

} // namespace

ColumnChooserDialog::ColumnChooserDialog(const RunTable& table, const RunColumnChoice& current, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ColumnChooserDialog>())
    , m_current(current)
{
    m_ui->setupUi(this);
    m_sections[Metrics] = { m_ui->metricsGroup, m_ui->metricsList, m_ui->metricsCount, nullptr, tr("Metrics"),
        tr("These runs logged no metrics") };
    m_sections[Params] = { m_ui->paramsGroup, m_ui->paramsList, m_ui->paramsCount, nullptr, tr("Parameters"),
        tr("These runs logged no parameters") };
    m_sections[Tags]
        = { m_ui->tagsGroup, m_ui->tagsList, m_ui->tagsCount, nullptr, tr("Tags"), tr("These runs have no tags") };
    setupSection(Metrics, keysOf(table.metrics), current.metrics, current.allMetrics);
    setupSection(Params, keysOf(table.params), current.params, current.allParams);
    setupSection(Tags, keysOf(table.tags), current.tags, false);

    connect(m_ui->metricsAll, &QPushButton::clicked, this, [this] { setShownChecked(Metrics, true); });
    connect(m_ui->metricsNone, &QPushButton::clicked, this, [this] { setShownChecked(Metrics, false); });
    connect(m_ui->paramsAll, &QPushButton::clicked, this, [this] { setShownChecked(Params, true); });
    connect(m_ui->paramsNone, &QPushButton::clicked, this, [this] { setShownChecked(Params, false); });
    connect(m_ui->tagsAll, &QPushButton::clicked, this, [this] { setShownChecked(Tags, true); });
    connect(m_ui->tagsNone, &QPushButton::clicked, this, [this] { setShownChecked(Tags, false); });
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, &ColumnChooserDialog::applySearch);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setDefault(true);
    m_ui->searchEdit->setFocus();
}

ColumnChooserDialog::~ColumnChooserDialog() = default;

void ColumnChooserDialog::setupSection(SectionId id, const QStringList& keys, const QStringList& checked, bool all)
{
    Section& section = m_sections[id];
    section.group->setTitle(QStringLiteral("%1 (%2)").arg(section.title).arg(keys.size()));
    for (const QString& key : keys) {
        auto* item = new QListWidgetItem(key, section.list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(all || checked.contains(key) ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(key);
    }
    section.emptyState = new EmptyStateOverlay(section.list->viewport());
    // Over a view's Base background a label paints with the Text role, which the overlay leaves dark.
    section.emptyState->setMessage(keys.isEmpty() ? section.noKeysMessage : QString());
    connect(section.list, &QListWidget::itemChanged, this, [this, id] { updateCount(id); });
    updateCount(id);
}

void ColumnChooserDialog::setShownChecked(SectionId id, bool checked)
{
    QListWidget* list = m_sections[id].list;
    for (int row = 0; row < list->count(); ++row) {
        if (!list->item(row)->isHidden())
            list->item(row)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

void ColumnChooserDialog::applySearch(const QString& text)
{
    const QString needle = text.trimmed();
    for (int id = 0; id < SectionCount; ++id) {
        QListWidget* list = m_sections[id].list;
        int shown = 0;
        for (int row = 0; row < list->count(); ++row) {
            QListWidgetItem* item = list->item(row);
            const bool match = item->text().contains(needle, Qt::CaseInsensitive);
            item->setHidden(!match);
            shown += match ? 1 : 0;
        }
        if (list->count() > 0)
            m_sections[id].emptyState->setMessage(shown == 0 ? tr("No key contains “%1”").arg(needle) : QString());
        updateCount(static_cast<SectionId>(id));
    }
}

void ColumnChooserDialog::updateCount(SectionId id)
{
    const Section& section = m_sections[id];
    const int total = section.list->count();
    int checked = 0;
    int shown = 0;
    for (int row = 0; row < total; ++row) {
        checked += section.list->item(row)->checkState() == Qt::Checked ? 1 : 0;
        shown += section.list->item(row)->isHidden() ? 0 : 1;
    }
    QString text = tr("%1 of %2 selected").arg(checked).arg(total);
    if (shown < total)
        text += tr(" · %1 shown").arg(shown);
    section.count->setText(text);
}

bool ColumnChooserDialog::allChecked(SectionId id) const
{
    const QListWidget* list = m_sections[id].list;
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->checkState() != Qt::Checked)
            return false;
    }
    return true;
}

QStringList ColumnChooserDialog::checkedKeys(SectionId id) const
{
    const QListWidget* list = m_sections[id].list;
    QStringList keys;
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->checkState() == Qt::Checked)
            keys << list->item(row)->text();
    }
    return keys;
}

RunColumnChoice ColumnChooserDialog::choice() const
{
    // A section with no keys in these runs says nothing new: keep what the caller had.
    RunColumnChoice choice = m_current;
    if (m_sections[Metrics].list->count() > 0) {
        choice.allMetrics = allChecked(Metrics);
        choice.metrics = choice.allMetrics ? QStringList() : checkedKeys(Metrics);
    }
    if (m_sections[Params].list->count() > 0) {
        choice.allParams = allChecked(Params);
        choice.params = choice.allParams ? QStringList() : checkedKeys(Params);
    }
    if (m_sections[Tags].list->count() > 0)
        choice.tags = checkedKeys(Tags);
    return choice;
}

} // namespace prov
