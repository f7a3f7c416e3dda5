#pragma once

#include "domain/record.h"

#include <QWidget>

#include <functional>
#include <string>
#include <utility>
#include <vector>

class QPushButton;
class QTableView;

namespace shouwang {
struct EntityDef;
}

namespace shouwang::ui {

class LedgerSession;
class RecordTableModel;

// A list of one entity's records with add, edit and delete: the elder's visits,
// supporters, agreements..., or the village's volunteers and facilities. Records are opened
// in a RecordDialog unless the caller supplies its own dialog (visits, assessments...).
class RecordListPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordListPanel)

public:
    // Opens a dialog on the record (new when its id is empty); true when it was saved.
    using Editor = std::function<bool(QWidget* parent, const Record& record)>;

    RecordListPanel(LedgerSession& session, const EntityDef& entity, std::vector<std::string> columns,
                    QWidget* parent = nullptr);

    // Shows only records with these values, and gives them to new records (hidden in forms).
    void setFixedValues(std::vector<std::pair<std::string, std::string>> values);
    void setPredicate(std::function<bool(const Record&)> predicate);
    void setEditor(Editor editor) { m_editor = std::move(editor); }
    void setReadOnly(bool readOnly);
    bool isReadOnly() const;
    RecordTableModel& model() { return *m_model; }
    QTableView* view() const { return m_view; }

    void reload();
    void addRecord();
    void editRecord(int row);

private:
    void removeRecord();
    bool open(const Record& record);

    LedgerSession& m_session;
    const EntityDef& m_entity;
    RecordTableModel* m_model;
    QTableView* m_view;
    QPushButton* m_add;
    QPushButton* m_remove;
    std::vector<std::pair<std::string, std::string>> m_fixed;
    Editor m_editor;
};

} // namespace shouwang::ui
