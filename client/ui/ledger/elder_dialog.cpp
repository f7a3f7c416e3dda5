#include "elder_dialog.h"

#include "elder_tabs.h"
#include "ui/forms/form_saving.h"
#include "ui/session/labels.h"
#include "new_household_dialog.h"
#include "ui/session/ledger_session.h"
#include "printing.h"
#include "ui/forms/record_form.h"

#include "domain/derived.h"
#include "domain/idcard.h"
#include "domain/schema.h"
#include "domain/schema_names.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace shouwang::ui {

std::vector<std::vector<std::string_view>> ElderDialog::fieldGroups()
{
    return {
        {schema::elder::name, schema::elder::id_number, schema::elder::phone, schema::elder::ethnicity,
         schema::elder::marital, schema::elder::living, schema::elder::left_behind_since, schema::elder::status,
         schema::elder::status_date, schema::elder::status_reason},
        {schema::elder::household_id},
        {schema::elder::health, schema::elder::ability, schema::elder::dementia, schema::elder::chronic_diseases,
         schema::elder::severe_mental, schema::elder::disability_grade, schema::elder::health_mgmt_65,
         schema::elder::daily_carer, schema::elder::facility_id},
        {schema::elder::income_sources, schema::elder::insurance, schema::elder::difficulties,
         schema::elder::difficulties_note},
    };
}

ElderDialog::ElderDialog(LedgerSession& session, const std::string& elderId, QWidget* parent)
    : FormDialog(session, Record{}, "elder", parent)
    , m_tabs(new QTabWidget(this))
{
    if (!elderId.empty()) {
        if (auto stored = session.get(schema::elder::entity, elderId))
            m_record = *stored;
    }
    if (m_record.id.empty())
        m_record.set(schema::elder::status, "active");
    const EntityDef& elder = *findEntity(schema::elder::entity);
    for (const auto& group : fieldGroups()) {
        auto* form = new RecordForm(session, elder, group, {}, this);
        form->load(m_record);
        m_forms.push_back(form);
    }
    m_derived = new QLabel(this);
    m_message = messageLine(this);
    for (RecordForm* form : {m_forms[0], m_forms[2]}) {
        connect(form, &RecordForm::edited, this, [this](const QString& field) {
            if (field == QLatin1String("id_number") || field == QLatin1String("health_mgmt_65"))
                updateDerived();
        });
    }

    auto* basic = formTab(m_forms[0]);
    basic->layout()->addWidget(m_derived);
    m_tabs->addTab(basic, tr("Basic information"));
    auto* household = formTab(m_forms[1]);
    m_householdLayout = qobject_cast<QVBoxLayout*>(household->layout());
    if (session.mayWrite(*findEntity(schema::household::entity))) {
        auto* newHousehold = new QPushButton(tr("New household..."), household);
        newHousehold->setObjectName(QStringLiteral("newHousehold"));
        connect(newHousehold, &QPushButton::clicked, this,
                [this] { createHousehold(m_forms[1]->unmatchedText(schema::elder::household_id)); });
        auto* row = new QHBoxLayout;
        row->addWidget(newHousehold);
        row->addStretch();
        m_householdLayout->addLayout(row);
        // The household picker is the only field here: keep it at the top, not stretched.
        m_householdLayout->setStretch(0, 0);
        m_householdLayout->addStretch(1);
    }
    m_tabs->addTab(household, tr("Household and supporters"));
    m_tabs->addTab(formTab(m_forms[2]), tr("Health and care"));
    m_tabs->addTab(formTab(m_forms[3]), tr("Economy and assistance"));
    if (!m_record.id.empty())
        addChildTabs();

    auto* buttons = new QDialogButtonBox(this);
    const bool writable = session.mayWrite(elder);
    for (RecordForm* form : m_forms)
        form->setReadOnly(!writable);
    if (writable)
        buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole)->setDefault(true);
    buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    auto* printButton = buttons->addButton(tr("Print / PDF"), QDialogButtonBox::ActionRole);
    connect(printButton, &QPushButton::clicked, this, &ElderDialog::print);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] { save(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &ElderDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    updateDerived();
    setWindowTitle(m_record.id.empty() ? tr("New elder")
                                       : tr("Elder: %1").arg(qs(m_record.value(schema::elder::name))));
    resize(1060, 700);
}

QWidget* ElderDialog::formTab(RecordForm* form)
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* scroll = new QScrollArea(page);
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(scroll, 1);
    return page;
}

RecordForm* ElderDialog::formFor(std::string_view field) const
{
    for (RecordForm* form : m_forms) {
        if (form->hasField(field))
            return form;
    }
    return nullptr;
}

QString ElderDialog::derivedText() const
{
    return m_derived->text();
}

QString ElderDialog::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

bool ElderDialog::isModified() const
{
    return std::any_of(m_forms.begin(), m_forms.end(), [](RecordForm* f) { return f->isModified(); });
}

void ElderDialog::updateDerived()
{
    const std::string id = m_forms[0]->value(schema::elder::id_number);
    if (id.empty()) {
        m_derived->setText(tr("Birth date, sex and age are filled in from the ID number."));
        return;
    }
    const IdNumberCheck check = checkIdNumber(id);
    if (!check.ok()) {
        m_derived->setText(tr("ID number: %1").arg(qs(check.error)));
        m_derived->setStyleSheet(QStringLiteral("color: #c00000;"));
        return;
    }
    m_derived->setStyleSheet({});
    const int age = yearsBetween(*parseDate(check.info->birthDate), today());
    QString text = tr("Birth date: %1    Sex: %2    Age: %3")
                       .arg(qs(check.info->birthDate), enumLabel("sex", check.info->sex))
                       .arg(age);
    // The policy's 卫生健康 duty: an elder of 65 or over belongs in 65+ health management.
    if (age >= kHealthManagementAge && m_forms[2]->value(schema::elder::health_mgmt_65) != "1")
        text += tr("    Aged 65 or over and not in 65+ health management: consider a referral to the health "
                   "department (tab Referrals to departments).");
    m_derived->setWordWrap(true);
    m_derived->setText(text);
}

bool ElderDialog::createHousehold(const QString& headName)
{
    NewHouseholdDialog dialog(m_session, headName, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    m_newHousehold = dialog.household();
    m_forms[1]->setValue(schema::elder::household_id, m_newHousehold->id,
                         tr("%1 (new household, saved with the elder)").arg(recordTitle(*m_newHousehold)));
    m_forms[1]->setModified(true);
    return true;
}

bool ElderDialog::save()
{
    const bool isNew = m_record.id.empty();
    // A household typed but not in the list: create it now, in place, or say why not saved.
    const QString typedHousehold = m_forms[1]->unmatchedText(schema::elder::household_id);
    if (!typedHousehold.isEmpty() && !createHousehold(typedHousehold)) {
        m_tabs->setCurrentIndex(1);
        m_forms[1]->showErrors({{schema::elder::household_id,
                                 ss(tr("“%1” is not a household of this village yet: click New household... to create "
                                       "it, or choose one from the list.")
                                        .arg(typedHousehold))}});
        m_message->setText(tr("Not saved: the household “%1” does not exist yet.").arg(typedHousehold));
        m_message->setStyleSheet(QStringLiteral("color: #c00000; font-weight: bold;"));
        m_message->show();
        return false;
    }
    Record* household = m_newHousehold && m_forms[1]->value(schema::elder::household_id) == m_newHousehold->id
        ? &*m_newHousehold
        : nullptr;
    if (!saveFromForms(m_session, m_record, {m_forms[0], m_forms[1], m_forms[2], m_forms[3]}, m_message, household)) {
        // Bring the first tab with a refused value to the front.
        const auto groups = fieldGroups();
        for (int i = 0; i < 4; ++i) {
            RecordForm* form = m_forms[static_cast<std::size_t>(i)];
            for (std::string_view field : groups[static_cast<std::size_t>(i)]) {
                if (!form->errorText(field).isEmpty()) {
                    m_tabs->setCurrentIndex(i);
                    return false;
                }
            }
        }
        return false;
    }
    const bool withHousehold = household != nullptr;
    if (withHousehold) { // stored now: the picker names it like any other household
        m_forms[1]->setValue(schema::elder::household_id, household->id, recordTitle(*household));
        m_newHousehold.reset();
    }
    setWindowTitle(tr("Elder: %1").arg(qs(m_record.value(schema::elder::name))));
    if (!m_message->property("changedUnderForm").toBool()) {
        m_message->setText(withHousehold ? tr("Saved, with the new household.") : tr("Saved."));
        m_message->setStyleSheet(QStringLiteral("color: #006000;"));
        m_message->show();
    }
    if (isNew)
        addChildTabs();
    return true;
}

void ElderDialog::addChildTabs()
{
    if (m_childTabs)
        return;
    m_childTabs = true;
    addElderRecordTabs(m_session, m_record.id, m_tabs, m_householdLayout);
}

void ElderDialog::print()
{
    printElderRecord(m_session, m_record.id.empty() ? m_record : *m_session.get(schema::elder::entity, m_record.id),
                     this);
}

void openElder(LedgerSession& session, const std::string& elderId, QWidget* parent)
{
    ElderDialog dialog(session, elderId, parent);
    dialog.exec();
}

} // namespace shouwang::ui
