#pragma once

#include "ui/forms/form_dialog.h"

#include "domain/record.h"

#include <optional>
#include <string_view>
#include <vector>

class QLabel;
class QTabWidget;
class QVBoxLayout;

namespace shouwang::ui {

class LedgerSession;
class RecordForm;

// One elder's whole record: basic information (the ID number fills in birth date, sex and
// age as it is typed), household and supporters, health, economy, and after the first save
// the lists that hang off the elder (visits, assessments, agreements, pairings, services,
// incident reports) and the change history.
class ElderDialog final : public FormDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElderDialog)

public:
    // An empty id opens a new elder.
    ElderDialog(LedgerSession& session, const std::string& elderId, QWidget* parent = nullptr);

    // The elder fields on each of the dialog's form tabs; together, every field of the schema.
    static std::vector<std::vector<std::string_view>> fieldGroups();

    RecordForm* formFor(std::string_view field) const;
    QTabWidget* tabs() const { return m_tabs; }
    QString derivedText() const;
    QString message() const;
    bool isModified() const override;
    bool save() override;
    // 新建家庭户: asks for the household's fields (`headName` typed in 所属家庭) and selects it;
    // it is stored with the elder at the next Save. False when cancelled.
    bool createHousehold(const QString& headName);

private:
    QWidget* formTab(RecordForm* form);
    void updateDerived();
    void addChildTabs();
    void print();

    QTabWidget* m_tabs;
    std::vector<RecordForm*> m_forms;
    QLabel* m_derived;
    QLabel* m_message;
    QVBoxLayout* m_householdLayout = nullptr;
    bool m_childTabs = false;
    std::optional<Record> m_newHousehold; // made in place, saved with the elder
};

// Opens the elder's record; true when anything was saved.
void openElder(LedgerSession& session, const std::string& elderId, QWidget* parent);

} // namespace shouwang::ui
