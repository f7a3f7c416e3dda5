#include "ref_editor.h"

#include "labels.h"
#include "ledger_session.h"
#include "searchable_combo.h"

#include "domain/schema.h"
#include "store/elder_query.h"

#include <QComboBox>
#include <QListWidget>
#include <QSet>

namespace shouwang::ui {

std::vector<std::pair<std::string, QString>> referenceChoices(LedgerSession& session, std::string_view entity)
{
    std::vector<std::pair<std::string, QString>> choices;
    if (entity == "elder") {
        ElderFilter filter;
        filter.villagePrefix = session.scopeCode();
        filter.limit = 5000;
        for (const auto& row : findElders(session.database(), filter, today()))
            choices.emplace_back(row.id, qs(row.name) + QStringLiteral("（%1）").arg(qs(row.birthDate)));
        return choices;
    }
    ListFilter filter;
    filter.villagePrefix = session.countyCode();
    filter.limit = 5000;
    for (const auto& record : session.list(entity, filter))
        choices.emplace_back(record.id, recordTitle(record));
    return choices;
}

namespace {

class RefEditor final : public FieldEditor {
public:
    RefEditor(const FieldDef& field, LedgerSession& session, QWidget* parent)
        : FieldEditor(field, parent)
        , m_combo(new QComboBox(parent))
    {
        makeSearchable(m_combo);
        m_combo->addItem(QString(), QString());
        for (const auto& [id, title] : referenceChoices(session, field.ref))
            m_combo->addItem(title, qs(id));
        m_combo->setMinimumContentsLength(16);
        connect(m_combo, &QComboBox::currentIndexChanged, this, &FieldEditor::edited);
    }
    QWidget* widget() const override { return m_combo; }
    std::string value() const override
    {
        const int index = m_combo->findText(m_combo->currentText());
        return index < 0 ? m_unknown : ss(m_combo->itemData(index).toString());
    }
    void setValue(const std::string& value) override
    {
        const QSignalBlocker block(m_combo);
        const int index = m_combo->findData(qs(value));
        m_unknown = index < 0 ? value : std::string();
        m_combo->setCurrentIndex(std::max(index, 0));
    }
    void setReadOnly(bool readOnly) override { m_combo->setEnabled(!readOnly); }
    QString unmatchedText() const override
    {
        const QString typed = m_combo->currentText().trimmed();
        return typed.isEmpty() || m_combo->findText(m_combo->currentText()) >= 0 ? QString() : typed;
    }

private:
    QComboBox* m_combo;
    std::string m_unknown; // a reference this device has not received yet: kept as it is
};

class RefListEditor final : public FieldEditor {
public:
    RefListEditor(const FieldDef& field, LedgerSession& session, QWidget* parent)
        : FieldEditor(field, parent)
        , m_list(new QListWidget(parent))
    {
        m_list->setMaximumHeight(120);
        for (const auto& [id, title] : referenceChoices(session, field.ref)) {
            auto* item = new QListWidgetItem(title, m_list);
            item->setData(Qt::UserRole, qs(id));
            item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
            item->setCheckState(Qt::Unchecked);
        }
        connect(m_list, &QListWidget::itemChanged, this, &FieldEditor::edited);
    }
    QWidget* widget() const override { return m_list; }
    std::string value() const override
    {
        QStringList ids;
        for (int i = 0; i < m_list->count(); ++i) {
            if (m_list->item(i)->checkState() == Qt::Checked)
                ids << m_list->item(i)->data(Qt::UserRole).toString();
        }
        return ss(ids.join(u','));
    }
    void setValue(const std::string& value) override
    {
        const QSignalBlocker block(m_list);
        const QStringList list = qs(value).split(u',', Qt::SkipEmptyParts);
        const QSet<QString> ids(list.begin(), list.end());
        for (int i = 0; i < m_list->count(); ++i) {
            auto* item = m_list->item(i);
            item->setCheckState(ids.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
        }
    }
    void setReadOnly(bool readOnly) override { m_list->setEnabled(!readOnly); }

private:
    QListWidget* m_list;
};

} // namespace

std::unique_ptr<FieldEditor> createRefEditor(const FieldDef& field, LedgerSession& session, QWidget* parent)
{
    return std::make_unique<RefEditor>(field, session, parent);
}

std::unique_ptr<FieldEditor> createRefListEditor(const FieldDef& field, LedgerSession& session, QWidget* parent)
{
    return std::make_unique<RefListEditor>(field, session, parent);
}

} // namespace shouwang::ui
