#include "record_table_model.h"

#include "ui/session/incident_delivery.h"
#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"

#include "domain/divisions.h"
#include "domain/idcard.h"
#include "domain/schema.h"
#include "domain/schema_names.h"

#include <QStringList>

namespace shouwang::ui {

RecordTableModel::RecordTableModel(LedgerSession& session, const EntityDef& entity, std::vector<std::string> columns,
                                   QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
    , m_entity(entity)
    , m_columns(std::move(columns))
{
    if (m_columns.empty()) {
        for (const auto& f : entity.fields)
            m_columns.emplace_back(f.name);
    }
    m_filter.villagePrefix = session.countyCode();
    m_filter.orderBy = "created_at";
    m_filter.descending = true;
}

void RecordTableModel::setFilter(ListFilter filter)
{
    m_filter = std::move(filter);
    reload();
}

void RecordTableModel::setPredicate(std::function<bool(const Record&)> predicate)
{
    m_predicate = std::move(predicate);
    reload();
}

void RecordTableModel::reload()
{
    beginResetModel();
    if (m_entity.name == schema::incident::entity) { // its status column shows whether the report has left
        m_awaitingUpload = incidentsAwaitingUpload(m_session);
        m_refused = incidentsRefused(m_session);
    }
    m_read = 0;
    m_records = readPage();
    endResetModel();
}

std::vector<Record> RecordTableModel::readPage()
{
    std::vector<Record> records;
    do { // a page the predicate empties would leave the view nothing to scroll to
        ListFilter page = m_filter;
        page.limit = kPageSize;
        page.offset = m_read;
        records = m_session.list(m_entity.name, page);
        m_read += records.size();
        m_more = records.size() == kPageSize;
        if (m_predicate)
            std::erase_if(records, [this](const Record& r) { return !m_predicate(r); });
    } while (records.empty() && m_more);
    return records;
}

bool RecordTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_more;
}

void RecordTableModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    std::vector<Record> more = readPage();
    if (more.empty())
        return; // the store had no more
    const int first = static_cast<int>(m_records.size());
    beginInsertRows({}, first, first + static_cast<int>(more.size()) - 1);
    for (auto& record : more)
        m_records.push_back(std::move(record));
    endInsertRows();
}

const Record* RecordTableModel::recordAt(int row) const
{
    return row >= 0 && row < static_cast<int>(m_records.size()) ? &m_records[static_cast<std::size_t>(row)] : nullptr;
}

int RecordTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_records.size());
}

int RecordTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant RecordTableModel::data(const QModelIndex& index, int role) const
{
    const Record* record = recordAt(index.row());
    if (!record || role != Qt::DisplayRole)
        return {};
    const std::string& column = m_columns[static_cast<std::size_t>(index.column())];
    if (column == kVillageColumn) {
        const Division* village = findDivision(record->villageCode);
        return village ? qs(shortVillageName(village->name)) : qs(record->villageCode);
    }
    if (column == schema::township_contact::township_code) // the county's emergency phones: the township by name
        return qs(divisionPath(record->value(column)));
    if (column == schema::incident::status && m_entity.name == schema::incident::entity)
        return incidentStateLabel(*record, m_awaitingUpload.contains(record->id), m_refused.contains(record->id));
    const FieldDef* field = m_entity.field(column);
    if (!field)
        return {};
    return displayValue(m_session, *field, record->value(column));
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= static_cast<int>(m_columns.size()))
        return QAbstractTableModel::headerData(section, orientation, role);
    const std::string& column = m_columns[static_cast<std::size_t>(section)];
    if (column == kVillageColumn)
        return tr("Village");
    const FieldDef* field = m_entity.field(column);
    return field ? label(*field) : QString();
}

QString RecordTableModel::displayValue(LedgerSession& session, const FieldDef& field, const std::string& value,
                                       bool maskPersonal)
{
    if (value.empty())
        return {};
    switch (field.type) {
    case FieldType::Enum:
        return enumLabel(field.ref, value);
    case FieldType::EnumSet:
        return enumSetLabel(field.ref, value);
    case FieldType::Bool:
        return value == "1" ? tr("Yes") : tr("No");
    case FieldType::Ref:
        return session.title(field.ref, value);
    case FieldType::RefList: {
        QStringList titles;
        for (const QString& id : qs(value).split(u',', Qt::SkipEmptyParts))
            titles << session.title(field.ref, ss(id));
        return titles.join(QStringLiteral("、"));
    }
    case FieldType::Phone:
        return maskPersonal ? qs(maskPhone(value)) : qs(value);
    case FieldType::IdNumber:
        return maskPersonal ? qs(maskIdNumber(value)) : qs(value);
    case FieldType::DateTime:
        return qs(value).replace(u'T', u' ').left(16);
    case FieldType::LongText:
        return qs(value).simplified().left(60);
    case FieldType::Text:
    case FieldType::Integer:
    case FieldType::Date:
        break;
    }
    return qs(value);
}

} // namespace shouwang::ui
