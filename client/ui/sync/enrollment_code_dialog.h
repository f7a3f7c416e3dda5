#pragma once

#include "sync/scope.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace shouwang::ui {

// 生成设备登记码: on the city's database the county admin has no server to log in to, so
// the admin's own computer (scope county:…, or the city's) asks the server for a one-time
// code for a village, township or the county itself, and reads it out to the new
// computer's user. The request itself runs on the sync page's worker (codeRequested).
class EnrollmentCodeDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnrollmentCodeDialog)

public:
    EnrollmentCodeDialog(const Scope& admin, QWidget* parent = nullptr);

    QComboBox* levelBox() const { return m_level; }
    QComboBox* unitBox() const { return m_unit; }
    QSpinBox* daysBox() const { return m_days; }
    QPushButton* makeButton() const { return m_make; }
    QLabel* codeLabel() const { return m_code; }
    // The scope of the unit chosen ("village:500154102200"), or "" while none is.
    QString chosenScope() const;

    void showCode(const QString& code, const QString& expiresAt);
    void showError(const QString& message);

signals:
    void codeRequested(const QString& scope, int days);

private:
    void fillUnits();

    Scope m_admin;
    QComboBox* m_level;
    QComboBox* m_unit;
    QSpinBox* m_days;
    QPushButton* m_make;
    QLabel* m_code;
};

} // namespace shouwang::ui
