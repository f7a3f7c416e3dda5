#include "date_editor.h"

#include "ui/session/labels.h"
#include "ui/session/china_time.h"

#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QToolButton>

namespace shouwang::ui {
namespace {

const QDateTime kUnset(QDate(1900, 1, 1), QTime(0, 0));

class DateEditor final : public FieldEditor {
public:
    DateEditor(const FieldDef& field, QWidget* parent, bool withTime)
        : FieldEditor(field, parent)
        , m_box(new QWidget(parent))
        , m_edit(new QDateTimeEdit(m_box))
        , m_withTime(withTime)
    {
        auto* row = new QHBoxLayout(m_box);
        row->setContentsMargins(0, 0, 0, 0);
        m_edit->setCalendarPopup(true);
        m_edit->setDisplayFormat(withTime ? QStringLiteral("yyyy-MM-dd HH:mm") : QStringLiteral("yyyy-MM-dd"));
        m_edit->setMinimumDateTime(kUnset);
        m_edit->setSpecialValueText(FieldEditor::tr("Not set"));
        m_edit->setDateTime(kUnset);
        m_edit->setMinimumWidth(150);
        auto* todayButton = new QToolButton(m_box);
        todayButton->setText(FieldEditor::tr("Today"));
        auto* clearButton = new QToolButton(m_box);
        clearButton->setText(FieldEditor::tr("Clear"));
        row->addWidget(m_edit);
        row->addWidget(todayButton);
        row->addWidget(clearButton);
        row->addStretch();
        connect(m_edit, &QDateTimeEdit::dateTimeChanged, this, &FieldEditor::edited);
        connect(todayButton, &QToolButton::clicked, this, [this] {
            m_edit->setDateTime(m_withTime ? chinaNow() : QDateTime(chinaToday(), QTime(0, 0)));
        });
        connect(clearButton, &QToolButton::clicked, this, [this] { m_edit->setDateTime(kUnset); });
        m_buttons = {todayButton, clearButton};
    }
    QWidget* widget() const override { return m_box; }
    std::string value() const override
    {
        if (m_edit->dateTime() <= kUnset)
            return {};
        return ss(m_edit->dateTime().toString(m_withTime ? QStringLiteral("yyyy-MM-ddTHH:mm:ss")
                                                        : QStringLiteral("yyyy-MM-dd")));
    }
    void setValue(const std::string& value) override
    {
        const QSignalBlocker block(m_edit);
        QDateTime parsed;
        if (m_withTime)
            parsed = QDateTime::fromString(qs(value), Qt::ISODate);
        else
            parsed = QDateTime(QDate::fromString(qs(value), Qt::ISODate), QTime(0, 0));
        m_edit->setDateTime(parsed.isValid() ? parsed : kUnset);
    }
    void setReadOnly(bool readOnly) override
    {
        m_edit->setReadOnly(readOnly);
        for (auto* button : m_buttons)
            button->setEnabled(!readOnly);
    }

private:
    QWidget* m_box;
    QDateTimeEdit* m_edit;
    std::vector<QToolButton*> m_buttons;
    bool m_withTime;
};

} // namespace

std::unique_ptr<FieldEditor> createDateEditor(const FieldDef& field, QWidget* parent, bool withTime)
{
    return std::make_unique<DateEditor>(field, parent, withTime);
}

} // namespace shouwang::ui
