#include "same_id_notices.h"

#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"

#include "domain/idcard.h"
#include "store/id_number_notices.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace shouwang::ui {
namespace {
constexpr int kElderIdRole = Qt::UserRole;
constexpr int kOtherElderIdRole = Qt::UserRole + 1;
} // namespace

SameIdNotices::SameIdNotices(LedgerSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_title(new QLabel(this))
    , m_table(new QTableWidget(0, 3, this))
    , m_dismiss(new QPushButton(tr("Checked, dismiss this notice"), this))
{
    m_title->setWordWrap(true);
    m_title->setStyleSheet(QStringLiteral("color: #b05000;"));
    m_table->setObjectName(QStringLiteral("sameIdNotices"));
    m_table->setHorizontalHeaderLabels({tr("Elder"), tr("What the county says"), tr("Told")});
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_dismiss->setObjectName(QStringLiteral("dismissSameId"));
    m_dismiss->setEnabled(false);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_dismiss->setEnabled(!m_table->selectedItems().isEmpty()); });
    connect(m_dismiss, &QPushButton::clicked, this, &SameIdNotices::dismissSelected);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_dismiss);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
    refresh();
}

SameIdNotices::~SameIdNotices() = default;

void SameIdNotices::refresh()
{
    const std::vector<IdNumberNotice> notices = IdNumberNotices(m_session.database()).held();
    m_title->setText(tr("<b>ID numbers registered in another village</b> (%n elder(s); the county still took "
                        "them: check whether the person moved or was registered twice)",
                        nullptr, static_cast<int>(notices.size())));
    m_table->setRowCount(static_cast<int>(notices.size()));
    int row = 0;
    for (const IdNumberNotice& n : notices) {
        auto* elder = new QTableWidgetItem(qs(n.elderName) + QStringLiteral("（") + qs(maskIdNumber(n.idNumber))
                                           + QStringLiteral("）"));
        elder->setData(kElderIdRole, qs(n.elderId));
        elder->setData(kOtherElderIdRole, qs(n.otherElderId));
        m_table->setItem(row, 0, elder);
        m_table->setItem(row, 1, new QTableWidgetItem(qs(n.message)));
        m_table->setItem(row, 2, new QTableWidgetItem(qs(n.receivedAt).replace(u'T', u' ')));
        ++row;
    }
    m_table->resizeColumnToContents(0);
    m_table->resizeColumnToContents(2);
    m_table->resizeRowsToContents();
    m_dismiss->setEnabled(!m_table->selectedItems().isEmpty());
    setVisible(!notices.empty());
}

void SameIdNotices::dismissSelected()
{
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return;
    const QTableWidgetItem* elder = m_table->item(selected.first()->row(), 0);
    IdNumberNotices(m_session.database())
        .dismiss(ss(elder->data(kElderIdRole).toString()), ss(elder->data(kOtherElderIdRole).toString()));
    refresh();
}

} // namespace shouwang::ui
