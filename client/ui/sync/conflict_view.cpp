#include "conflict_view.h"

#include "conflict_table.h"
#include "ui/forms/field_editor_factory.h"
#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "ui/forms/record_table_model.h"

#include "domain/date.h"
#include "domain/schema.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace shouwang::ui {
namespace {

const FieldDef* fieldOf(const Conflict& c)
{
    const EntityDef* entity = findEntity(c.entity);
    return entity ? entity->field(c.field) : nullptr;
}

QString whenOf(const Hlc& hlc)
{
    return qs(formatDateTime(static_cast<std::int64_t>(hlc.time >> 16))).replace(u'T', u' ').left(16);
}

} // namespace

ConflictView::ConflictView(LedgerSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_table(new ConflictTable(session, this))
    , m_heading(new QLabel(this))
    , m_error(new QLabel(this))
    , m_detail(new QWidget(this))
{
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ConflictView::showSelected);

    m_heading->setTextFormat(Qt::RichText);
    m_heading->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c00000;"));
    m_error->setWordWrap(true);
    m_error->hide();
    auto* sides = new QHBoxLayout;
    sides->addWidget(valueBox(tr("Value A (earlier)"), m_valueA, m_useA));
    sides->addWidget(valueBox(tr("Value B (later, shown now)"), m_valueB, m_useB));
    auto* typedBox = new QGroupBox(tr("Or type the right value"), m_detail);
    m_typedLayout = new QVBoxLayout(typedBox);
    m_useTyped = new QPushButton(tr("Use the typed value"), typedBox);
    m_typedLayout->addWidget(m_useTyped);
    m_typedLayout->addWidget(m_error);
    sides->addWidget(typedBox);
    connect(m_useA, &QPushButton::clicked, this, &ConflictView::chooseA);
    connect(m_useB, &QPushButton::clicked, this, &ConflictView::chooseB);
    connect(m_useTyped, &QPushButton::clicked, this, &ConflictView::chooseTyped);

    auto* detailLayout = new QVBoxLayout(m_detail);
    detailLayout->addWidget(m_heading);
    detailLayout->addLayout(sides);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<b>Conflicts</b>: two people changed the same field at the same time. Choose "
                                    "the right value; your choice is sent to every computer with the next sync."),
                                 this));
    layout->addWidget(m_table, 1);
    layout->addWidget(m_detail);
    connect(&session, &LedgerSession::changed, this, &ConflictView::refresh);
    refresh();
}

ConflictView::~ConflictView() = default;

QTableWidget* ConflictView::table() const
{
    return m_table;
}

QGroupBox* ConflictView::valueBox(const QString& title, QLabel*& text, QPushButton*& button)
{
    auto* box = new QGroupBox(title, m_detail);
    auto* layout = new QVBoxLayout(box);
    text = new QLabel(box);
    text->setTextFormat(Qt::RichText);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    button = new QPushButton(tr("Use this value"), box);
    layout->addWidget(text, 1);
    layout->addWidget(button);
    return box;
}

void ConflictView::refresh()
{
    m_conflicts = ConflictQueue(m_session.database()).open(m_session.scopeCode());
    const QSignalBlocker block(m_table);
    m_table->setConflicts(m_conflicts);
    m_table->clearSelection();
    showSelected();
}

void ConflictView::select(int row)
{
    m_table->selectRow(row);
    showSelected();
}

const Conflict* ConflictView::selected() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= conflictCount())
        return nullptr;
    return &m_conflicts[static_cast<std::size_t>(rows.first().row())];
}

void ConflictView::showSelected()
{
    const Conflict* c = selected();
    m_detail->setEnabled(c != nullptr);
    m_error->hide();
    if (m_typed) {
        delete m_typed->widget();
        m_typed.reset();
    }
    if (!c) {
        m_heading->setText(conflictCount() ? tr("Choose a conflict in the list.") : tr("No conflicts to review."));
        m_valueA->clear();
        m_valueB->clear();
        return;
    }
    const FieldDef* field = fieldOf(*c);
    const EntityDef* entity = findEntity(c->entity);
    m_heading->setText(tr("<b>%1</b> of %2").arg(field ? label(*field) : qs(c->field),
                                                  (entity ? label(*entity) : qs(c->entity)) + QStringLiteral("：")
                                                      + m_session.title(c->entity, c->recordId)));
    auto side = [&](const std::string& value, const std::string& who, const Hlc& when) {
        const QString shown = field ? RecordTableModel::displayValue(m_session, *field, value, false) : qs(value);
        return tr("<p style='font-size:14pt'>%1</p><p>written by %2 at %3</p>")
            .arg(shown.isEmpty() ? tr("(empty)") : shown.toHtmlEscaped(), qs(who).toHtmlEscaped(), whenOf(when));
    };
    m_valueA->setText(side(c->valueA, c->operatorA, c->hlcA));
    m_valueB->setText(side(c->valueB, c->operatorB, c->hlcB));
    if (field) {
        m_typed = createFieldEditor(*field, m_session, m_detail);
        m_typed->setValue(c->valueB);
        m_typedLayout->insertWidget(0, m_typed->widget());
    }
    m_useTyped->setEnabled(field != nullptr);
}

bool ConflictView::chooseA()
{
    const Conflict* c = selected();
    return c && resolve(c->valueA);
}

bool ConflictView::chooseB()
{
    const Conflict* c = selected();
    return c && resolve(c->valueB);
}

bool ConflictView::chooseTyped()
{
    return selected() && m_typed && resolve(m_typed->value());
}

bool ConflictView::resolve(const std::string& value)
{
    const Conflict conflict = *selected();
    const std::string who = m_session.operatorName();
    const SaveResult result = resolveConflict(m_session.ledger(), conflict, value, who.empty() ? "村委会" : who);
    if (!result.ok()) {
        QStringList messages;
        for (const auto& error : result.errors)
            messages << qs(error.message);
        if (!result.message.empty())
            messages << qs(result.message);
        m_error->setText(messages.join(u'\n'));
        m_error->show();
        return false;
    }
    m_session.notifyChanged();
    return true;
}

QString ConflictView::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace shouwang::ui
