#include "ModelCardEditor.h"

#include "registry/ModelCardSchema.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace prov {
namespace {

QString sectionTitle(ModelCardField::Section section)
{
    switch (section) {
    case ModelCardField::Section::ModelDetails:
        return QObject::tr("Model details");
    case ModelCardField::Section::ModelParameters:
        return QObject::tr("Model parameters");
    case ModelCardField::Section::Considerations:
        return QObject::tr("Considerations");
    }
    return {};
}

} // namespace

ModelCardEditor::ModelCardEditor(QWidget* parent)
    : QWidget(parent)
{
    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    std::optional<ModelCardField::Section> section;
    for (const ModelCardField& field : ModelCardSchema::fields()) {
        if (section != field.section) {
            section = field.section;
            auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(sectionTitle(field.section)), this);
            form->addRow(title);
        }
        QWidget* editor = nullptr;
        if (field.shape == ModelCardField::Shape::Rating) {
            auto* combo = new QComboBox(this);
            combo->addItem(tr("Not rated"), QString());
            for (const QString& rating : ModelCardSchema::riskRatings())
                combo->addItem(rating, rating);
            connect(combo, &QComboBox::currentIndexChanged, this, [this] {
                if (!m_loading)
                    Q_EMIT edited();
            });
            editor = combo;
        } else if (field.name == QLatin1String("overview") || field.name == QLatin1String("license")) {
            auto* line = new QLineEdit(this);
            line->setPlaceholderText(field.hint);
            connect(line, &QLineEdit::textEdited, this, &ModelCardEditor::edited);
            editor = line;
        } else {
            auto* box = new QPlainTextEdit(this);
            box->setPlaceholderText(field.hint);
            box->setTabChangesFocus(true);
            box->setFixedHeight(field.shape == ModelCardField::Shape::Lines ? 72 : 96);
            connect(box, &QPlainTextEdit::textChanged, this, [this] {
                if (!m_loading)
                    Q_EMIT edited();
            });
            editor = box;
        }
        editor->setObjectName(QStringLiteral("field_") + field.name);
        editor->setToolTip(field.hint);
        form->addRow(field.label, editor);
        m_editors.insert(field.name, editor);
    }
}

QWidget* ModelCardEditor::editorFor(const QString& name) const
{
    return m_editors.value(name);
}

void ModelCardEditor::setFields(const CardFields& fields)
{
    m_loading = true;
    for (auto it = m_editors.begin(); it != m_editors.end(); ++it) {
        const QString value = fields.value(it.key());
        if (auto* line = qobject_cast<QLineEdit*>(it.value()); line && line->text() != value) {
            line->setText(value);
            line->setCursorPosition(0); // show the start of a long line, not its end
        } else if (auto* box = qobject_cast<QPlainTextEdit*>(it.value()); box && box->toPlainText() != value)
            box->setPlainText(value);
        else if (auto* combo = qobject_cast<QComboBox*>(it.value()))
            combo->setCurrentIndex(std::max(0, combo->findData(value)));
    }
    m_loading = false;
}

CardFields ModelCardEditor::fields() const
{
    CardFields fields;
    for (auto it = m_editors.begin(); it != m_editors.end(); ++it) {
        QString value;
        if (auto* line = qobject_cast<QLineEdit*>(it.value()))
            value = line->text();
        else if (auto* box = qobject_cast<QPlainTextEdit*>(it.value()))
            value = box->toPlainText();
        else if (auto* combo = qobject_cast<QComboBox*>(it.value()))
            value = combo->currentData().toString();
        if (!value.trimmed().isEmpty())
            fields.insert(it.key(), value.trimmed());
    }
    return fields;
}

} // namespace prov
