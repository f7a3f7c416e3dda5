#include "enrollment_code_dialog.h"

#include "ui/session/labels.h"

#include "domain/divisions.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace shouwang::ui {
namespace {

// The most a code may last, as the server allows (server/enrollment.h).
constexpr int kLongestDays = 365;
constexpr int kDefaultDays = 7;

} // namespace

EnrollmentCodeDialog::EnrollmentCodeDialog(const Scope& admin, QWidget* parent)
    : QDialog(parent)
    , m_admin(admin)
    , m_level(new QComboBox(this))
    , m_unit(new QComboBox(this))
    , m_days(new QSpinBox(this))
    , m_make(new QPushButton(tr("Make the code"), this))
    , m_code(new QLabel(this))
{
    setWindowTitle(tr("Enrollment code for a new computer"));
    m_level->setObjectName(QStringLiteral("level"));
    m_unit->setObjectName(QStringLiteral("unit"));
    m_days->setObjectName(QStringLiteral("days"));
    m_code->setObjectName(QStringLiteral("code"));

    // What an admin of this scope may enrol: the units under it, and the scope itself.
    m_level->addItem(tr("Village or community"), QStringLiteral("village"));
    m_level->addItem(tr("Township or street"), QStringLiteral("township"));
    m_level->addItem(tr("County"), QStringLiteral("county"));
    if (admin.kind == Scope::Kind::City)
        m_level->addItem(tr("The whole city"), QStringLiteral("city"));
    // Typed to find among hundreds of villages: by name or code, anywhere in it.
    m_unit->setEditable(true);
    m_unit->setInsertPolicy(QComboBox::NoInsert);
    m_unit->completer()->setFilterMode(Qt::MatchContains);
    m_unit->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_unit->setMinimumContentsLength(30);
    m_days->setRange(1, kLongestDays);
    m_days->setValue(kDefaultDays);
    m_days->setSuffix(tr(" days"));
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_code->setStyleSheet(QStringLiteral("font-size: 20pt; font-family: monospace;"));
    m_code->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Level"), m_level);
    form->addRow(tr("Unit"), m_unit);
    form->addRow(tr("Valid for"), m_days);
    auto* note = new QLabel(tr("The code works once. Read it to the new computer's user, who types it on the "
                               "sync page with the server's address."),
                            this);
    note->setWordWrap(true);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_make);
    layout->addWidget(m_code);
    layout->addWidget(note);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_level, &QComboBox::currentIndexChanged, this, &EnrollmentCodeDialog::fillUnits);
    connect(m_make, &QPushButton::clicked, this, [this] {
        const QString scope = chosenScope();
        if (scope.isEmpty()) {
            showError(tr("Choose a unit from the list."));
            return;
        }
        m_make->setEnabled(false);
        m_code->setText(tr("Asking the server..."));
        emit codeRequested(scope, m_days->value());
    });
    fillUnits();
}

void EnrollmentCodeDialog::fillUnits()
{
    m_unit->clear();
    const QString level = m_level->currentData().toString();
    if (level == QStringLiteral("city")) {
        m_unit->addItem(tr("%1 (%2)").arg(qs(kCityName), qs(kCityCode)), qs(kCityCode));
        return;
    }
    const DivisionLevel wanted = level == QStringLiteral("village") ? DivisionLevel::Village
        : level == QStringLiteral("township")                       ? DivisionLevel::Township
                                                                    : DivisionLevel::County;
    for (const Division& d : allDivisions()) {
        if (d.level() == wanted && d.code.starts_with(m_admin.code))
            m_unit->addItem(tr("%1 (%2)").arg(qs(divisionPath(d.code)), qs(d.code)), qs(d.code));
    }
}

QString EnrollmentCodeDialog::chosenScope() const
{
    // The typed text must be one of the list's, not a guess at one.
    const int index = m_unit->findText(m_unit->currentText());
    if (index < 0)
        return {};
    return m_level->currentData().toString() + QLatin1Char(':') + m_unit->itemData(index).toString();
}

void EnrollmentCodeDialog::showCode(const QString& code, const QString& expiresAt)
{
    m_make->setEnabled(true);
    m_code->setText(tr("%1\nfor %2, valid until %3").arg(code, m_unit->currentText(), expiresAt));
}

void EnrollmentCodeDialog::showError(const QString& message)
{
    m_make->setEnabled(true);
    m_code->setText(message);
}

} // namespace shouwang::ui
