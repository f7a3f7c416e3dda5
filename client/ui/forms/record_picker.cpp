#include "record_picker.h"

#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"

#include "domain/date.h"
#include "domain/idcard.h"
#include "domain/schema_names.h"
#include "store/reference_search.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QStandardItemModel>

namespace shouwang::ui {
namespace {

// The pause after the last keystroke before a search, so typing a name runs one search.
constexpr int kPauseMs = 200;

// Elders are picked within the scope this device keeps; other records (volunteers, the
// county's reference data) anywhere in the county, as before.
std::string scopeOf(LedgerSession& session, std::string_view entity)
{
    return entity == schema::elder::entity ? session.scopeCode() : session.countyCode();
}

QStandardItem* hint(const QString& text)
{
    auto* item = new QStandardItem(text);
    item->setFlags(Qt::NoItemFlags); // shown, never picked
    return item;
}

} // namespace

RecordSearchBox::RecordSearchBox(LedgerSession& session, std::string entity, QWidget* parent)
    : QLineEdit(parent)
    , m_session(session)
    , m_entity(std::move(entity))
    , m_model(new QStandardItemModel(this))
    , m_completer(new QCompleter(m_model, this))
{
    setPlaceholderText(m_entity == schema::elder::entity
                           ? tr("Type a name, the last digits of an ID number or a head of household")
                           : tr("Type part of a name or number (↓ lists them)"));
    setMinimumWidth(240);
    // The completer only shows what the core found; it filters nothing itself.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setMaxVisibleItems(12);
    m_completer->setWidget(this);
    connect(m_completer, qOverload<const QModelIndex&>(&QCompleter::activated), this, [this](const QModelIndex& index) {
        const QString id = index.data(Qt::UserRole).toString();
        if (!id.isEmpty())
            emit picked(id, index.data(Qt::DisplayRole).toString());
    });
    m_pause.setSingleShot(true);
    m_pause.setInterval(kPauseMs);
    connect(&m_pause, &QTimer::timeout, this, &RecordSearchBox::searchNow);
    connect(this, &QLineEdit::textEdited, this, [this] {
        if (!isReadOnly())
            m_pause.start();
    });
}

QAbstractItemView* RecordSearchBox::popup() const
{
    return m_completer->popup();
}

void RecordSearchBox::searchNow()
{
    m_pause.stop();
    if (isReadOnly())
        return;
    ReferenceQuery query;
    query.entity = m_entity;
    query.villagePrefix = scopeOf(m_session, m_entity);
    query.text = ss(text().trimmed());
    query.limit = kShown;
    const ReferenceMatches found = findReferences(m_session.database(), query, today());

    m_model->clear();
    for (const auto& match : found.matches) {
        auto* item = new QStandardItem(referenceLabel(m_session, match));
        item->setData(qs(match.record.id), Qt::UserRole);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        m_model->appendRow(item);
    }
    if (found.more)
        m_model->appendRow(hint(tr("More records match: type more of the name or number…")));
    if (found.matches.empty())
        m_model->appendRow(hint(query.text.empty() ? tr("Nothing to choose from yet")
                                                   : tr("No record matches “%1”").arg(text().trimmed())));
    m_completer->complete();
}

void RecordSearchBox::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Down && !m_completer->popup()->isVisible() && !isReadOnly()) {
        searchNow();
        return;
    }
    // Enter typed before the pause is over searches; it must not reach the dialog's Save.
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && m_pause.isActive()) {
        searchNow();
        event->accept();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

QString referenceLabel(LedgerSession& session, const ReferenceMatch& match)
{
    const Record& record = match.record;
    QString text = recordTitle(record);
    if (record.entity == schema::elder::entity) {
        if (record.has(schema::elder::id_number))
            text += QStringLiteral("（%1）").arg(qs(maskIdNumber(record.value(schema::elder::id_number))));
        if (!match.householdHead.empty() && match.householdHead != record.value(schema::elder::name))
            text += QLatin1Char(' ') + RecordSearchBox::tr("household of %1").arg(qs(match.householdHead));
    }
    if (record.deleted)
        text += RecordSearchBox::tr("(deleted)");
    else if (!record.villageCode.starts_with(scopeOf(session, record.entity)))
        text += RecordSearchBox::tr("(moved out of this area)");
    return text;
}

QString heldReferenceLabel(LedgerSession& session, std::string_view entity, std::string_view id)
{
    if (id.empty())
        return {};
    if (const auto match = describeReference(session.database(), entity, id))
        return referenceLabel(session, *match);
    return RecordSearchBox::tr("(not on this device yet) %1").arg(qs(id).left(8));
}

} // namespace shouwang::ui
