#include "field_editor_factory.h"

#include "date_editor.h"
#include "ui/session/labels.h"
#include "ref_editor.h"

#include "domain/enums.h"
#include "domain/schema.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSet>

namespace shouwang::ui {

namespace {

class LineEditor final : public FieldEditor {
public:
    LineEditor(const FieldDef& field, QWidget* parent)
        : FieldEditor(field, parent)
        , m_edit(new QLineEdit(parent))
    {
        if (field.type == FieldType::IdNumber)
            m_edit->setMaxLength(18);
        connect(m_edit, &QLineEdit::textEdited, this, &FieldEditor::edited);
    }
    QWidget* widget() const override { return m_edit; }
    std::string value() const override { return ss(m_edit->text().trimmed()); }
    void setValue(const std::string& value) override { m_edit->setText(qs(value)); }
    void setReadOnly(bool readOnly) override { m_edit->setReadOnly(readOnly); }

private:
    QLineEdit* m_edit;
};

class LongTextEditor final : public FieldEditor {
public:
    LongTextEditor(const FieldDef& field, QWidget* parent)
        : FieldEditor(field, parent)
        , m_edit(new QPlainTextEdit(parent))
    {
        m_edit->setTabChangesFocus(true);
        m_edit->setMaximumHeight(80);
        connect(m_edit, &QPlainTextEdit::textChanged, this, &FieldEditor::edited);
    }
    QWidget* widget() const override { return m_edit; }
    std::string value() const override { return ss(m_edit->toPlainText().trimmed()); }
    void setValue(const std::string& value) override
    {
        const QSignalBlocker block(m_edit);
        m_edit->setPlainText(qs(value));
    }
    void setReadOnly(bool readOnly) override { m_edit->setReadOnly(readOnly); }

private:
    QPlainTextEdit* m_edit;
};

class BoolEditor final : public FieldEditor {
public:
    BoolEditor(const FieldDef& field, QWidget* parent)
        : FieldEditor(field, parent)
        , m_box(new QCheckBox(parent))
    {
        connect(m_box, &QCheckBox::clicked, this, &FieldEditor::edited);
    }
    QWidget* widget() const override { return m_box; }
    std::string value() const override { return m_box->isChecked() ? "1" : "0"; }
    void setValue(const std::string& value) override { m_box->setChecked(value == "1"); }
    void setReadOnly(bool readOnly) override { m_box->setEnabled(!readOnly); }

private:
    QCheckBox* m_box;
};

class EnumEditor final : public FieldEditor {
public:
    EnumEditor(const FieldDef& field, QWidget* parent)
        : FieldEditor(field, parent)
        , m_combo(new QComboBox(parent))
    {
        m_combo->addItem(FieldEditor::tr("(not filled in)"), QString());
        if (const EnumDef* def = findEnum(field.ref)) {
            for (const auto& option : def->options)
                m_combo->addItem(label(option), qs(option.code));
        }
        connect(m_combo, &QComboBox::activated, this, &FieldEditor::edited);
    }
    QWidget* widget() const override { return m_combo; }
    std::string value() const override { return ss(m_combo->currentData().toString()); }
    void setValue(const std::string& value) override
    {
        int index = m_combo->findData(qs(value));
        if (index < 0 && !value.empty()) { // an unknown code from a newer version: keep it
            m_combo->addItem(qs(value), qs(value));
            index = m_combo->count() - 1;
        }
        m_combo->setCurrentIndex(std::max(index, 0));
    }
    void setReadOnly(bool readOnly) override { m_combo->setEnabled(!readOnly); }

private:
    QComboBox* m_combo;
};

class EnumSetEditor final : public FieldEditor {
public:
    EnumSetEditor(const FieldDef& field, QWidget* parent)
        : FieldEditor(field, parent)
        , m_box(new QWidget(parent))
    {
        auto* grid = new QGridLayout(m_box);
        grid->setContentsMargins(0, 0, 0, 0);
        if (const EnumDef* def = findEnum(field.ref)) {
            int i = 0;
            for (const auto& option : def->options) {
                auto* check = new QCheckBox(label(option), m_box);
                check->setProperty("code", qs(option.code));
                connect(check, &QCheckBox::clicked, this, &FieldEditor::edited);
                grid->addWidget(check, i / 3, i % 3);
                m_checks.push_back(check);
                ++i;
            }
        }
    }
    QWidget* widget() const override { return m_box; }
    std::string value() const override
    {
        QStringList codes;
        for (auto* check : m_checks) {
            if (check->isChecked())
                codes << check->property("code").toString();
        }
        return ss(codes.join(u','));
    }
    void setValue(const std::string& value) override
    {
        const QStringList list = qs(value).split(u',', Qt::SkipEmptyParts);
        const QSet<QString> codes(list.begin(), list.end());
        for (auto* check : m_checks)
            check->setChecked(codes.contains(check->property("code").toString()));
    }
    void setReadOnly(bool readOnly) override
    {
        for (auto* check : m_checks)
            check->setEnabled(!readOnly);
    }

private:
    QWidget* m_box;
    std::vector<QCheckBox*> m_checks;
};

} // namespace

std::unique_ptr<FieldEditor> createFieldEditor(const FieldDef& field, LedgerSession& session, QWidget* parent)
{
    switch (field.type) {
    case FieldType::LongText:
        return std::make_unique<LongTextEditor>(field, parent);
    case FieldType::Bool:
        return std::make_unique<BoolEditor>(field, parent);
    case FieldType::Enum:
        return std::make_unique<EnumEditor>(field, parent);
    case FieldType::EnumSet:
        return std::make_unique<EnumSetEditor>(field, parent);
    case FieldType::Date:
        return createDateEditor(field, parent, false);
    case FieldType::DateTime:
        return createDateEditor(field, parent, true);
    case FieldType::Ref:
        return createRefEditor(field, session, parent);
    case FieldType::RefList:
        return createRefListEditor(field, session, parent);
    case FieldType::Text:
    case FieldType::Integer:
    case FieldType::Phone:
    case FieldType::IdNumber:
        break;
    }
    return std::make_unique<LineEditor>(field, parent);
}

} // namespace shouwang::ui
