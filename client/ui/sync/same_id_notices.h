#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace shouwang::ui {

class LedgerSession;

// What the county told at a sync about this village's elders whose 身份证号 an elder of
// another village holds (store/id_number_notices.h): the elder, the county's words naming the
// other village and person, and when it was told. The clerk checks each and dismisses it;
// an elder whose number is corrected drops off by itself. Hidden while there is none.
class SameIdNotices final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SameIdNotices)

public:
    explicit SameIdNotices(LedgerSession& session, QWidget* parent = nullptr);
    ~SameIdNotices() override;

    void refresh();
    QTableWidget* table() const { return m_table; }
    QPushButton* dismissButton() const { return m_dismiss; }

private:
    void dismissSelected();

    LedgerSession& m_session;
    QLabel* m_title;
    QTableWidget* m_table;
    QPushButton* m_dismiss;
};

} // namespace shouwang::ui
