#pragma once

#include "store/conflict_queue.h"

#include <QWidget>

#include <memory>
#include <vector>

class QGroupBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QVBoxLayout;

namespace shouwang::ui {

class ConflictTable;
class FieldEditor;
class LedgerSession;

// The conflict queue (冲突处理): two people changed the same field at the same time. Both
// values side by side with who wrote each and when; choose one, or type a new one. The
// choice is an ordinary save (resolveConflict), captured and synced like any change, and it
// settles the conflict on every device it reaches.
class ConflictView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConflictView)

public:
    explicit ConflictView(LedgerSession& session, QWidget* parent = nullptr);
    ~ConflictView() override;

    QTableWidget* table() const;
    int conflictCount() const { return static_cast<int>(m_conflicts.size()); }
    void select(int row);
    // Resolve the selected conflict: with value A, value B, or what is typed in the editor.
    bool chooseA();
    bool chooseB();
    bool chooseTyped();
    FieldEditor* typedEditor() const { return m_typed.get(); }
    QString errorText() const;
    void refresh();

private:
    QGroupBox* valueBox(const QString& title, QLabel*& text, QPushButton*& button);
    void showSelected();
    bool resolve(const std::string& value);
    const Conflict* selected() const;

    LedgerSession& m_session;
    std::vector<Conflict> m_conflicts;
    ConflictTable* m_table;
    QLabel* m_heading;
    QLabel* m_valueA;
    QLabel* m_valueB;
    QPushButton* m_useA;
    QPushButton* m_useB;
    QPushButton* m_useTyped;
    QVBoxLayout* m_typedLayout;
    std::unique_ptr<FieldEditor> m_typed;
    QLabel* m_error;
    QWidget* m_detail;
};

} // namespace shouwang::ui
