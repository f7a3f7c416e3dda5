#include "ledger_view.h"

#include "csv_exchange.h"
#include "elder_dialog.h"
#include "elder_table_model.h"
#include "household_dialog.h"
#include "printing.h"
#include "ui/care/visit_dialog.h"
#include "ui/forms/record_list_panel.h"
#include "ui/forms/row_list.h"
#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"

#include "domain/enums.h"
#include "domain/schema.h"
#include "domain/schema_names.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace shouwang::ui {

LedgerView::LedgerView(LedgerSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new ElderTableModel(session, this))
{
    auto* tabs = new QTabWidget(this);
    tabs->addTab(buildElderPage(), tr("Elders"));
    auto* households = new RecordListPanel(session, *findEntity(schema::household::entity),
                                           {schema::household::head_name, schema::household::address,
                                            schema::household::registered_poor, schema::household::dibao,
                                            schema::household::tekun, schema::household::notes},
                                           this);
    households->setFixedValues({});
    households->setEditor([&session](QWidget* p, const Record& household) {
        HouseholdDialog dialog(session, household, p);
        return dialog.exec() == QDialog::Accepted;
    });
    tabs->addTab(households, tr("Households"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs);
    connect(&session, &LedgerSession::changed, this, [this, households] {
        applyFilter();
        households->reload();
    });
    applyFilter();
    m_table->resizeColumnsToContents();
}

QWidget* LedgerView::buildFilters()
{
    auto* box = new QWidget(this);
    auto* grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(box);
    m_search->setPlaceholderText(tr("Search by name, ID number or phone"));
    m_search->setClearButtonEnabled(true);
    m_risk = new QComboBox(box);
    m_risk->addItem(tr("All risk levels"), QString());
    for (const auto& option : findEnum("risk_level")->options)
        m_risk->addItem(label(option), qs(option.code));
    m_risk->addItem(tr("Not assessed"), QStringLiteral("none"));
    m_status = new QComboBox(box);
    m_status->addItem(tr("All statuses"), QString());
    for (const auto& option : findEnum("elder_status")->options)
        m_status->addItem(label(option), qs(option.code));
    m_status->setCurrentIndex(1); // 在册: the people the village looks after now
    m_overdue = new QCheckBox(tr("Visit overdue"), box);
    grid->addWidget(m_search, 0, 0, 1, 3);
    grid->addWidget(m_risk, 0, 3);
    grid->addWidget(m_status, 0, 4);
    grid->addWidget(m_overdue, 0, 5);
    m_programme = new QComboBox(box);
    m_programme->addItem(tr("All programmes"), QString());
    m_programme->addItem(tr("In 65+ health management"), QStringLiteral("health_65"));
    m_programme->addItem(tr("65+ not in health management"), QStringLiteral("health_65_missing"));
    m_programme->addItem(tr("Registered poor household (建档立卡)"), QStringLiteral("registered_poor"));
    m_programme->addItem(tr("Minimum-allowance household (低保)"), QStringLiteral("dibao"));
    m_programme->addItem(tr("Extreme-poverty support (特困)"), QStringLiteral("tekun"));
    grid->addWidget(m_programme, 0, 6);
    connect(m_programme, &QComboBox::currentIndexChanged, this, &LedgerView::applyFilter);
    const std::pair<std::uint32_t, QString> flags[] = {
        {ElderFilter::AdvancedAge, tr("Aged 80+")}, {ElderFilter::Disabled, tr("Disabled")},
        {ElderFilter::Dementia, tr("Dementia")},    {ElderFilter::Alone, tr("Lives alone")},
        {ElderFilter::Hardship, tr("Hardship")},    {ElderFilter::KeyTarget, tr("Key target")},
        {ElderFilter::Eligible, tr("Meets left-behind criteria")},
    };
    int column = 0;
    for (const auto& [flag, text] : flags) {
        auto* check = new QCheckBox(text, box);
        grid->addWidget(check, 1, column++);
        m_flags.emplace_back(flag, check);
        connect(check, &QCheckBox::toggled, this, &LedgerView::applyFilter);
    }
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_searchDelay, &QTimer::timeout, this, &LedgerView::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_risk, &QComboBox::currentIndexChanged, this, &LedgerView::applyFilter);
    connect(m_status, &QComboBox::currentIndexChanged, this, &LedgerView::applyFilter);
    connect(m_overdue, &QCheckBox::toggled, this, &LedgerView::applyFilter);
    return box;
}

QWidget* LedgerView::buildElderPage()
{
    auto* page = new QWidget(this);
    m_table = new QTableView(page);
    m_table->setModel(m_model);
    // No column first, so enabling sorting asks for the ledger's own order (one query).
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    makeRowList(m_table);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (const ElderRow* row = m_model->rowAt(index.row()))
            emit openElderRequested(qs(row->id));
    });
    m_count = new QLabel(page);
    auto* add = new QPushButton(tr("New elder"), page);
    auto* open = new QPushButton(tr("Open record"), page);
    auto* visit = new QPushButton(tr("Record a visit"), page);
    auto* print = new QPushButton(tr("Print ledger / PDF"), page);
    auto* csv = new QPushButton(tr("Export Excel/CSV"), page);
    auto* importCsv = new QPushButton(tr("Import Excel/CSV"), page);
    auto* importTemplate = new QPushButton(tr("Import template"), page);
    connect(importCsv, &QPushButton::clicked, this, [this] { importLedgerCsv(m_session, this); });
    connect(importTemplate, &QPushButton::clicked, this, [this] { saveImportTemplate(m_session, this); });
    connect(add, &QPushButton::clicked, this, &LedgerView::newElder);
    connect(open, &QPushButton::clicked, this, [this] {
        if (!currentElderId().empty())
            emit openElderRequested(qs(currentElderId()));
    });
    connect(visit, &QPushButton::clicked, this, &LedgerView::visitCurrent);
    connect(print, &QPushButton::clicked, this, [this] { printLedger(m_session, currentFilter(), this); });
    connect(csv, &QPushButton::clicked, this, &LedgerView::exportCsv);
    auto* buttons = new QHBoxLayout;
    for (QWidget* w : std::initializer_list<QWidget*>{add, open, visit, print, csv, importCsv, importTemplate})
        buttons->addWidget(w);
    // New elders and imports belong to a village; a township only reads the ledger.
    const bool village = m_session.scopeKind() == Scope::Kind::Village;
    add->setVisible(village);
    importCsv->setVisible(village);
    importTemplate->setVisible(village);
    visit->setVisible(m_session.mayWrite(*findEntity(schema::visit::entity)));
    buttons->addStretch();
    buttons->addWidget(m_count);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(buildFilters());
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    return page;
}

QCheckBox* LedgerView::flagBox(std::uint32_t flag) const
{
    for (const auto& [f, box] : m_flags) {
        if (f == flag)
            return box;
    }
    return nullptr;
}

ElderFilter LedgerView::currentFilter() const
{
    ElderFilter filter = m_model->filter();
    filter.villagePrefix = m_session.scopeCode();
    filter.text = ss(m_search->text().trimmed());
    filter.riskLevel = ss(m_risk->currentData().toString());
    filter.status = ss(m_status->currentData().toString());
    filter.overdue = m_overdue->isChecked();
    filter.programme = ss(m_programme->currentData().toString());
    filter.flags = 0;
    for (const auto& [flag, box] : m_flags) {
        if (box->isChecked())
            filter.flags |= flag;
    }
    return filter;
}

void LedgerView::applyFilter()
{
    m_model->setFilter(currentFilter());
    m_count->setText(tr("%n elder(s)", nullptr, static_cast<int>(m_model->totalCount())));
}

std::string LedgerView::currentElderId() const
{
    const ElderRow* row = m_model->rowAt(m_table->currentIndex().row());
    return row ? row->id : std::string();
}

void LedgerView::newElder()
{
    openElder(m_session, {}, this);
}

void LedgerView::visitCurrent()
{
    const std::string id = currentElderId();
    if (id.empty()) {
        QMessageBox::information(this, tr("Record a visit"), tr("Please choose an elder in the list first."));
        return;
    }
    recordVisit(m_session, id, this);
}

void LedgerView::exportCsv()
{
    exportLedgerCsv(m_session, this);
}

} // namespace shouwang::ui
