#include "duty_notice_print.h"

#include "ui/session/labels.h"
#include "ui/session/ledger_session.h"
#include "printing.h"

#include "domain/divisions.h"
#include "domain/duty_notice_letter.h"
#include "domain/schema_names.h"

#include <QCoreApplication>

namespace shouwang::ui {

QString dutyNoticeHtml(LedgerSession& session, const Record& notice)
{
    const auto supporter
        = session.ledger().get(schema::supporter::entity, notice.value(schema::duty_notice::supporter_id));
    const auto elder = session.ledger().get(schema::elder::entity, notice.value(schema::duty_notice::elder_id));
    const Division* village = findDivision(notice.villageCode);
    const DutyNoticeLetter letter = dutyNoticeLetter(notice, supporter.value_or(Record{}), elder.value_or(Record{}),
                                                     village ? shortVillageName(village->name) : notice.villageCode);
    QString html = QStringLiteral("<html><body><h2 align='center'>%1</h2><p>%2</p>")
                       .arg(qs(letter.title).toHtmlEscaped(), qs(letter.salutation).toHtmlEscaped());
    for (const std::string& paragraph : letter.paragraphs)
        html += QStringLiteral("<p>&nbsp;&nbsp;&nbsp;&nbsp;%1</p>").arg(qs(paragraph).toHtmlEscaped());
    html += QStringLiteral("<p align='right'>%1<br/>%2</p></body></html>")
                .arg(qs(letter.sender).toHtmlEscaped(), qs(letter.date).toHtmlEscaped());
    return html;
}

void printDutyNotice(LedgerSession& session, const Record& notice, QWidget* parent)
{
    printOrSave(
        session, [notice](LedgerSession& own) { return dutyNoticeHtml(own, notice); },
        QCoreApplication::translate("shouwang::ui::Printing", "urging notice") + QStringLiteral(".pdf"), parent);
}

} // namespace shouwang::ui
