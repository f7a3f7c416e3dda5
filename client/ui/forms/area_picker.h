#pragma once

#include <QWidget>

#include <string>

class QComboBox;

namespace shouwang::ui {

// The area a report covers: county → township → village from the real division lists,
// limited to what this device keeps (a township's computer offers its own villages only).
// "Whole township" / "whole county" choose the level above.
class AreaPicker final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AreaPicker)

public:
    // `scopeCode`: the 12-, 9- or 6-digit code of what this device keeps, or the city's.
    explicit AreaPicker(const std::string& scopeCode, QWidget* parent = nullptr);

    // The 6-, 9- or 12-digit code chosen; the city's code for the whole city.
    std::string areaCode() const;
    void setAreaCode(const std::string& code);
    QComboBox* countyCombo() const { return m_county; }
    QComboBox* townshipCombo() const { return m_township; }
    QComboBox* villageCombo() const { return m_village; }

signals:
    void areaChanged();

private:
    void fillTownships();
    void fillVillages();

    std::string m_scope;
    QComboBox* m_county;
    QComboBox* m_township;
    QComboBox* m_village;
};

} // namespace shouwang::ui
