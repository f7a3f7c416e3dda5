#include "area_picker.h"

#include "ui/session/labels.h"
#include "searchable_combo.h"

#include "domain/divisions.h"

#include <QComboBox>
#include <QHBoxLayout>

namespace shouwang::ui {

AreaPicker::AreaPicker(const std::string& scopeCode, QWidget* parent)
    : QWidget(parent)
    , m_scope(scopeCode)
    , m_county(new QComboBox(this))
    , m_township(new QComboBox(this))
    , m_village(new QComboBox(this))
{
    if (scopeCode == kCityCode) {
        // The city's computer looks at the whole city or any one county.
        m_county->addItem(tr("Whole city"), QString());
        for (const Division* county : counties())
            m_county->addItem(qs(county->name), qs(county->code));
    } else {
        const std::string county(enclosingCode(scopeCode, DivisionLevel::County));
        const Division* countyDivision = findDivision(county);
        m_county->addItem(countyDivision ? qs(countyDivision->name) : qs(county), qs(county));
    }
    m_county->setEnabled(scopeCode == kCityCode);
    // A county has up to 40 townships and a township dozens of villages: type to find one.
    if (scopeCode == kCityCode)
        makeSearchable(m_county);
    makeSearchable(m_township);
    makeSearchable(m_village);
    connect(m_county, &QComboBox::currentIndexChanged, this, &AreaPicker::fillTownships);
    connect(m_township, &QComboBox::currentIndexChanged, this, &AreaPicker::fillVillages);
    connect(m_village, &QComboBox::currentIndexChanged, this, &AreaPicker::areaChanged);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QComboBox* combo : {m_county, m_township, m_village})
        layout->addWidget(combo);
    fillTownships();
}

void AreaPicker::fillTownships()
{
    {
        const QSignalBlocker block(m_township);
        m_township->clear();
        const std::string county = ss(m_county->currentData().toString());
        const bool aboveTownship = m_scope == kCityCode || levelOfCode(m_scope) == DivisionLevel::County;
        if (aboveTownship && !county.empty())
            m_township->addItem(tr("Whole county"), QString());
        for (const Division* township : county.empty() ? std::vector<const Division*>{} : childDivisions(county)) {
            if (township->code.starts_with(enclosingCode(m_scope, DivisionLevel::Township)))
                m_township->addItem(qs(township->name), qs(township->code));
        }
        m_township->setEnabled(aboveTownship && !county.empty());
    }
    fillVillages();
}

void AreaPicker::fillVillages()
{
    {
        const QSignalBlocker block(m_village);
        m_village->clear();
        const std::string township = ss(m_township->currentData().toString());
        const bool aboveVillage = levelOfCode(m_scope) != DivisionLevel::Village;
        if (aboveVillage)
            m_village->addItem(township.empty() ? QString() : tr("Whole township"), QString());
        for (const Division* village : township.empty() ? std::vector<const Division*>{} : childDivisions(township)) {
            if (village->code.starts_with(m_scope) && (village->isVillageCommittee() || village->code == m_scope))
                m_village->addItem(qs(shortVillageName(village->name)), qs(village->code));
        }
        m_village->setEnabled(aboveVillage && !township.empty());
    }
    emit areaChanged();
}

std::string AreaPicker::areaCode() const
{
    for (QComboBox* combo : {m_village, m_township, m_county}) {
        const QString code = combo->currentData().toString();
        if (!code.isEmpty())
            return ss(code);
    }
    return m_scope;
}

void AreaPicker::setAreaCode(const std::string& code)
{
    if (m_scope == kCityCode)
        m_county->setCurrentIndex(std::max(
            0, m_county->findData(code == kCityCode ? QString() : qs(enclosingCode(code, DivisionLevel::County)))));
    const std::optional<DivisionLevel> level = levelOfCode(code);
    const bool inTownship = level == DivisionLevel::Township || level == DivisionLevel::Village;
    m_township->setCurrentIndex(
        std::max(0, m_township->findData(inTownship ? qs(enclosingCode(code, DivisionLevel::Township)) : QString())));
    m_village->setCurrentIndex(std::max(0, m_village->findData(level == DivisionLevel::Village ? qs(code) : QString())));
}

} // namespace shouwang::ui
