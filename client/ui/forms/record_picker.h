#pragma once

#include <QLineEdit>
#include <QTimer>

#include <string>
#include <string_view>

class QAbstractItemView;
class QCompleter;
class QStandardItemModel;

namespace shouwang {
struct ReferenceMatch;
}

namespace shouwang::ui {

class LedgerSession;

// The search box of every reference field (ref_editor.h). What a person types — part of a
// name, the last digits of an ID number, a head of household's name — is looked up in the
// core's index a moment after they stop typing, and at most kShown records are offered, with
// a hint when more match; ↓ on an empty box lists the first ones. Nothing is loaded when a
// form opens. The search runs on the GUI thread, once per pause: it is bounded and mostly
// indexed, at most some 20 ms at 100,000 elders in 40,000 households (docs/performance.md,
// "Also measured"), less than the gap between two keystrokes.
class RecordSearchBox final : public QLineEdit {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordSearchBox)

public:
    static constexpr int kShown = 50;

    RecordSearchBox(LedgerSession& session, std::string entity, QWidget* parent);

    // Runs the search for the text now rather than after the pause (↓, and tests).
    void searchNow();
    QAbstractItemView* popup() const;

signals:
    void picked(const QString& id, const QString& label);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    LedgerSession& m_session;
    std::string m_entity;
    QStandardItemModel* m_model;
    QCompleter* m_completer;
    QTimer m_pause;
};

// How a record reads in a picker: its title, an elder's masked ID number and head of household.
QString referenceLabel(LedgerSession& session, const ReferenceMatch& match);
// How an id a field already holds reads, whatever became of its record: marked deleted or
// out of this device's area, or "not on this device" with the id's start.
QString heldReferenceLabel(LedgerSession& session, std::string_view entity, std::string_view id);

} // namespace shouwang::ui
