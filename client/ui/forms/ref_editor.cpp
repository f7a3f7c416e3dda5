#include "ref_editor.h"

#include "ui/session/labels.h"
#include "record_picker.h"

#include "domain/schema.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace shouwang::ui {
namespace {

class RefEditor final : public FieldEditor {
public:
    RefEditor(const FieldDef& field, LedgerSession& session, QWidget* parent)
        : FieldEditor(field, parent)
        , m_session(session)
        , m_box(new RecordSearchBox(session, std::string(field.ref), parent))
    {
        connect(m_box, &RecordSearchBox::picked, this, [this](const QString& id, const QString& label) {
            const bool changed = ss(id) != m_id;
            m_id = ss(id);
            m_label = label;
            m_box->setText(label);
            if (changed)
                emit edited();
        });
        // What is typed is a search, not a value: an emptied box clears the reference, and a
        // search left without a pick stays as typed, so saving says it matches no record (or
        // offers to make it, a new household) instead of dropping it (unmatchedText).
        connect(m_box, &QLineEdit::editingFinished, this, [this] {
            if (m_box->popup()->isVisible())
                return;
            if (m_box->text().trimmed().isEmpty()) {
                if (!m_id.empty()) {
                    m_id.clear();
                    m_label.clear();
                    emit edited();
                }
                m_box->setText(m_label);
            }
        });
    }
    QWidget* widget() const override { return m_box; }
    std::string value() const override { return m_id; }
    void setValue(const std::string& value) override
    {
        m_id = value;
        m_label = heldReferenceLabel(m_session, field().ref, value);
        m_box->setText(m_label);
    }
    void setCaptionedValue(const std::string& value, const QString& caption) override
    {
        m_id = value;
        m_label = caption;
        m_box->setText(m_label);
    }
    void setReadOnly(bool readOnly) override { m_box->setReadOnly(readOnly); }
    QString unmatchedText() const override
    {
        const QString typed = m_box->text().trimmed();
        return typed.isEmpty() || typed == m_label.trimmed() ? QString() : typed;
    }

private:
    LedgerSession& m_session;
    RecordSearchBox* m_box;
    std::string m_id;
    QString m_label;
};

class RefListEditor final : public FieldEditor {
public:
    RefListEditor(const FieldDef& field, LedgerSession& session, QWidget* parent)
        : FieldEditor(field, parent)
        , m_session(session)
        , m_widget(new QWidget(parent))
        , m_list(new QListWidget(m_widget))
        , m_search(new RecordSearchBox(session, std::string(field.ref), m_widget))
        , m_remove(new QPushButton(RecordSearchBox::tr("Remove"), m_widget))
    {
        auto* layout = new QVBoxLayout(m_widget);
        layout->setContentsMargins(0, 0, 0, 0);
        m_list->setMaximumHeight(120);
        m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
        layout->addWidget(m_list);
        auto* row = new QHBoxLayout;
        row->addWidget(m_search, 1);
        row->addWidget(m_remove);
        layout->addLayout(row);
        m_remove->setEnabled(false);
        connect(m_list, &QListWidget::itemSelectionChanged, this,
                [this] { m_remove->setEnabled(!m_readOnly && !m_list->selectedItems().isEmpty()); });
        connect(m_search, &RecordSearchBox::picked, this, [this](const QString& id, const QString& label) {
            m_search->clear();
            if (contains(id))
                return;
            add(id, label);
            emit edited();
        });
        connect(m_remove, &QPushButton::clicked, this, [this] {
            const auto selected = m_list->selectedItems();
            if (selected.isEmpty())
                return;
            qDeleteAll(selected);
            emit edited();
        });
    }
    QWidget* widget() const override { return m_widget; }
    std::string value() const override
    {
        QStringList ids;
        for (int i = 0; i < m_list->count(); ++i)
            ids << m_list->item(i)->data(Qt::UserRole).toString();
        return ss(ids.join(u','));
    }
    void setValue(const std::string& value) override
    {
        m_list->clear();
        for (const QString& id : qs(value).split(u',', Qt::SkipEmptyParts)) {
            if (!contains(id))
                add(id, heldReferenceLabel(m_session, field().ref, ss(id)));
        }
    }
    void setReadOnly(bool readOnly) override
    {
        m_readOnly = readOnly;
        m_search->setReadOnly(readOnly);
        m_search->setVisible(!readOnly);
        m_remove->setVisible(!readOnly);
    }

private:
    bool contains(const QString& id) const
    {
        for (int i = 0; i < m_list->count(); ++i) {
            if (m_list->item(i)->data(Qt::UserRole).toString() == id)
                return true;
        }
        return false;
    }
    void add(const QString& id, const QString& label)
    {
        auto* item = new QListWidgetItem(label, m_list);
        item->setData(Qt::UserRole, id);
    }

    LedgerSession& m_session;
    QWidget* m_widget;
    QListWidget* m_list;
    RecordSearchBox* m_search;
    QPushButton* m_remove;
    bool m_readOnly = false;
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
