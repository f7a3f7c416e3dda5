#include "first_run_dialog.h"

#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/session/ledger_task.h"
#include "ui/forms/searchable_combo.h"

#include "demo/demo_generator.h"
#include "domain/divisions.h"
#include "net/server_url.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace shouwang::ui {

FirstRunDialog::FirstRunDialog(QWidget* parent)
    : QDialog(parent)
    , m_county(new QComboBox(this))
    , m_township(new QComboBox(this))
    , m_village(new QComboBox(this))
    , m_operator(new QLineEdit(this))
{
    setWindowTitle(tr("Welcome to Shouwang"));
    // 38 counties, up to 40 townships, hundreds of villages: type part of a name to find it.
    for (QComboBox* combo : {m_county, m_township, m_village})
        makeSearchable(combo);
    for (const Division* county : counties())
        m_county->addItem(qs(county->name), qs(county->code));
    connect(m_county, &QComboBox::currentIndexChanged, this, &FirstRunDialog::fillTownships);
    connect(m_township, &QComboBox::currentIndexChanged, this, &FirstRunDialog::fillVillages);
    m_operator->setPlaceholderText(tr("e.g. 张文书"));
    // The server takes operator names of up to 96 bytes (kMaxOperatorNameBytes): 32 汉字.
    m_operator->setMaxLength(32);

    auto* placeBox = new QGroupBox(tr("1. Which village does this computer keep?"), this);
    auto* placeForm = new QFormLayout(placeBox);
    placeForm->addRow(tr("County"), m_county);
    placeForm->addRow(tr("Township"), m_township);
    placeForm->addRow(tr("Village"), m_village);
    placeForm->addRow(tr("Your name"), m_operator);

    auto* startBox = new QGroupBox(tr("2. How do you want to begin?"), this);
    auto* startLayout = new QVBoxLayout(startBox);
    m_empty = new QRadioButton(tr("Start an empty ledger (enroll with the county later, under Sync)"), startBox);
    m_enroll = new QRadioButton(tr("Enroll now with the code from the county:"), startBox);
    m_demo = new QRadioButton(tr("Open a demo village to learn with (made-up people)"), startBox);
    m_server = new QLineEdit(startBox);
    m_server->setPlaceholderText(tr("Server address, e.g. http://192.168.1.10:8443"));
    auto* httpWarning = new QLabel(plainHttpWarning(), startBox);
    httpWarning->setObjectName(QStringLiteral("httpWarning"));
    httpWarning->setWordWrap(true);
    httpWarning->setStyleSheet(QStringLiteral("color: #b00020;"));
    httpWarning->hide();
    connect(m_server, &QLineEdit::textChanged, httpWarning, [httpWarning](const QString& text) {
        httpWarning->setVisible(net::isPlainHttpOffLoopback(ss(text.trimmed())));
    });
    m_code = new QLineEdit(startBox);
    m_code->setPlaceholderText(tr("Enrollment code"));
    m_demoLevel = new QComboBox(startBox);
    m_demoLevel->addItem(tr("Demo of the chosen village"), static_cast<int>(DivisionLevel::Village));
    m_demoLevel->addItem(tr("Demo of its township (township staff's view)"), static_cast<int>(DivisionLevel::Township));
    m_demoLevel->addItem(tr("Demo of its county (county office's view)"), static_cast<int>(DivisionLevel::County));
    connect(m_demoLevel, &QComboBox::activated, m_demo, [this] { m_demo->setChecked(true); });
    m_empty->setChecked(true);
    for (QWidget* w : std::initializer_list<QWidget*>{m_empty, m_enroll, m_server, httpWarning, m_code, m_demo, m_demoLevel})
        startLayout->addWidget(w);

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(tr("Start"), QDialogButtonBox::AcceptRole)->setDefault(true);
    buttons->addButton(tr("Quit"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &FirstRunDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &FirstRunDialog::reject);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("This program keeps the village's ledger of left-behind elders on this computer. "
                                "It works without a network and sends the changes to the county when it can."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(placeBox);
    layout->addWidget(startBox);
    layout->addWidget(buttons);
    fillTownships();
    resize(560, 480);
}

void FirstRunDialog::fillTownships()
{
    const QSignalBlocker block(m_township);
    m_township->clear();
    for (const Division* township : childDivisions(ss(m_county->currentData().toString())))
        m_township->addItem(qs(township->name), qs(township->code));
    fillVillages();
}

void FirstRunDialog::fillVillages()
{
    m_village->clear();
    for (const Division* village : childDivisions(ss(m_township->currentData().toString()))) {
        if (village->isVillageCommittee())
            m_village->addItem(qs(shortVillageName(village->name)), qs(village->code));
    }
    for (const Division* village : childDivisions(ss(m_township->currentData().toString()))) {
        if (!village->isVillageCommittee())
            m_village->addItem(qs(shortVillageName(village->name)), qs(village->code));
    }
}

void FirstRunDialog::selectVillage(const std::string& code)
{
    m_county->setCurrentIndex(m_county->findData(qs(enclosingCode(code, DivisionLevel::County))));
    m_township->setCurrentIndex(m_township->findData(qs(enclosingCode(code, DivisionLevel::Township))));
    m_village->setCurrentIndex(m_village->findData(qs(code)));
}

std::string FirstRunDialog::villageCode() const
{
    return ss(m_village->currentData().toString());
}

std::string FirstRunDialog::scopeCode() const
{
    if (start() != Start::Demo)
        return villageCode();
    return std::string(enclosingCode(villageCode(), static_cast<DivisionLevel>(m_demoLevel->currentData().toInt())));
}

QString FirstRunDialog::operatorName() const
{
    return m_operator->text().trimmed();
}

FirstRunDialog::Start FirstRunDialog::start() const
{
    return m_enroll->isChecked() ? Start::Enroll : m_demo->isChecked() ? Start::Demo : Start::Empty;
}

QString FirstRunDialog::serverUrl() const
{
    return m_server->text().trimmed();
}

QString FirstRunDialog::enrollmentCode() const
{
    return m_code->text().trimmed();
}

void FirstRunDialog::accept()
{
    QString problem;
    // Typed text that matches no entry would leave the previous choice standing unseen.
    bool typedUnknown = false;
    for (QComboBox* combo : {m_county, m_township, m_village})
        typedUnknown |= combo->findText(combo->currentText()) < 0;
    if (levelOfCode(villageCode()) != DivisionLevel::Village || typedUnknown)
        problem = tr("Please choose the village.");
    else if (operatorName().isEmpty())
        problem = tr("Please type your name: it is recorded with every change.");
    else if (start() == Start::Enroll && (serverUrl().isEmpty() || enrollmentCode().isEmpty()))
        problem = tr("To enroll, type the server address and the code from the county.");
    if (!problem.isEmpty()) {
        QMessageBox::warning(this, windowTitle(), problem);
        return;
    }
    QDialog::accept();
}

QString createDemo(LedgerSession& session, const std::string& scopeCode, std::size_t elders, QWidget* parent)
{
    auto job = [scopeCode, elders](LedgerSession& own, LedgerTask& task) {
        DemoOptions options;
        options.scopeCode = scopeCode;
        // A township or county demo: a handful of villages, enough to compare them.
        const std::optional<DivisionLevel> level = levelOfCode(scopeCode);
        options.villages = level == DivisionLevel::Village ? 0 : level == DivisionLevel::Township ? 6 : 12;
        options.elders = level == DivisionLevel::Village ? elders : options.villages * elders / 5;
        options.visitsPerElder = 12;
        generateDemo(own.ledger(), options, [&task](std::size_t done, std::size_t total) {
            task.setProgress(static_cast<int>(done), static_cast<int>(total));
        });
        own.ledger().derived().refreshAll();
        return QString();
    };
    const QString error = runWithProgress(session.path(), FirstRunDialog::tr("Creating the demo..."), job, parent);
    session.ledger().derived().forgetStandard();
    session.notifyChanged();
    return error;
}

} // namespace shouwang::ui
