#include "record_form.h"

#include "field_editor_factory.h"
#include "ui/session/labels.h"

#include "domain/schema.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace shouwang::ui {

RecordForm::RecordForm(LedgerSession& session, const EntityDef& entity, std::vector<std::string_view> fields,
                       std::vector<std::string_view> hidden, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_entity(entity)
{
    if (fields.empty()) {
        for (const auto& f : entity.fields) {
            if (std::find(hidden.begin(), hidden.end(), f.name) == hidden.end())
                fields.push_back(f.name);
        }
    }
    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    for (std::string_view name : fields) {
        const FieldDef* def = entity.field(name);
        if (!def)
            continue;
        auto row = std::make_unique<Row>();
        auto* cell = new QWidget(this);
        auto* cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->setSpacing(2);
        row->editor = createFieldEditor(*def, session, cell);
        row->editor->widget()->setObjectName(qs(def->name));
        row->error = new QLabel(cell);
        row->error->setStyleSheet(QStringLiteral("color: #c00000;"));
        row->error->setWordWrap(true);
        row->error->hide();
        cellLayout->addWidget(row->editor->widget());
        cellLayout->addWidget(row->error);
        const QString caption = label(*def) + (def->required ? QStringLiteral(" *") : QString());
        form->addRow(caption, cell);
        const QString fieldName = qs(def->name);
        connect(row->editor.get(), &FieldEditor::edited, this, [this, fieldName, def] {
            m_modified = true;
            followValue(def->name);
            emit edited(fieldName);
        });
        m_rows.emplace_back(std::string(name), std::move(row));
    }
}

RecordForm::~RecordForm() = default;

RecordForm::Row* RecordForm::row(std::string_view field) const
{
    for (const auto& [name, row] : m_rows) {
        if (name == field)
            return row.get();
    }
    return nullptr;
}

void RecordForm::load(const Record& record)
{
    for (const auto& [name, row] : m_rows) {
        const QSignalBlocker block(row->editor.get());
        row->editor->setValue(record.value(name));
    }
    clearErrors();
    m_modified = false;
}

void RecordForm::store(Record& record) const
{
    for (const auto& [name, row] : m_rows)
        record.set(name, row->editor->value());
}

std::string RecordForm::value(std::string_view field) const
{
    Row* r = row(field);
    return r ? r->editor->value() : std::string();
}

void RecordForm::setValue(std::string_view field, const std::string& value)
{
    if (Row* r = row(field)) {
        const QSignalBlocker block(r->editor.get());
        r->editor->setValue(value);
    }
}

void RecordForm::setValue(std::string_view field, const std::string& value, const QString& caption)
{
    if (Row* r = row(field)) {
        const QSignalBlocker block(r->editor.get());
        r->editor->setCaptionedValue(value, caption);
    }
}

QWidget* RecordForm::editorWidget(std::string_view field) const
{
    Row* r = row(field);
    return r ? r->editor->widget() : nullptr;
}

bool RecordForm::hasField(std::string_view field) const
{
    return row(field) != nullptr;
}

void RecordForm::followValue(std::string_view field)
{
    // A red message shown after a refused save speaks of the value then; once the value
    // changes it must speak of the current one, or vanish when that one is fine.
    Row* r = row(field);
    if (!r || r->error->isHidden())
        return;
    const std::string message = validateValue(r->editor->field(), r->editor->value());
    if (message.empty()) {
        r->error->clear();
        r->error->hide();
    } else {
        r->error->setText(qs(message));
    }
}

QString RecordForm::unmatchedText(std::string_view field) const
{
    Row* r = row(field);
    return r ? r->editor->unmatchedText() : QString();
}

std::vector<FieldError> RecordForm::unmatchedErrors() const
{
    std::vector<FieldError> errors;
    for (const auto& [name, row] : m_rows) {
        const QString typed = row->editor->unmatchedText();
        if (!typed.isEmpty())
            errors.push_back({name, ss(tr("“%1” is not in the list: choose one of the list, or clear the box.")
                                           .arg(typed))});
    }
    return errors;
}

int RecordForm::showErrors(const std::vector<FieldError>& errors)
{
    clearErrors();
    int shown = 0;
    QWidget* first = nullptr;
    for (const auto& error : errors) {
        if (Row* r = row(error.field)) {
            r->error->setText(qs(error.message));
            r->error->show();
            if (!first)
                first = r->editor->widget();
            ++shown;
        }
    }
    if (first)
        first->setFocus();
    return shown;
}

void RecordForm::clearErrors()
{
    for (const auto& [name, row] : m_rows) {
        row->error->clear();
        row->error->hide();
    }
}

QString RecordForm::errorText(std::string_view field) const
{
    Row* r = row(field);
    return r && !r->error->isHidden() ? r->error->text() : QString();
}

void RecordForm::setReadOnly(bool readOnly)
{
    for (const auto& [name, row] : m_rows)
        row->editor->setReadOnly(readOnly);
}

} // namespace shouwang::ui
