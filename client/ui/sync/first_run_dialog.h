#pragma once

#include <QDialog>

#include <string>

class QComboBox;
class QLineEdit;
class QRadioButton;

namespace shouwang::ui {

class LedgerSession;

// The first start: which village this computer keeps (county → township → village, from
// the real division lists), who is using it, and how to begin: an empty ledger, enrolling
// with the county's code, or a demo village to learn with.
class FirstRunDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstRunDialog)

public:
    enum class Start { Empty, Enroll, Demo };

    explicit FirstRunDialog(QWidget* parent = nullptr);

    std::string villageCode() const;
    // The village, or for a demo at township or county level that township or county.
    std::string scopeCode() const;
    QString operatorName() const;
    Start start() const;
    QString serverUrl() const;
    QString enrollmentCode() const;
    // Selects a village by its 12-digit code (and its county and township).
    void selectVillage(const std::string& code);

public slots:
    void accept() override;

private:
    void fillTownships();
    void fillVillages();

    QComboBox* m_county;
    QComboBox* m_township;
    QComboBox* m_village;
    QLineEdit* m_operator;
    QRadioButton* m_empty;
    QRadioButton* m_enroll;
    QRadioButton* m_demo;
    QComboBox* m_demoLevel;
    QLineEdit* m_server;
    QLineEdit* m_code;
};

// Fills a new ledger with a demo of a village (12 digits: `elders` elders), a township (9) or
// a county (6: its first villages, with the county's reference data), on a worker thread
// while a progress dialog shows. Returns an empty string or the reason it failed.
QString createDemo(LedgerSession& session, const std::string& scopeCode, std::size_t elders, QWidget* parent);

} // namespace shouwang::ui
